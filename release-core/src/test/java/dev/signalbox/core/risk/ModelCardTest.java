package dev.signalbox.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.signalbox.core.model.ChangeRisk;
import dev.signalbox.core.spi.RiskScorer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default model ships as a resource that loads and scores, and training is deterministic:
 * retraining on the same CSVs gives a bit-identical model file.
 */
class ModelCardTest {
  /**
   * Where the shared training data lives, given with {@code -Dsignalbox.riskData=<folder>}: the
   * full retraining takes minutes, so it runs only when asked for, never in the ordinary build.
   */
  private static final @Nullable String RISK_DATA = System.getProperty("signalbox.riskData");

  @TempDir Path dir;

  /** A small repository's risk data: reverts more likely for large changes, a few everywhere. */
  private static void writeCsv(Path file, int rows, int salt) throws IOException {
    List<String> header = new ArrayList<>(List.of("sha", "commit_time", "author_id"));
    for (ChangeFeature feature : ChangeFeature.values()) {
      header.add(feature.column());
    }
    header.addAll(List.of("reverted", "censored"));
    StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
    for (int i = 0; i < rows; i++) {
      int added = (i * 37 + salt) % 500;
      List<String> cells = new ArrayList<>();
      cells.add(String.format("%040x", i + 1000L * salt));
      cells.add(Long.toString(1_700_000_000L + 3600L * i));
      cells.add("author" + (i % 5));
      for (ChangeFeature feature : ChangeFeature.values()) {
        double value =
            switch (feature) {
              case FILES_CHANGED -> 1 + (i * 7 + salt) % 10;
              case LINES_ADDED -> added;
              case LINES_DELETED -> (i * 13) % 80;
              case TOUCHES_TESTS -> i % 3 == 0 ? 1 : 0;
              case HOUR_LOCAL -> i % 24;
              case WEEKDAY -> i % 7;
              case ENTROPY -> (i % 9) / 3.0;
              case FILE_AGE_DAYS_MEAN -> i % 11 == 0 ? -1 : (i * 3.25) % 700;
              case AUTHOR_PRIOR_COMMITS -> i / 5;
              case MSG_LEN -> 20 + i % 300;
              default -> 0;
            };
        cells.add(Double.toString(value));
      }
      boolean reverted = (added > 420 && i % 3 != 0) || i % 23 == salt % 23;
      cells.add(reverted ? "1" : "0");
      cells.add("0");
      text.append(String.join(",", cells)).append('\n');
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private ModelCard trainSmall() {
    return ModelCard.train(
        "small", "1", dir, List.of("alpha", "beta"), RiskTrainer.defaults(), true);
  }

  @Test
  void retrainingOnTheSameDataGivesABitIdenticalFile() throws IOException {
    writeCsv(dir.resolve("alpha.csv"), 400, 1);
    writeCsv(dir.resolve("beta.csv"), 300, 2);

    String first = trainSmall().json();
    String second = trainSmall().json();

    assertThat(second).isEqualTo(first);
    assertThat(ModelCard.read(first).json()).as("read back and written again").isEqualTo(first);
    ModelCard card = ModelCard.read(first);
    assertThat(card.report().data())
        .extracting(TrainingReport.DataSource::name)
        .containsExactly("alpha", "beta");
    assertThat(card.report().data().get(0).rows()).isEqualTo(400);
    assertThat(card.report().fitRows() + card.report().calibrationRows()).isEqualTo(700);
    assertThat(card.report().evaluation()).isPresent();
    assertThat(card.percentiles()).hasSize(ModelCard.QUANTILES).isSorted();
    // the size the data was built on is what the model learns
    RiskTerm added =
        card.model().terms().stream()
            .filter(t -> t.feature() == ChangeFeature.LINES_ADDED)
            .findFirst()
            .orElseThrow();
    assertThat(added.weight()).isPositive();
  }

  @Test
  void theDefaultModelLoadsAndScores() {
    ModelCard card = ModelCard.defaults();

    assertThat(card.model().id()).isEqualTo(ModelCard.DEFAULT_ID);
    assertThat(card.model().version()).isEqualTo(ModelCard.DEFAULT_VERSION);
    assertThat(RiskModel.defaultModel()).isEqualTo(card.model());
    assertThat(card.report().data())
        .extracting(TrainingReport.DataSource::name)
        .containsExactlyElementsOf(ModelCard.DEFAULT_DATA);
    assertThat(card.report().evaluation()).isPresent();
    assertThat(card.percentiles()).hasSize(ModelCard.QUANTILES);

    RiskTerm strongest =
        card.model().terms().stream()
            .filter(t -> t.transform() == Transform.LOG1P)
            .max(java.util.Comparator.comparingDouble(RiskTerm::weight))
            .orElseThrow();
    assertThat(strongest.weight()).as("the strongest count's weight").isPositive();
    double[] small = new double[ChangeFeature.values().length];
    small[ChangeFeature.FILES_CHANGED.index()] = 1;
    small[ChangeFeature.LINES_ADDED.index()] = 3;
    small[ChangeFeature.FILE_AGE_DAYS_MEAN.index()] = 30;
    double[] large = small.clone();
    large[strongest.feature().index()] = 500;
    ChangeRisk one = RiskScorer.defaults().score(FeatureVector.of(small));
    ChangeRisk many = RiskScorer.defaults().score(FeatureVector.of(large));

    assertThat(one.modelId()).isEqualTo(ModelCard.DEFAULT_ID);
    assertThat(one.probability())
        .isEqualTo(card.model().probability(FeatureVector.of(small)))
        .isBetween(0.0, 1.0);
    assertThat(many.probability()).isGreaterThan(one.probability());
    assertThat(many.percentile()).isGreaterThan(one.percentile());
    double sum = many.contributions().stream().mapToDouble(c -> c.contribution()).sum();
    assertThat(sum).isCloseTo(many.logit() - many.intercept(), within(1e-9));
  }

  /**
   * Without a repository at hand, the default scorer ranks a change among the model's training
   * history, and says so; {@code GitRiskScorerTest} shows the repository's own history is used
   * where it was read.
   */
  @Test
  void theDefaultScorerRanksAmongTheTrainingHistoryAndSaysSo() {
    ModelCard card = ModelCard.defaults();
    ModelRiskScorer scorer = card.scorer();
    assertThat(scorer.rankedAmong())
        .isEqualTo(
            "the training history of "
                + ModelCard.DEFAULT_ID
                + " "
                + ModelCard.DEFAULT_VERSION
                + " (every usable commit of "
                + String.join(", ", ModelCard.DEFAULT_DATA)
                + ")");
    assertThat(scorer.history()).isEqualTo(card.history());
    assertThat(scorer.history().size()).isEqualTo(ModelCard.QUANTILES);
    double[] values = new double[ChangeFeature.values().length];
    values[ChangeFeature.FILES_CHANGED.index()] = 4;
    values[ChangeFeature.LINES_ADDED.index()] = 120;
    FeatureVector features = FeatureVector.of(values);
    ChangeRisk risk = RiskScorer.defaults().score(features);
    assertThat(risk).isEqualTo(scorer.score(features));
    assertThat(risk.percentile())
        .isEqualTo(card.history().percentile(card.model().logit(features)));
    assertThat(RiskScorer.defaults().toString()).contains("ranked among the training history");
  }

  @Test
  void retrainingOnTheSharedDataGivesTheShippedFile() throws IOException {
    String folder = RISK_DATA;
    Assumptions.assumeTrue(
        folder != null && Files.isDirectory(Path.of(folder)),
        "the full retraining runs only with -Dsignalbox.riskData=<folder>: " + folder);
    Path data = Path.of(Objects.requireNonNull(folder));
    String shipped;
    try (InputStream in = ModelCard.class.getResourceAsStream(ModelCard.RESOURCE)) {
      shipped = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(ModelCard.trainDefaults(data).json()).isEqualTo(shipped);
  }
}
