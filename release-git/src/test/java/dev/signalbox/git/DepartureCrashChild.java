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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The child JVM of {@link DepartureCrashTest}: reopens the {@link TrainFixture} repository the
 * parent made, plans train t1 as the parent does, and departs it with the real file ledger. After
 * each step of the departure returns it prints {@code STEP <name>} — {@code intent}, {@code
 * objects-n} (the n-th merge commit written), {@code ref-n} (the n-th compare-and-swap of the
 * branch), {@code shipped-n} (the n-th merge group's entries), {@code deferred}, {@code departed} —
 * and if that is the step it was told to halt after, it halts the JVM there ({@link Runtime#halt}:
 * no shutdown hook, no finally block, no close), as a kill -9 would leave it. A departure that ends
 * prints {@code DEPARTED <commit>}.
 *
 * <p>Arguments: the repository directory, the ledger directory, and the step to halt after ({@code
 * none} to depart whole).
 */
public final class DepartureCrashChild {
  /** The exit status of a child that halted itself after the named step. */
  static final int HALTED = 71;

  private final String haltAfter;
  private final PrintStream out;
  private int merges;
  private int swaps;
  private int shipped;

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
      VersionControl vcs = steps.wrap(f.vcs);
      try (Ledger ledger = ledger(steps.wrap(Ledger.fileStore(ledgerDirectory)))) {
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

  /** {@code vcs}, reporting each merge commit written and each compare-and-swap done. */
  private VersionControl wrap(VersionControl vcs) {
    return (VersionControl)
        Proxy.newProxyInstance(
            VersionControl.class.getClassLoader(),
            new Class<?>[] {VersionControl.class},
            (proxy, method, args) -> {
              Object result;
              try {
                result = method.invoke(vcs, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (method.getName().equals("writeMerge")) {
                done("objects-" + ++merges);
              } else if (method.getName().equals("compareAndSetRef")) {
                done("ref-" + ++swaps);
              }
              return result;
            });
  }

  /** {@code store}, reporting each batch of entries once it is durable, named by what it holds. */
  private LedgerStore wrap(LedgerStore store) {
    return new LedgerStore() {
      @Override
      public long append(List<byte[]> records) {
        long end = store.append(records);
        String first = new String(records.get(0), StandardCharsets.UTF_8);
        if (first.contains("\"train-planned\"")) {
          done("intent");
        } else if (first.contains("\"change-shipped\"")) {
          done("shipped-" + ++shipped);
        } else if (first.contains("\"change-deferred\"")) {
          done("deferred");
        } else if (first.contains("\"train-departed\"")) {
          done("departed");
        } else {
          done("entries");
        }
        return end;
      }

      @Override
      public Stream<byte[]> read(long from) {
        return store.read(from);
      }

      @Override
      public long size() {
        return store.size();
      }

      @Override
      public void close() {
        store.close();
      }
    };
  }
}
