package dev.signalbox.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.risk.ChangeFeature;
import dev.signalbox.core.risk.FeatureVector;
import dev.signalbox.core.spi.RiskScorer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The risk scorer contract catches scorers that break it, each in the test about what it breaks;
 * the default scorer's own contract test shows those checks pass on a scorer that keeps them.
 */
class RiskScorerContractSelfTest {
  private static final RiskScorer DEFAULT = RiskScorer.defaults();

  /** A contract over a scorer that rewrites the default scorer's answer with {@code change}. */
  private static RiskScorerContract contract(Function<ChangeRisk, ChangeRisk> change) {
    return new RiskScorerContract() {
      @Override
      protected RiskScorer scorer() {
        return features -> change.apply(DEFAULT.score(features));
      }
    };
  }

  /** {@code risk} with another probability, percentile, logit and intercept. */
  private static ChangeRisk with(
      ChangeRisk risk, double probability, double percentile, double logit, double intercept) {
    return new ChangeRisk(
        probability,
        percentile,
        logit,
        intercept,
        risk.contributions(),
        risk.modelId(),
        risk.modelVersion());
  }

  private static double sum(ChangeRisk risk) {
    return risk.logit() - risk.intercept();
  }

  @Test
  void aProbabilityThatFallsAsTheContributionsRiseIsCaught() {
    RiskScorerContract contract =
        contract(
            r -> with(r, 1 / (1 + Math.exp(sum(r))), r.percentile(), r.logit(), r.intercept()));
    assertThatThrownBy(contract::probabilityAndPercentileNeverFallAsTheContributionsRise)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the probability at contributions");
  }

  @Test
  void aPercentileThatFallsAsTheContributionsRiseIsCaught() {
    RiskScorerContract contract =
        contract(r -> with(r, r.probability(), 100 - r.percentile(), r.logit(), r.intercept()));
    assertThatThrownBy(contract::probabilityAndPercentileNeverFallAsTheContributionsRise)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the percentile at contributions");
  }

  /**
   * A scorer whose intercept moves with the change: its contributions still add up, but they no
   * longer explain how one change's risk differs from another's.
   */
  @Test
  void anInterceptThatMovesWithTheChangeIsCaught() {
    RiskScorerContract contract =
        contract(
            r ->
                with(
                    r,
                    r.probability(),
                    r.percentile(),
                    r.logit() + r.probability(),
                    r.intercept() + r.probability()));
    assertThatThrownBy(contract::everyScoreNamesTheSameModelAndIntercept)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("intercept");
  }

  @Test
  void aScoreThatChangesWhenAskedAgainIsCaught() {
    int[] calls = {0};
    RiskScorerContract contract =
        contract(r -> with(r, r.probability(), (calls[0]++ % 2) * 100.0, r.logit(), r.intercept()));
    assertThatThrownBy(contract::isDeterministic).isInstanceOf(AssertionError.class);
  }

  @Test
  void aScorerThatScoresNullIsCaught() {
    RiskScorerContract contract =
        new RiskScorerContract() {
          @Override
          protected RiskScorer scorer() {
            // a null is scored as the change with every feature 0
            return features ->
                DEFAULT.score(
                    features == null
                        ? FeatureVector.of(new double[ChangeFeature.values().length])
                        : features);
          }
        };
    assertThatThrownBy(contract::refusesNullFeatures).isInstanceOf(AssertionError.class);
  }
}
