package dev.signalbox.core.ledger;

import dev.signalbox.core.ledger.LedgerEvent.OutcomeRecorded;
import dev.signalbox.core.model.ChangeRef;
import dev.signalbox.core.signing.Ed25519Signer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The child process of {@link LedgerCrashTest}: opens the ledger in the directory given, then
 * appends forever from two threads, printing {@code ACK <value>} after each append returns. The
 * parent kills it. Given a third argument {@code n}, it exits normally after {@code n} appends
 * instead (the parent's warm-up run, which leaves a class-data archive for the children after it).
 */
public final class LedgerAppender {
  private LedgerAppender() {}

  /** Arguments: the ledger directory and the run's name, which prefixes every value. */
  public static void main(String[] args) throws InterruptedException {
    Path directory = Path.of(args[0]);
    String run = args[1];
    int exitAfter = args.length > 2 ? Integer.parseInt(args[2]) : -1;
    // the parent never writes to our standard input: its end means the parent is gone
    Thread orphaned =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // nothing is sent
                }
              } catch (java.io.IOException e) {
                // the pipe broke: the parent is gone too
              }
              Runtime.getRuntime().halt(3);
            });
    orphaned.setDaemon(true);
    orphaned.start();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Ledger ledger =
        Ledger.builder(Ledger.fileStore(directory))
            .checkpoints(Ed25519Signer.generate(), "signalbox.dev/crash-test")
            .open();
    out.println("OPEN " + ledger.size());
    out.flush();
    if (exitAfter >= 0) {
      for (int i = 0; i < exitAfter; i++) {
        ledger.append(
            new OutcomeRecorded(
                ChangeRef.of("acme/crash", "warm-up"),
                Consequence.NONE,
                run + "-" + i,
                Instant.EPOCH));
      }
      ledger.verify(java.util.List.of(ledger.checkpoint()));
      ledger.close();
      out.println("DONE");
      out.flush();
      System.exit(0);
    }
    Thread[] threads = new Thread[2];
    for (int t = 0; t < threads.length; t++) {
      int thread = t;
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; ; i++) {
                  String value = run + "-" + thread + "-" + i;
                  ledger.append(
                      new OutcomeRecorded(
                          ChangeRef.of("acme/crash", "c" + thread),
                          Consequence.NONE,
                          value,
                          Instant.EPOCH));
                  synchronized (out) {
                    out.println("ACK " + value);
                    out.flush();
                  }
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
