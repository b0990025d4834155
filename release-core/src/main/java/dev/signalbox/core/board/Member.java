package dev.signalbox.core.board;

import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.spi.Reviewer;
import java.util.Set;

/**
 * A reviewer on the board, with the identity and surfaces it declared when the board was built.
 *
 * @param reviewer the reviewer
 * @param identity what {@link Reviewer#identity()} returned; its verdicts must name it
 * @param surfaces what {@link Reviewer#surfaces()} returned; it is asked about no other
 */
record Member(Reviewer reviewer, Agent identity, Set<RiskSurface> surfaces) {
  /** The reviewer's id, its family in brackets: {@code sec-bot (claude)}. */
  String describe() {
    return identity.id() + " (" + identity.modelFamily() + ")";
  }
}
