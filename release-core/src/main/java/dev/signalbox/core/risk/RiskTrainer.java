package dev.signalbox.core.risk;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link RiskModel}: an L2-regularised logistic regression fitted by Newton's method on
 * one set of labelled changes, and a Platt calibration fitted on another, held out from the
 * coefficient fit. Plain Java, no ML library.
 *
 * <p>Deterministic: the same inputs in the same order give a bit-identical model (every sum runs in
 * input order; no randomness). Immutable and thread-safe; {@link #builder()} configures one.
 */
public final class RiskTrainer {
  private final Map<ChangeFeature, Transform> features;
  private final double lambda;
  private final int maxIterations;

  private RiskTrainer(Map<ChangeFeature, Transform> features, double lambda, int maxIterations) {
    this.features = features;
    this.lambda = lambda;
    this.maxIterations = maxIterations;
  }

  /**
   * The trainer of Signalbox's default model: every feature but {@code is_bot} and {@code
   * is_revert} (the protocol leaves bots and reverts out), counts and sizes shaped by {@link
   * Transform#LOG1P}, flags, hours and entropy as they are; an L2 penalty of 1.
   */
  public static RiskTrainer defaults() {
    Builder builder = builder();
    for (ChangeFeature feature : ChangeFeature.values()) {
      switch (feature) {
        case IS_BOT, IS_REVERT -> {}
        case FILES_CHANGED,
                LINES_ADDED,
                LINES_DELETED,
                BINARY_FILES,
                DIRS_TOUCHED,
                SUBSYSTEMS,
                NEW_FILES,
                FILE_PRIOR_CHANGES,
                FILE_PRIOR_DEVS,
                FILE_PRIOR_REVERTS,
                AUTHOR_PRIOR_COMMITS,
                AUTHOR_PRIOR_REVERTED,
                MSG_LEN,
                FILE_AGE_DAYS_MEAN ->
            builder.feature(feature, Transform.LOG1P);
        default -> builder.feature(feature, Transform.IDENTITY);
      }
    }
    return builder.build();
  }

  /** The L2 penalty on the standardised coefficients. */
  public double lambda() {
    return lambda;
  }

  /** A builder with no features, an L2 penalty of 1 and at most 50 Newton iterations. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fits the coefficients on {@code fit} and the calibration on {@code calibration}.
   *
   * @throws InvalidValueException if {@code fit} is empty or has a single label
   */
  public RiskModel train(
      String id, String version, List<LabeledChange> fit, List<LabeledChange> calibration) {
    Checks.list(RiskTrainer.class, "fit", fit);
    Checks.list(RiskTrainer.class, "calibration", calibration);
    if (fit.stream().noneMatch(LabeledChange::reverted)
        || fit.stream().allMatch(LabeledChange::reverted)) {
      throw new InvalidValueException(
          RiskTrainer.class, "fit", "must hold reverted and kept changes", fit.size());
    }
    List<Map.Entry<ChangeFeature, Transform>> order = List.copyOf(features.entrySet());
    int d = order.size();
    double[][] shaped = new double[fit.size()][d];
    double[] y = new double[fit.size()];
    for (int i = 0; i < fit.size(); i++) {
      FeatureVector v = fit.get(i).features();
      for (int j = 0; j < d; j++) {
        shaped[i][j] = order.get(j).getValue().apply(v.get(order.get(j).getKey()));
      }
      y[i] = fit.get(i).reverted() ? 1 : 0;
    }
    double[] center = new double[d];
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (double[] row : shaped) {
        sum += row[j];
      }
      center[j] = sum / shaped.length;
      double squares = 0;
      for (double[] row : shaped) {
        double delta = row[j] - center[j];
        squares += delta * delta;
      }
      double sd = Math.sqrt(squares / shaped.length);
      scale[j] = sd > 1e-12 ? sd : 1;
      for (double[] row : shaped) {
        row[j] = (row[j] - center[j]) / scale[j];
      }
    }
    double[] w = Logistic.fit(shaped, y, lambda, maxIterations);
    List<RiskTerm> terms = new ArrayList<>(d);
    for (int j = 0; j < d; j++) {
      terms.add(
          new RiskTerm(
              order.get(j).getKey(), order.get(j).getValue(), center[j], scale[j], w[j + 1]));
    }
    RiskModel uncalibrated = new RiskModel(id, version, w[0], terms, Platt.identity());
    return new RiskModel(id, version, w[0], terms, calibrate(uncalibrated, calibration));
  }

  /**
   * Trains on the usable rows of {@code repositories} (not censored, not a bot's, not a revert) the
   * way Signalbox's default model is trained: per repository, by commit time, the oldest 70% fit
   * the coefficients and the newest 30% the Platt calibration. This is the one call a team makes to
   * train a model on its own history; {@link RiskEvaluation#holdOut} compares it with another.
   *
   * @throws InvalidValueException if {@code repositories} is empty or their oldest 70% hold no
   *     reverted change, or no kept one
   */
  public RiskModel train(String id, String version, List<RiskEvaluation.Repository> repositories) {
    Checks.nonEmptyList(RiskTrainer.class, "repositories", repositories);
    List<LabeledChange> fit = new ArrayList<>();
    List<LabeledChange> calibration = new ArrayList<>();
    for (RiskEvaluation.Repository repository : repositories) {
      repository.split(fit, calibration);
    }
    return train(id, version, fit, calibration);
  }

  /**
   * The Platt calibration of {@code model}'s logits on {@code calibration}; the identity when the
   * set holds a single label, which a calibration cannot learn from.
   */
  public static Platt calibrate(RiskModel model, List<LabeledChange> calibration) {
    boolean any = calibration.stream().anyMatch(LabeledChange::reverted);
    boolean all = calibration.stream().allMatch(LabeledChange::reverted);
    if (calibration.isEmpty() || !any || all) {
      return Platt.identity();
    }
    double[][] x = new double[calibration.size()][1];
    double[] y = new double[calibration.size()];
    for (int i = 0; i < calibration.size(); i++) {
      x[i][0] = model.logit(calibration.get(i).features());
      y[i] = calibration.get(i).reverted() ? 1 : 0;
    }
    double[] w = Logistic.fit(x, y, 0, 100);
    return new Platt(w[1], w[0]);
  }

  /**
   * A builder of {@link RiskTrainer}s. Each setter fails fast on a bad value; a feature may be
   * added once. Not thread-safe; {@link #build()} copies the state.
   */
  public static final class Builder {
    private final Map<ChangeFeature, Transform> features = new LinkedHashMap<>();
    private double lambda = 1;
    private int maxIterations = 50;

    private Builder() {}

    /** Adds a feature, shaped by {@code transform}. */
    public Builder feature(ChangeFeature feature, Transform transform) {
      Checks.present(RiskTrainer.class, "feature", feature);
      Checks.present(RiskTrainer.class, "transform", transform);
      if (features.containsKey(feature)) {
        throw new IllegalStateException(
            feature.column() + " was already added with " + features.get(feature));
      }
      features.put(feature, transform);
      return this;
    }

    /** Sets the L2 penalty on the standardised coefficients, at least 0. */
    public Builder lambda(double lambda) {
      this.lambda = Checks.within(RiskTrainer.class, "lambda", lambda, 0, 1e9);
      return this;
    }

    /** Sets the most Newton iterations, at least 1. */
    public Builder maxIterations(int maxIterations) {
      this.maxIterations = Checks.atLeast(RiskTrainer.class, "maxIterations", maxIterations, 1);
      return this;
    }

    /**
     * Builds the trainer.
     *
     * @throws InvalidValueException if no feature was added
     */
    public RiskTrainer build() {
      if (features.isEmpty()) {
        throw new InvalidValueException(RiskTrainer.class, "features", "must not be empty", 0);
      }
      return new RiskTrainer(new LinkedHashMap<>(features), lambda, maxIterations);
    }
  }
}
