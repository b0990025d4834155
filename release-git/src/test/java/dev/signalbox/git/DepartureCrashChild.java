package dev.signalbox.git;

import dev.signalbox.core.calendar.ReleaseCalendar;
import dev.signalbox.core.ledger.Ledger;
import dev.signalbox.core.ledger.LedgerStore;
import dev.signalbox.core.signing.Ed25519Signer;
import dev.signalbox.core.spi.VersionControl;
import dev.signalbox.core.train.Departure;
import dev.signalbox.core.train.TrainPlan;
import dev.signalbox.core.train.TrainPlanner;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The child JVM of {@link DepartureCrashTest}: reopens the {@link TrainFixture} repository the
 * parent made, plans train t1 as the parent does, and departs it with the real file ledger. After
 * each step of the departure returns it prints {@code STEP <name>} — {@code intent}, {@code
 * objects-n} (the n-th merge commit written), {@code ref-n} (the n-th compare-and-swap of the
 * branch), {@code shipped-n} (the n-th merge group's entries), {@code deferred}, {@code departed} —
 * and if that is the step it was told to halt after, it halts the JVM there ({@link Runtime#halt}:
 * no shutdown hook, no finally block, no close), as a kill -9 would leave it. A departure that ends
 * prints {@code DEPARTED <commit>}. The writes are seen through {@link DepartureWrites}.
 *
 * <p>Arguments: the repository directory, the ledger directory, and the step to halt after ({@code
 * none} to depart whole).
 */
public final class DepartureCrashChild {
  /** The exit status of a child that halted itself after the named step. */
  static final int HALTED = 71;

  /** The kinds of write named with their number: the n-th of them in the departure. */
  private static final Set<String> NUMBERED = Set.of("objects", "ref", "shipped");

  private final String haltAfter;
  private final PrintStream out;

  private DepartureCrashChild(String haltAfter, PrintStream out) {
    this.haltAfter = haltAfter;
    this.out = out;
  }

  /** Departs; see the class comment for the arguments. */
  public static void main(String[] args) {
    Path repository = Path.of(args[0]);
    Path ledgerDirectory = Path.of(args[1]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    DepartureCrashChild steps = new DepartureCrashChild(args[2], out);
    try (TrainFixture f = TrainFixture.reopen(repository)) {
      TrainPlan plan = f.planFour(f.fourChanges());
      DepartureWrites.Hook hook = steps.new Steps();
      VersionControl vcs = DepartureWrites.wrap(f.vcs, hook);
      try (Ledger ledger = ledger(DepartureWrites.wrap(Ledger.fileStore(ledgerDirectory), hook))) {
        Departure departure =
            TrainPlanner.create(TrainFixture.lenientPolicy(), Optional.of(vcs))
                .depart(plan, vcs, ledger, ReleaseCalendar.empty(), TrainFixture.CLOCK);
        out.println("DEPARTED " + departure.head().commit());
      }
    }
  }

  /** The ledger the departure writes to: checkpoints are signed on demand, never stored. */
  static Ledger ledger(LedgerStore store) {
    return Ledger.builder(store)
        .clock(TrainFixture.CLOCK)
        .checkpoints(Ed25519Signer.generate(), "signalbox.dev/crash-test")
        .open();
  }

  /** Prints that {@code step} is done, and halts there if told to. */
  private void done(String step) {
    out.println("STEP " + step);
    out.flush();
    if (step.equals(haltAfter)) {
      Runtime.getRuntime().halt(HALTED);
    }
  }

  /** The writes of the departure, each named as the class comment says once it returned. */
  private final class Steps implements DepartureWrites.Hook {
    private final Map<String, Integer> counts = new HashMap<>();

    @Override
    public void after(String kind) {
      int n = counts.merge(kind, 1, Integer::sum);
      done(NUMBERED.contains(kind) ? kind + "-" + n : kind);
    }
  }
}
