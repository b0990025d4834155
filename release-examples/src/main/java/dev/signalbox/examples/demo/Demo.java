package dev.signalbox.examples.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The end-to-end demo: a week of release management for a small service whose changes are written
 * by two engineers' coding agents, played against a real git repository, real reviewers (one a
 * child process), Ed25519 signatures and a file ledger, all in a temporary folder.
 *
 * <p>The demo checks its own story — the leaked credential sent back, the drift caught, the freeze
 * holding, the emergency fix shipping with its signed acceptance, the dependent change boarding
 * after its dependency, the ledger verifying — and exits with 1 naming what did not happen, or with
 * 2 and one line if something failed unexpectedly.
 *
 * <pre>
 * java dev.signalbox.examples.demo.Demo [reports-folder]
 * </pre>
 */
public final class Demo {
  private Demo() {}

  /**
   * Plays the week in {@code directory} (the repository, the ledger, the reviewers' snapshots),
   * writes the reports to {@code reports}, tells the story on {@code out} and returns how it went.
   *
   * @throws RuntimeException if something fails that the story does not expect
   */
  public static Story run(Path directory, Path reports, PrintStream out) {
    out.println("Signalbox demo: a week of changes written by agents, in " + directory);
    Story story = Week.play(directory, reports, out);
    out.println();
    out.println("== the story ==");
    story.print(out);
    return story;
  }

  /**
   * Runs the demo, writing the reports to the folder named by the first argument (by default a
   * {@code reports} folder in the demo's temporary folder); exits with 0 if the story held, 1 if it
   * did not, 2 if the demo failed.
   */
  public static void main(String[] args) {
    // JGit logs through SLF4J; with no logger on the class path SLF4J would say so on stderr
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    PrintStream out = System.out;
    int status;
    try {
      Path directory = Files.createTempDirectory("signalbox-demo-");
      Path reports = args.length > 0 ? Path.of(args[0]) : directory.resolve("reports");
      Story story = run(directory, reports, out);
      if (story.held()) {
        out.println();
        out.println("Every expected outcome happened.");
        status = 0;
      } else {
        out.println();
        for (Story.Expectation missed : story.missed()) {
          out.println("did not happen: " + missed.what() + " (" + missed.detail() + ")");
        }
        status = 1;
      }
    } catch (RuntimeException | IOException e) {
      out.flush();
      System.err.println("signalbox demo failed: " + describe(e));
      status = 2;
    }
    out.flush();
    System.exit(status);
  }

  private static String describe(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    String where = trace.length == 0 ? "" : " at " + trace[0];
    return e.getClass().getSimpleName() + ": " + e.getMessage() + where;
  }
}
