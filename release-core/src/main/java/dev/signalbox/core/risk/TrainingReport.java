package dev.signalbox.core.risk;

import dev.signalbox.core.internal.Checks;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a {@link ModelCard}'s model was trained: on which data (each file's SHA-256 and counts), how
 * the rows were split between the coefficient fit and the calibration, the L2 penalty, and, if it
 * was run, the leave-one-repository-out evaluation of the same trainer.
 *
 * @param data the training data, one entry per repository
 * @param split how the usable rows were split between the fit and the calibration
 * @param fitRows the rows the coefficients were fitted on
 * @param fitReverted the reverted changes among them
 * @param calibrationRows the rows the Platt calibration was fitted on
 * @param calibrationReverted the reverted changes among them
 * @param lambda the L2 penalty on the standardised coefficients
 * @param evaluation the evaluation's figures, if it was run
 */
public record TrainingReport(
    List<DataSource> data,
    String split,
    int fitRows,
    int fitReverted,
    int calibrationRows,
    int calibrationReverted,
    double lambda,
    Optional<Evaluation> evaluation) {
  /** Checks and copies the fields. */
  public TrainingReport {
    data = Checks.list(TrainingReport.class, "data", data);
    Checks.text(TrainingReport.class, "split", split);
    Checks.atLeast(TrainingReport.class, "fitRows", fitRows, 0);
    Checks.atLeast(TrainingReport.class, "fitReverted", fitReverted, 0);
    Checks.atLeast(TrainingReport.class, "calibrationRows", calibrationRows, 0);
    Checks.atLeast(TrainingReport.class, "calibrationReverted", calibrationReverted, 0);
    lambda = Checks.within(TrainingReport.class, "lambda", lambda, 0, 1e9);
    Checks.optional(TrainingReport.class, "evaluation", evaluation);
  }

  /**
   * One repository's training data.
   *
   * @param name the repository's name, such as {@code folly}
   * @param sha256 the SHA-256 of the CSV file, in lower-case hex
   * @param rows the file's rows
   * @param usable the rows the protocol trains on (not censored, not a bot's, not a revert)
   * @param reverted the reverted changes among the usable rows
   */
  public record DataSource(String name, String sha256, int rows, int usable, int reverted) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Checks the fields. */
    public DataSource {
      Checks.token(DataSource.class, "name", name);
      sha256 = Checks.hexDigest(DataSource.class, "sha256", sha256, SHA256, "64 hex digits");
      Checks.atLeast(DataSource.class, "rows", rows, 0);
      Checks.atLeast(DataSource.class, "usable", usable, 0);
      Checks.atLeast(DataSource.class, "reverted", reverted, 0);
    }
  }

  /**
   * The leave-one-repository-out figures of {@link RiskEvaluation}: micro-averaged recall when
   * gating each repository's riskiest 5%, 10% and 50% of test commits, and the pooled ROC AUC.
   *
   * @param protocol the protocol, in words
   * @param recallAt5 recall at the riskiest 5%, within [0, 1]
   * @param recallAt10 recall at the riskiest 10%, within [0, 1]
   * @param recallAt50 recall at the riskiest 50%, within [0, 1]
   * @param auc the ROC AUC of the pooled test rows, within [0, 1]
   */
  public record Evaluation(
      String protocol, double recallAt5, double recallAt10, double recallAt50, double auc) {
    /** Checks the fields. */
    public Evaluation {
      Checks.text(Evaluation.class, "protocol", protocol);
      recallAt5 = Checks.within(Evaluation.class, "recallAt5", recallAt5, 0, 1);
      recallAt10 = Checks.within(Evaluation.class, "recallAt10", recallAt10, 0, 1);
      recallAt50 = Checks.within(Evaluation.class, "recallAt50", recallAt50, 0, 1);
      auc = Checks.within(Evaluation.class, "auc", auc, 0, 1);
    }
  }
}
