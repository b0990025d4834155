package dev.signalbox.core.spi;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.model.ChangeRequest;
import dev.signalbox.core.model.ContentDigest;
import dev.signalbox.core.model.RiskSurface;
import java.time.Instant;

/**
 * What the review board asks one reviewer: one change, at one content digest, on one risk surface,
 * answered by a deadline.
 *
 * <p>Immutable, so that a reviewer cannot change what the others see.
 *
 * @param change the change under review
 * @param surface the one risk surface to review
 * @param contentDigest the content digest of the revision under review; the verdict must name it
 * @param snapshot the diff and the touched files at head, to read instead of the repository
 * @param deadline when the board stops waiting for an answer
 */
public record ReviewRequest(
    ChangeRequest change,
    RiskSurface surface,
    ContentDigest contentDigest,
    ChangeSnapshot snapshot,
    Instant deadline) {
  /**
   * Checks the fields.
   *
   * @throws dev.signalbox.core.InvalidValueException if a field is null
   */
  public ReviewRequest {
    Class<?> t = ReviewRequest.class;
    Checks.present(t, "change", change);
    Checks.present(t, "surface", surface);
    Checks.present(t, "contentDigest", contentDigest);
    Checks.present(t, "snapshot", snapshot);
    Checks.instant(t, "deadline", deadline);
  }
}
