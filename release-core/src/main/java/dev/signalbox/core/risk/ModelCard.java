package dev.signalbox.core.risk;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.json.DocumentCodec;
import dev.signalbox.core.json.InvalidDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A trained risk model as it ships: the {@link RiskModel} (coefficients, feature transforms, Platt
 * calibration), the percentiles of its training history's logits, against which a change is ranked
 * when its own repository's history is not at hand, and the {@link TrainingReport}.
 *
 * <p>{@link #defaults()} is Signalbox's default model, a resource of this library trained by {@link
 * #train} on the CSVs of {@code risk-data/}; {@link #json()} writes a card as that resource holds
 * it. Training is deterministic, so retraining on the same files gives a bit-identical document.
 *
 * @param model the trained model
 * @param percentiles evenly spaced quantiles of the training history's logits, ascending
 * @param report how the model was trained
 */
public record ModelCard(RiskModel model, List<Double> percentiles, TrainingReport report) {
  /** The default model's resource, beside this class. */
  static final String RESOURCE = "default-model.json";

  /** How many quantiles of the training history's logits a card keeps. */
  static final int QUANTILES = 201;

  /** The default model's id. */
  public static final String DEFAULT_ID = "signalbox-default";

  /** The default model's version: bumped whenever the default model's file changes. */
  public static final String DEFAULT_VERSION = "2026.11.2";

  /** The repositories of {@code risk-data/} the default model is trained on, in order. */
  public static final List<String> DEFAULT_DATA =
      List.of("folly", "electron", "kafka", "netty", "jgit", "commons-lang");

  private static final DocumentCodec JSON = DocumentCodec.json();

  /** Checks the fields and that the percentiles ascend. */
  public ModelCard {
    Checks.present(ModelCard.class, "model", model);
    percentiles = Checks.list(ModelCard.class, "percentiles", percentiles);
    for (int i = 0; i < percentiles.size(); i++) {
      Checks.finite(ModelCard.class, "percentiles[" + i + "]", percentiles.get(i));
      if (i > 0 && percentiles.get(i) < percentiles.get(i - 1)) {
        throw new InvalidValueException(
            ModelCard.class, "percentiles[" + i + "]", "must not be below the one before", null);
      }
    }
    Checks.present(ModelCard.class, "report", report);
  }

  /**
   * Signalbox's default model, loaded once from this library's resource {@code
   * dev/signalbox/core/risk/default-model.json}.
   */
  public static ModelCard defaults() {
    return Default.CARD;
  }

  /** The history this card ranks changes among: its training history's quantiles. */
  public PercentileTable history() {
    double[] logits = new double[percentiles.size()];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = percentiles.get(i);
    }
    return PercentileTable.of(logits);
  }

  /**
   * A scorer of this card's model that ranks changes among its training history: {@link
   * ModelRiskScorer#rankedAmong()} names the model and the repositories it was trained on.
   */
  public ModelRiskScorer scorer() {
    List<String> names = new ArrayList<>(report.data().size());
    for (TrainingReport.DataSource source : report.data()) {
      names.add(source.name());
    }
    String of = names.isEmpty() ? "" : " (every usable commit of " + String.join(", ", names) + ")";
    return ModelRiskScorer.create(
        model, history(), "the training history of " + model.id() + " " + model.version() + of);
  }

  /** The card as a JSON document, as the default model's resource holds it. */
  public String json() {
    return JSON.write(this) + "\n";
  }

  /**
   * Reads a card from its JSON document.
   *
   * @throws InvalidDocumentException listing every problem of the document
   */
  public static ModelCard read(String json) {
    return JSON.read(json, ModelCard.class);
  }

  /**
   * Trains the default model's card again on the CSVs of {@code risk-data/} in {@code folder}
   * ({@link #DEFAULT_DATA}, {@link RiskTrainer#defaults()}, with the evaluation): on the same files
   * it gives the resource {@link #defaults()} reads, bit for bit.
   *
   * @throws InvalidValueException if a file is malformed
   * @throws UncheckedIOException if a file cannot be read
   */
  public static ModelCard trainDefaults(Path folder) {
    return train(DEFAULT_ID, DEFAULT_VERSION, folder, DEFAULT_DATA, RiskTrainer.defaults(), true);
  }

  /**
   * Trains a card on the risk data of {@code repositories}, each read from {@code <name>.csv} in
   * {@code folder} in the layout of {@code risk-data/README.md}: the coefficients on each
   * repository's oldest 70% of usable rows by commit time, the Platt calibration on its newest 30%,
   * the percentiles over every usable row, and, if {@code evaluate}, the leave-one-repository-out
   * evaluation of the same trainer. Deterministic.
   *
   * @throws InvalidValueException if an argument is invalid or a file is malformed
   * @throws UncheckedIOException if a file cannot be read
   */
  public static ModelCard train(
      String id,
      String version,
      Path folder,
      List<String> repositories,
      RiskTrainer trainer,
      boolean evaluate) {
    Checks.present(ModelCard.class, "folder", folder);
    Checks.nonEmptyList(ModelCard.class, "repositories", repositories);
    Checks.present(ModelCard.class, "trainer", trainer);
    List<RiskEvaluation.Repository> data = new ArrayList<>();
    List<TrainingReport.DataSource> sources = new ArrayList<>();
    for (String name : repositories) {
      Path file = folder.resolve(name + ".csv");
      RiskEvaluation.Repository repository =
          new RiskEvaluation.Repository(name, RiskData.read(file));
      List<RiskDataRow> usable = repository.usable();
      int reverted = (int) usable.stream().filter(RiskDataRow::reverted).count();
      sources.add(
          new TrainingReport.DataSource(
              name, sha256(file), repository.rows().size(), usable.size(), reverted));
      data.add(repository);
    }
    List<LabeledChange> fit = new ArrayList<>();
    List<LabeledChange> calibration = new ArrayList<>();
    List<FeatureVector> history = new ArrayList<>();
    for (RiskEvaluation.Repository repository : data) {
      repository.split(fit, calibration);
      for (RiskDataRow row : repository.usable()) {
        history.add(row.features());
      }
    }
    RiskModel model = trainer.train(id, version, fit, calibration);
    double[] quantiles = PercentileTable.of(model, history).quantiles(QUANTILES).logits();
    List<Double> percentiles = new ArrayList<>(quantiles.length);
    for (double q : quantiles) {
      percentiles.add(q);
    }
    Optional<TrainingReport.Evaluation> evaluation = Optional.empty();
    if (evaluate && data.size() > 1) {
      RiskEvaluation.Report figures = RiskEvaluation.leaveOneRepositoryOut(data, trainer);
      evaluation =
          Optional.of(
              new TrainingReport.Evaluation(
                  "leave one repository out (risk-data/README.md): each repository's newest 30%"
                      + " scored by a model trained on the others",
                  figures.recall().get(0).point(),
                  figures.recall().get(1).point(),
                  figures.recall().get(2).point(),
                  figures.auc()));
    }
    TrainingReport report =
        new TrainingReport(
            sources,
            "per repository, usable rows by commit time: oldest 70% fit the coefficients,"
                + " newest 30% the Platt calibration",
            fit.size(),
            count(fit),
            calibration.size(),
            count(calibration),
            trainer.lambda(),
            evaluation);
    return new ModelCard(model, percentiles, report);
  }

  private static int count(List<LabeledChange> changes) {
    int reverted = 0;
    for (LabeledChange change : changes) {
      reverted += change.reverted() ? 1 : 0;
    }
    return reverted;
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)))
          .toLowerCase(Locale.ROOT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The default card, loaded on first use. */
  private static final class Default {
    static final ModelCard CARD = load();

    private static ModelCard load() {
      try (InputStream in = ModelCard.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the resource " + RESOURCE + " is missing");
        }
        return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the resource " + RESOURCE, e);
      }
    }
  }
}
