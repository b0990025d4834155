package dev.signalbox.core.policy;

import com.google.common.collect.ImmutableList;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.Reason;
import dev.signalbox.core.model.RequiredAction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one rule says of a change: it passes, it is not ready yet, or it must go back for a new
 * revision — each with its reasons and the actions that would make it pass.
 */
public sealed interface RuleResult {

  /** The reasons: notes for a pass, what holds the change otherwise. */
  List<Reason> reasons();

  /** A pass, with notes worth reporting (such as ignored evidence), or none. */
  static RuleResult pass(Reason... notes) {
    return notes.length == 0 ? Pass.EMPTY : new Pass(ImmutableList.copyOf(notes));
  }

  /** A pass with {@code notes}, which may be empty. */
  static RuleResult pass(List<Reason> notes) {
    return notes.isEmpty() ? Pass.EMPTY : new Pass(notes);
  }

  /** Not yet: {@code reason} holds the change until {@code required} is done. */
  static RuleResult notYet(Reason reason, RequiredAction... required) {
    return new NotYet(ImmutableList.of(reason), ImmutableList.copyOf(required), Optional.empty());
  }

  /** Not yet: {@code reason} holds the change until {@code retryAt} at the earliest. */
  static RuleResult notYetUntil(
      Reason reason, Optional<Instant> retryAt, RequiredAction... required) {
    return new NotYet(ImmutableList.of(reason), ImmutableList.copyOf(required), retryAt);
  }

  /** Send back: the change needs a new revision, as {@code required} says. */
  static RuleResult sendBack(Reason reason, RequiredAction... required) {
    return new SendBack(ImmutableList.of(reason), ImmutableList.copyOf(required));
  }

  /**
   * The rule passes.
   *
   * @param reasons notes worth reporting; may be empty
   */
  record Pass(List<Reason> reasons) implements RuleResult {
    /** A pass without notes; most rules pass so on most decisions, so it is shared. */
    static final Pass EMPTY = new Pass(List.of());

    /** Copies the notes. */
    public Pass {
      reasons = Checks.list(Pass.class, "reasons", reasons);
    }
  }

  /**
   * The change is not ready yet: evidence is missing, or a window holds it.
   *
   * @param reasons what holds it; at least one
   * @param required what would make the rule pass
   * @param retryAt the earliest instant at which time alone could make it pass, if time can
   */
  record NotYet(List<Reason> reasons, List<RequiredAction> required, Optional<Instant> retryAt)
      implements RuleResult {
    /** Checks the fields. */
    public NotYet {
      reasons = Checks.nonEmptyList(NotYet.class, "reasons", reasons);
      required = Checks.list(NotYet.class, "required", required);
      Checks.optional(NotYet.class, "retryAt", retryAt);
    }
  }

  /**
   * The change must go back for a new revision.
   *
   * @param reasons why; at least one
   * @param required what the new revision must do
   */
  record SendBack(List<Reason> reasons, List<RequiredAction> required) implements RuleResult {
    /** Checks the fields. */
    public SendBack {
      reasons = Checks.nonEmptyList(SendBack.class, "reasons", reasons);
      required = Checks.list(SendBack.class, "required", required);
    }
  }
}
