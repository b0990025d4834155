package dev.signalbox.testkit.contracts;

import dev.signalbox.core.spi.RiskScorer;

/**
 * A scorer that declares no monotone feature (both sets empty, the defaults) runs the whole
 * contract: the monotonicity check then checks nothing rather than failing on the equal sets.
 */
class UndeclaredRiskScorerContractTest extends RiskScorerContract {
  @Override
  protected RiskScorer scorer() {
    return RiskScorer.defaults();
  }
}
