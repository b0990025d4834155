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
 * parent kills it.
 */
public final class LedgerAppender {
  private LedgerAppender() {}

  /** Arguments: the ledger directory and the run's name, which prefixes every value. */
  public static void main(String[] args) throws InterruptedException {
    Path directory = Path.of(args[0]);
    String run = args[1];
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Ledger ledger =
        Ledger.builder(Ledger.fileStore(directory))
            .checkpoints(Ed25519Signer.generate(), "signalbox.dev/crash-test")
            .open();
    out.println("OPEN " + ledger.size());
    out.flush();
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
