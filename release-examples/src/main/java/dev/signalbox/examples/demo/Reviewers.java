package dev.signalbox.examples.demo;

import dev.signalbox.core.board.ReviewBoard;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.policy.Requirement;
import dev.signalbox.core.spi.Reviewer;
import dev.signalbox.reviewers.builtin.DependencyReviewer;
import dev.signalbox.reviewers.builtin.MissingTestsReviewer;
import dev.signalbox.reviewers.builtin.PromptInjectionGuard;
import dev.signalbox.reviewers.builtin.SecretsReviewer;
import dev.signalbox.reviewers.builtin.SizeLimits;
import dev.signalbox.reviewers.builtin.SizeReviewer;
import dev.signalbox.reviewers.process.ProcessReviewer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's reviewers and the board that convenes them: the built-in static reviewers, and an
 * external migration reviewer — a single-file Java program shipped with the examples — run as a
 * child process with the current JDK's {@code java}.
 */
final class Reviewers {
  /** The name of the external reviewer's source, shipped beside this class. */
  static final String EXTERNAL = "ExternalReviewer.java";

  private final List<Reviewer> all;
  private final ReviewBoard board;

  private Reviewers(List<Reviewer> all, ReviewBoard board) {
    this.all = all;
    this.board = board;
  }

  /**
   * The reviewers, with the external one's source extracted to {@code directory} and its snapshots
   * made there, all stamping verdicts with {@code clock}.
   */
  static Reviewers create(Path directory, Clock clock) {
    Path script = extract(directory);
    Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
    Reviewer external =
        ProcessReviewer.builder(List.of(java.toString(), script.toString()))
            .identity(new Agent("dba-review", "migration-lint-1", "script", Cast.PLATFORM))
            .surfaces(RiskSurface.DATA)
            .workRoot(directory)
            .clock(clock)
            .build();
    List<Reviewer> all =
        List.of(
            SecretsReviewer.create(agent("secrets-scan"), clock),
            PromptInjectionGuard.create(agent("injection-guard"), clock),
            DependencyReviewer.create(agent("dependency-check"), clock),
            MissingTestsReviewer.create(agent("tests-check"), clock),
            SizeReviewer.create(agent("size-check"), clock, SizeLimits.defaults()),
            external);
    ReviewBoard board =
        ReviewBoard.builder()
            .reviewers(all)
            .clock(clock)
            // the external reviewer is a JVM started from source: generous on a loaded machine
            .deadline(Duration.ofMinutes(2))
            .build();
    return new Reviewers(all, board);
  }

  /** The board. */
  ReviewBoard board() {
    return board;
  }

  /**
   * What to convene for a change the policy asks {@code needs} for: every surface the policy asks,
   * with every eligible reviewer covering it rather than just the policy's quorum — the static
   * reviewers are cheap and each looks for something different (secrets, injected instructions), so
   * all of them read every change. The policy still counts with its own requirement.
   */
  Map<RiskSurface, Requirement> everyone(Map<RiskSurface, Requirement> needs) {
    Map<RiskSurface, Requirement> convened = new EnumMap<>(RiskSurface.class);
    needs.forEach(
        (surface, requirement) -> {
          int covering = (int) all.stream().filter(r -> r.surfaces().contains(surface)).count();
          convened.put(
              surface,
              new Requirement(
                  Math.max(requirement.quorum(), covering),
                  requirement.distinctFamilies(),
                  requirement.sameOperator()));
        });
    return convened;
  }

  private static Agent agent(String id) {
    return new Agent(id, "signalbox-builtin", "static", Cast.PLATFORM);
  }

  private static Path extract(Path directory) {
    try (InputStream in = Reviewers.class.getResourceAsStream(EXTERNAL)) {
      if (in == null) {
        throw new IllegalStateException("the examples lack the resource " + EXTERNAL);
      }
      Path script = directory.resolve(EXTERNAL);
      Files.createDirectories(directory);
      Files.write(script, in.readAllBytes());
      return script;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract " + EXTERNAL + " to " + directory, e);
    }
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").startsWith("Windows");
  }
}
