package dev.signalbox.core.risk;

import dev.signalbox.core.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The evaluation protocol of {@code risk-data/README.md}, leave one repository out: for each
 * repository, a model is trained on the others' usable rows (coefficients on each one's oldest 70%
 * by commit time, Platt calibration on its newest 30%) and tested on the held-out repository's
 * newest 30%. Reports recall when gating each repository's riskiest 5%, 10% and 50% (micro-averaged
 * over the repositories, with 95% bootstrap intervals), ROC AUC, and a reliability table per
 * repository.
 *
 * <p>Deterministic: the bootstrap draws from a fixed seed.
 */
public final class RiskEvaluation {
  /** The gated fractions the protocol reports. */
  private static final double[] GATES = {0.05, 0.10, 0.50};

  private static final double TEST_FRACTION = 0.3;

  /** How long after landing a change's label (reverted within 90 days) is settled. */
  private static final long LABEL_WINDOW_SECONDS = 90L * 86_400;

  private static final int BOOTSTRAP = 1000;
  private static final long SEED = 20_261_126L;

  private RiskEvaluation() {}

  /** One repository's risk data, named. */
  public record Repository(String name, List<RiskDataRow> rows) {
    /** Checks the name and copies the rows. */
    public Repository {
      Checks.token(Repository.class, "name", name);
      rows = Checks.list(Repository.class, "rows", rows);
    }

    /** The usable rows, oldest commit time first (ties keep landing order). */
    List<RiskDataRow> usable() {
      List<RiskDataRow> usable = new ArrayList<>();
      for (RiskDataRow row : rows) {
        if (row.usable()) {
          usable.add(row);
        }
      }
      usable.sort(Comparator.comparingLong(RiskDataRow::commitTime));
      return usable;
    }

    /** Where the newest 30% of the usable rows start. */
    static int cut(int size) {
      return (int) Math.round(size * (1 - TEST_FRACTION));
    }

    /**
     * Adds the oldest 70% of the usable rows to {@code older} and the newest 30% to {@code newer}.
     */
    void split(List<LabeledChange> older, List<LabeledChange> newer) {
      List<RiskDataRow> usable = usable();
      int cut = cut(usable.size());
      for (int i = 0; i < usable.size(); i++) {
        (i < cut ? older : newer).add(usable.get(i).labeled());
      }
    }
  }

  /** One tested repository: its test rows' calibrated probabilities and labels. */
  public static final class Scored {
    private final String repository;
    private final double[] probabilities;
    private final boolean[] reverted;

    Scored(String repository, double[] probabilities, boolean[] reverted) {
      this.repository = repository;
      this.probabilities = probabilities.clone();
      this.reverted = reverted.clone();
    }

    /** The tested repository's name. */
    public String repository() {
      return repository;
    }

    /** The test rows' calibrated probabilities, in commit-time order. */
    public double[] probabilities() {
      return probabilities.clone();
    }

    /** Whether each test row was reverted within 90 days. */
    public boolean[] reverted() {
      return reverted.clone();
    }

    int positives() {
      int count = 0;
      for (boolean r : reverted) {
        count += r ? 1 : 0;
      }
      return count;
    }

    /** Reverted changes among the riskiest {@code fraction} (rounded up) of the test rows. */
    int caught(double fraction, int[] sample) {
      int n = sample.length;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order, (a, b) -> Double.compare(probabilities[sample[b]], probabilities[sample[a]]));
      int gated = (int) Math.ceil(fraction * n);
      int caught = 0;
      for (int i = 0; i < gated; i++) {
        caught += reverted[sample[order[i]]] ? 1 : 0;
      }
      return caught;
    }
  }

  /** A recall with its 95% bootstrap interval. */
  public record Interval(double point, double low, double high) {}

  /** The evaluation's figures. */
  public record Report(
      List<Scored> repositories, List<Interval> recall, double auc, List<String> reliability) {
    /** The figures as Markdown. */
    public String toMarkdown() {
      StringBuilder text = new StringBuilder();
      text.append("| gate | recall (micro) | 95% bootstrap interval |\n|---|---|---|\n");
      for (int i = 0; i < GATES.length; i++) {
        Interval r = recall.get(i);
        text.append(
            String.format(
                Locale.ROOT,
                "| riskiest %d%% | %.1f%% | %.1f%% – %.1f%% |%n",
                Math.round(GATES[i] * 100),
                r.point() * 100,
                r.low() * 100,
                r.high() * 100));
      }
      text.append(String.format(Locale.ROOT, "%nROC AUC (pooled test rows): %.3f%n%n", auc));
      for (String table : reliability) {
        text.append(table).append('\n');
      }
      return text.toString();
    }
  }

  /** Runs the protocol with models from {@code trainer}. */
  public static Report leaveOneRepositoryOut(List<Repository> repositories, RiskTrainer trainer) {
    List<Scored> scored = new ArrayList<>();
    for (int t = 0; t < repositories.size(); t++) {
      Repository test = repositories.get(t);
      List<Repository> others = new ArrayList<>(repositories);
      others.remove(t);
      RiskModel model = trainer.train("loro-" + test.name(), "eval", others);
      scored.add(score(test.name(), model, newest(test)));
    }
    return report(scored);
  }

  /**
   * Compares a model trained on one repository's own history with {@code baseline} (for example
   * {@link RiskModel#defaultModel()}) on the newest 30% of the repository's usable rows by commit
   * time. {@code trainer} trains ({@link RiskTrainer#train(String, String, List)}) only on what a
   * team training when that test period began could have known: the older rows whose 90-day label
   * was settled by then, that is, that landed at least 90 days before the first test row. Both
   * models then score the test rows. Each report has the recalls, the AUC and the reliability table
   * of the test rows; with no reverted change among them the recalls are 0 and the AUC is NaN.
   *
   * @throws InvalidValueException if an argument is null, or if the rows the trainer fits on (the
   *     oldest 70% of those it may use) hold no reverted change, or no kept one
   */
  public static Comparison holdOut(Repository repository, RiskTrainer trainer, RiskModel baseline) {
    Checks.present(RiskEvaluation.class, "repository", repository);
    Checks.present(RiskEvaluation.class, "trainer", trainer);
    Checks.present(RiskEvaluation.class, "baseline", baseline);
    List<RiskDataRow> usable = repository.usable();
    int cut = Repository.cut(usable.size());
    List<RiskDataRow> test = usable.subList(cut, usable.size());
    long settled =
        test.isEmpty() ? Long.MAX_VALUE : test.get(0).commitTime() - LABEL_WINDOW_SECONDS;
    List<RiskDataRow> known = new ArrayList<>();
    for (RiskDataRow row : usable.subList(0, cut)) {
      if (row.commitTime() <= settled) {
        known.add(row);
      }
    }
    RiskModel trained =
        trainer.train(
            repository.name(), "hold-out", List.of(new Repository(repository.name(), known)));
    return new Comparison(
        trained,
        report(List.of(score(repository.name(), trained, test))),
        report(List.of(score(repository.name(), baseline, test))));
  }

  /**
   * A model trained on a repository's own history, and how it and a baseline did on the history's
   * newest 30%.
   *
   * @param model the model trained on the history before the test rows
   * @param trained the trained model's figures on the test rows
   * @param baseline the baseline's figures on the same rows
   */
  public record Comparison(RiskModel model, Report trained, Report baseline) {
    /** Checks the fields are present. */
    public Comparison {
      Checks.present(Comparison.class, "model", model);
      Checks.present(Comparison.class, "trained", trained);
      Checks.present(Comparison.class, "baseline", baseline);
    }

    /** Both reports as Markdown, the trained model's first. */
    public String toMarkdown() {
      return "### Trained on this history\n\n"
          + trained.toMarkdown()
          + "\n### Baseline\n\n"
          + baseline.toMarkdown();
    }
  }

  private static List<RiskDataRow> newest(Repository repository) {
    List<RiskDataRow> usable = repository.usable();
    return usable.subList(Repository.cut(usable.size()), usable.size());
  }

  private static Scored score(String name, RiskModel model, List<RiskDataRow> rows) {
    double[] p = new double[rows.size()];
    boolean[] y = new boolean[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      p[i] = model.probability(rows.get(i).features());
      y[i] = rows.get(i).reverted();
    }
    return new Scored(name, p, y);
  }

  private static Report report(List<Scored> scored) {
    List<Interval> recall = new ArrayList<>();
    for (double gate : GATES) {
      recall.add(recall(scored, gate));
    }
    List<String> reliability = new ArrayList<>();
    for (Scored s : scored) {
      reliability.add(reliability(s));
    }
    return new Report(List.copyOf(scored), List.copyOf(recall), auc(scored), reliability);
  }

  private static Interval recall(List<Scored> scored, double gate) {
    double point = microRecall(scored, gate, null);
    SplittableRandom random = new SplittableRandom(SEED);
    double[] draws = new double[BOOTSTRAP];
    for (int b = 0; b < BOOTSTRAP; b++) {
      draws[b] = microRecall(scored, gate, random);
    }
    Arrays.sort(draws);
    return new Interval(
        point, draws[(int) (BOOTSTRAP * 0.025)], draws[(int) (BOOTSTRAP * 0.975) - 1]);
  }

  private static double microRecall(
      List<Scored> scored,
      double gate,
      @org.jspecify.annotations.Nullable SplittableRandom random) {
    int caught = 0;
    int positives = 0;
    for (Scored s : scored) {
      int n = s.probabilities.length;
      int[] sample = new int[n];
      for (int i = 0; i < n; i++) {
        sample[i] = random == null ? i : random.nextInt(n);
      }
      caught += s.caught(gate, sample);
      for (int i : sample) {
        positives += s.reverted[i] ? 1 : 0;
      }
    }
    return positives == 0 ? 0 : (double) caught / positives;
  }

  /** The ROC AUC of all test rows pooled, ties counted half. */
  static double auc(List<Scored> scored) {
    int n = 0;
    for (Scored s : scored) {
      n += s.probabilities.length;
    }
    double[] p = new double[n];
    boolean[] y = new boolean[n];
    int k = 0;
    for (Scored s : scored) {
      for (int i = 0; i < s.probabilities.length; i++) {
        p[k] = s.probabilities[i];
        y[k++] = s.reverted[i];
      }
    }
    return auc(p, y);
  }

  static double auc(double[] p, boolean[] y) {
    int n = p.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int m = i; m <= j; m++) {
        if (y[order[m]]) {
          rankSum += rank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  private static String reliability(Scored s) {
    int n = s.probabilities.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> s.probabilities[i]));
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%s (%d test commits, %d reverted, AUC %.3f)%n%n| decile | commits | mean predicted | observed |%n|---|---|---|---|%n",
            s.repository(),
            n,
            s.positives(),
            auc(s.probabilities, s.reverted)));
    for (int decile = 0; decile < 10; decile++) {
      int from = decile * n / 10;
      int to = (decile + 1) * n / 10;
      double predicted = 0;
      int observed = 0;
      for (int i = from; i < to; i++) {
        predicted += s.probabilities[order[i]];
        observed += s.reverted[order[i]] ? 1 : 0;
      }
      int count = Math.max(1, to - from);
      text.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %.2f%% | %.2f%% |%n",
              decile + 1,
              to - from,
              100 * predicted / count,
              100.0 * observed / count));
    }
    return text.toString();
  }
}
