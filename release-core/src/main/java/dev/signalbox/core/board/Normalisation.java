package dev.signalbox.core.board;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.json.InvalidDocumentException;
import dev.signalbox.core.model.AbstainCause;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Verdict;
import dev.signalbox.core.spi.ReviewFailure;
import dev.signalbox.core.spi.ReviewRequest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a reviewer answered into the verdict the board reports: its own verdict when it is
 * bound to what was asked, an abstention with its cause otherwise. Never turns anything into an
 * approval that the reviewer did not give, bound to the request, under its own name.
 */
final class Normalisation {
  /** Longest detail kept from a reviewer's message, so that a chatty failure stays readable. */
  static final int MAX_DETAIL = 1_000;

  private Normalisation() {}

  /**
   * The verdict for {@code answer}, which {@code asked} returned for {@code request}: the answer
   * itself if it names {@code asked}, the request's change, surface and content digest; otherwise
   * an abstention, IMPERSONATED, MALFORMED or STALE, saying what did not match.
   */
  static Verdict answer(ReviewRequest request, Agent asked, @Nullable Verdict answer, Instant now) {
    if (answer == null) {
      return abstain(request, asked, now, AbstainCause.MALFORMED, "returned no verdict");
    }
    if (!answer.reviewer().equals(asked)) {
      return abstain(
          request,
          asked,
          now,
          AbstainCause.IMPERSONATED,
          "verdict names "
              + describe(answer.reviewer())
              + ", not the reviewer asked, "
              + describe(asked));
    }
    if (!answer.change().equals(request.change().ref())) {
      return abstain(
          request,
          asked,
          now,
          AbstainCause.MALFORMED,
          "verdict is for change "
              + answer.change()
              + ", not the change asked about, "
              + request.change().ref());
    }
    if (answer.surface() != request.surface()) {
      return abstain(
          request,
          asked,
          now,
          AbstainCause.MALFORMED,
          "verdict is on "
              + answer.surface()
              + ", not on the surface asked about, "
              + request.surface());
    }
    if (!answer.contentDigest().equals(request.contentDigest())) {
      return abstain(
          request,
          asked,
          now,
          AbstainCause.STALE,
          "verdict read content "
              + answer.contentDigest()
              + ", not the content under review, "
              + request.contentDigest());
    }
    return answer;
  }

  /**
   * The abstention for a review that threw {@code failure} and will not be retried: MALFORMED when
   * the answer failed the model's validation, FAILED otherwise.
   *
   * @param attempts how many attempts were made, for the detail
   */
  static Verdict failure(
      ReviewRequest request, Agent asked, Throwable failure, int attempts, Instant now) {
    String tries = attempts == 1 ? "" : " (attempt " + attempts + ")";
    if (invalidAnswer(failure)) {
      return abstain(
          request,
          asked,
          now,
          AbstainCause.MALFORMED,
          "answer is not a valid verdict" + tries + ": " + message(failure));
    }
    if (failure instanceof ReviewFailure review) {
      return abstain(
          request,
          asked,
          now,
          AbstainCause.FAILED,
          (review.isTransient() ? "transient" : "permanent")
              + " failure"
              + tries
              + ": "
              + message(failure));
    }
    if (failure instanceof InterruptedException) {
      return abstain(
          request,
          asked,
          now,
          AbstainCause.FAILED,
          "was interrupted, though the board did not cancel it" + tries);
    }
    return abstain(
        request,
        asked,
        now,
        AbstainCause.FAILED,
        "threw " + failure.getClass().getName() + tries + ": " + message(failure));
  }

  /** An abstention by {@code asked} on {@code request}'s surface, bound to what was asked. */
  static Verdict abstain(
      ReviewRequest request, Agent asked, Instant now, AbstainCause cause, String detail) {
    return Verdict.abstain(
        request.change().ref(),
        asked,
        request.surface(),
        request.contentDigest(),
        now,
        cause,
        detail(detail));
  }

  /** A failure's message, or its class's name when it has none. */
  static String message(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }

  /** Whether {@code failure}, or a cause of it, says the answer failed the model's validation. */
  private static boolean invalidAnswer(Throwable failure) {
    @Nullable Throwable t = failure;
    for (int depth = 0; t != null && depth < 16; depth++) { // 16: causes may form a cycle
      if (t instanceof InvalidValueException || t instanceof InvalidDocumentException) {
        return true;
      }
      t = t.getCause();
    }
    return false;
  }

  private static String describe(Agent agent) {
    return agent.id()
        + " (model "
        + agent.model()
        + ", family "
        + agent.modelFamily()
        + ", operator "
        + agent.operatorId()
        + ")";
  }

  /** {@code text} made fit for an abstention's detail: no NUL, not blank, not too long. */
  private static String detail(String text) {
    String clean = text.replace('\0', '\uFFFD');
    if (clean.length() > MAX_DETAIL) {
      clean = clean.substring(0, MAX_DETAIL) + "…";
    }
    return clean.isBlank() ? "(no detail)" : clean;
  }
}
