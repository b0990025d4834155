package dev.signalbox.core.calibration;

import dev.signalbox.core.internal.Checks;
import dev.signalbox.core.ledger.Consequence;
import dev.signalbox.core.ledger.LedgerEntry;
import dev.signalbox.core.ledger.LedgerEvent;
import dev.signalbox.core.ledger.LedgerEvent.DecisionMade;
import dev.signalbox.core.ledger.LedgerEvent.OutcomeRecorded;
import dev.signalbox.core.ledger.LedgerEvent.OverrideGiven;
import dev.signalbox.core.ledger.LedgerEvent.RiskAccepted;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.model.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The calibration report: accepted risks against what came of them, and the outcome rates of calls
 * that carry no probability.
 *
 * <p>An accepted risk "happened" when an outcome recorded after the acceptance for the same change
 * is adverse ({@link Consequence#adverse()}); acceptances of changes with no outcome recorded yet
 * are left out. A "not yet" call is a {@code NOT_YET} decision; a ship against advice is an
 * override of a verdict; each counts once per change, with its change's outcomes after it.
 *
 * @param acceptances how many accepted risks have a recorded outcome
 * @param brierScore their Brier score, if there is any
 * @param bins the reliability table, ten bins of width 0.1
 * @param signatories the calibration per signatory, by id
 * @param notYet how "not yet" calls turned out
 * @param againstAdvice how ships against a reviewer's advice turned out
 */
public record CalibrationReport(
    long acceptances,
    Optional<Double> brierScore,
    List<ReliabilityBin> bins,
    List<SignatoryCalibration> signatories,
    CallOutcomes notYet,
    CallOutcomes againstAdvice) {
  private static final int BINS = 10;

  /** Checks the fields. */
  public CalibrationReport {
    Checks.optional(CalibrationReport.class, "brierScore", brierScore);
    bins = Checks.list(CalibrationReport.class, "bins", bins);
    signatories = Checks.list(CalibrationReport.class, "signatories", signatories);
    Checks.present(CalibrationReport.class, "notYet", notYet);
    Checks.present(CalibrationReport.class, "againstAdvice", againstAdvice);
  }

  /** A forecast with its outcome. */
  private record Scored(String signatory, double probability, boolean happened) {}

  /** An outcome recorded at a position in the events. */
  private record Observed(int position, boolean adverse) {}

  /**
   * The report over a ledger's entries, in ledger order (as {@code ledger.read(LedgerQuery.all())}
   * gives them).
   */
  public static CalibrationReport of(Stream<LedgerEntry> entries) {
    Checks.present(CalibrationReport.class, "entries", entries);
    List<LedgerEvent> events = new ArrayList<>();
    entries.forEach(entry -> events.add(entry.event()));
    return ofEvents(events);
  }

  /** The report over events in the order they happened. */
  public static CalibrationReport ofEvents(List<LedgerEvent> events) {
    List<LedgerEvent> list = Checks.list(CalibrationReport.class, "events", events);
    Map<ChangeRef, List<Observed>> outcomes = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof OutcomeRecorded outcome) {
        outcomes
            .computeIfAbsent(outcome.change(), c -> new ArrayList<>())
            .add(new Observed(i, outcome.consequence().adverse()));
      }
    }
    List<Scored> scored = new ArrayList<>();
    Map<ChangeRef, Integer> notYet = new LinkedHashMap<>();
    Map<ChangeRef, Integer> overridden = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      LedgerEvent event = list.get(i);
      if (event instanceof RiskAccepted accepted) {
        Optional<Boolean> happened = after(outcomes, accepted.acceptance().change(), i);
        if (happened.isPresent()) {
          scored.add(
              new Scored(accepted.signer(), accepted.acceptance().probability(), happened.get()));
        }
      } else if (event instanceof DecisionMade made
          && made.decision().outcome() == Outcome.NOT_YET) {
        notYet.putIfAbsent(made.decision().change(), i);
      } else if (event instanceof OverrideGiven given) {
        overridden.putIfAbsent(given.override().change(), i);
      }
    }
    return new CalibrationReport(
        scored.size(),
        scored.isEmpty() ? Optional.empty() : Optional.of(brier(scored)),
        bins(scored),
        signatories(scored),
        calls(notYet, outcomes),
        calls(overridden, outcomes));
  }

  /** Whether an adverse outcome was recorded for {@code change} after {@code at}, if any was. */
  private static Optional<Boolean> after(
      Map<ChangeRef, List<Observed>> outcomes, ChangeRef change, int at) {
    Optional<Boolean> result = Optional.empty();
    for (Observed observed : outcomes.getOrDefault(change, List.of())) {
      if (observed.position() > at) {
        result = Optional.of(result.orElse(false) || observed.adverse());
      }
    }
    return result;
  }

  /** How the calls at the given positions, one per change, turned out. */
  private static CallOutcomes calls(
      Map<ChangeRef, Integer> calls, Map<ChangeRef, List<Observed>> outcomes) {
    long withOutcome = 0;
    long bad = 0;
    for (Map.Entry<ChangeRef, Integer> call : calls.entrySet()) {
      Optional<Boolean> happened = after(outcomes, call.getKey(), call.getValue());
      if (happened.isPresent()) {
        withOutcome++;
        if (happened.get()) {
          bad++;
        }
      }
    }
    return new CallOutcomes(calls.size(), withOutcome, bad);
  }

  private static double brier(List<Scored> scored) {
    double sum = 0;
    for (Scored s : scored) {
      double error = s.probability() - (s.happened() ? 1 : 0);
      sum += error * error;
    }
    return sum / scored.size();
  }

  private static List<ReliabilityBin> bins(List<Scored> scored) {
    long[] counts = new long[BINS];
    double[] predicted = new double[BINS];
    long[] happened = new long[BINS];
    for (Scored s : scored) {
      int bin = Math.min(BINS - 1, (int) Math.floor(s.probability() * BINS));
      counts[bin]++;
      predicted[bin] += s.probability();
      if (s.happened()) {
        happened[bin]++;
      }
    }
    List<ReliabilityBin> bins = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      bins.add(
          new ReliabilityBin(
              b / (double) BINS,
              (b + 1) / (double) BINS,
              counts[b],
              counts[b] == 0 ? 0 : Math.min(1, predicted[b] / counts[b]),
              counts[b] == 0 ? 0 : happened[b] / (double) counts[b]));
    }
    return bins;
  }

  private static List<SignatoryCalibration> signatories(List<Scored> scored) {
    Map<String, List<Scored>> by = new TreeMap<>();
    scored.forEach(s -> by.computeIfAbsent(s.signatory(), k -> new ArrayList<>()).add(s));
    List<SignatoryCalibration> out = new ArrayList<>();
    by.forEach(
        (signatory, mine) ->
            out.add(
                new SignatoryCalibration(
                    signatory,
                    mine.size(),
                    brier(mine),
                    Math.min(1, mine.stream().mapToDouble(Scored::probability).sum() / mine.size()),
                    mine.stream().filter(Scored::happened).count() / (double) mine.size())));
    return out;
  }

  /**
   * The reliability diagram as a standalone SVG image: stated probability across, observed rate up,
   * the diagonal of perfect calibration, and one dot per non-empty bin, its area proportional to
   * the bin's count.
   */
  public String svg() {
    int size = 400;
    int margin = 50;
    int plot = size - 2 * margin;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(size)
        .append("\" height=\"")
        .append(size)
        .append("\" viewBox=\"0 0 ")
        .append(size)
        .append(' ')
        .append(size)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    svg.append("  <title>Reliability of accepted risks (")
        .append(acceptances)
        .append(" with outcomes")
        .append(brierScore.map(b -> String.format(Locale.ROOT, ", Brier score %.3f", b)).orElse(""))
        .append(")</title>\n");
    svg.append(
        String.format(
            Locale.ROOT,
            "  <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
            margin,
            margin,
            plot,
            plot));
    svg.append(
        String.format(
            Locale.ROOT,
            "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\""
                + " stroke-dasharray=\"4 4\"/>%n",
            margin,
            margin + plot,
            margin + plot,
            margin));
    for (int tick = 0; tick <= 10; tick += 5) {
      double value = tick / 10.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "  <text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f</text>%n",
              margin + value * plot,
              margin + plot + 18,
              value));
      svg.append(
          String.format(
              Locale.ROOT,
              "  <text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n",
              margin - 6,
              margin + plot - value * plot + 4,
              value));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "  <text x=\"%d\" y=\"%d\" text-anchor=\"middle\">stated probability</text>%n",
            margin + plot / 2,
            size - 10));
    svg.append(
        String.format(
            Locale.ROOT,
            "  <text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">"
                + "observed rate</text>%n",
            margin + plot / 2,
            margin + plot / 2));
    long most = bins.stream().mapToLong(ReliabilityBin::count).max().orElse(1);
    for (ReliabilityBin bin : bins) {
      if (bin.count() == 0) {
        continue;
      }
      double radius = 3 + 9 * Math.sqrt(bin.count() / (double) Math.max(1, most));
      svg.append(
          String.format(
              Locale.ROOT,
              "  <circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#1f77b4\" fill-opacity=\"0.7\">"
                  + "<title>%.1f-%.1f: %d, stated %.3f, observed %.3f</title></circle>%n",
              margin + bin.meanPredicted() * plot,
              margin + plot - bin.observedRate() * plot,
              radius,
              bin.from(),
              bin.to(),
              bin.count(),
              bin.meanPredicted(),
              bin.observedRate()));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }
}
