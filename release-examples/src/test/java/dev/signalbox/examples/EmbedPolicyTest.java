package dev.signalbox.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signalbox.core.model.Decision;
import dev.signalbox.core.model.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The embedding example decides the sample change and prints why. */
class EmbedPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void aChangeWithNoReviewsYetIsNotYetAndSaysWhatItNeeds() {
    Examples.Output out = new Examples.Output();
    Decision decision = EmbedPolicy.run(Examples.change815(), NOW, out.stream());

    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_YET);
    assertThat(out.text())
        .startsWith("815: NOT_YET\n")
        .contains("  review-quorum: ")
        .contains(
            "  -> needs 2 more APPROVE verdicts on DATA from reviewers other than the producer");
  }
}
