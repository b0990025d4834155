package dev.signalbox.testkit.contracts;

import dev.signalbox.core.risk.ChangeFeature;
import dev.signalbox.core.risk.FeatureVector;
import dev.signalbox.core.risk.ModelCard;
import dev.signalbox.core.risk.RiskTerm;
import dev.signalbox.core.spi.RiskScorer;
import dev.signalbox.testkit.generators.RiskGenerators;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The default model's scorer passes the risk scorer contract; it is monotone along every feature,
 * in the direction of the feature's weight (every transform it uses is non-decreasing).
 */
class DefaultRiskScorerContractTest extends RiskScorerContract {
  @Override
  protected RiskScorer scorer() {
    return RiskScorer.defaults();
  }

  @Override
  protected List<FeatureVector> examples() {
    return List.of(
        RiskGenerators.vectorOfDraw(0),
        RiskGenerators.vectorOfDraw(0.5),
        RiskGenerators.vectorOfDraw(1));
  }

  @Override
  protected Set<ChangeFeature> increasing() {
    return direction(true);
  }

  @Override
  protected Set<ChangeFeature> decreasing() {
    return direction(false);
  }

  private static Set<ChangeFeature> direction(boolean increasing) {
    Set<ChangeFeature> features = EnumSet.noneOf(ChangeFeature.class);
    for (RiskTerm term : ModelCard.defaults().model().terms()) {
      if (term.weight() != 0 && (term.weight() > 0) == increasing) {
        features.add(term.feature());
      }
    }
    return features;
  }
}
