package dev.signalbox.reviewers.builtin;

import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.reviewers.internal.UnifiedDiff;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A static reviewer of the {@link RiskSurface#TESTS TESTS} surface that looks for production code
 * changed without tests. Production code and tests are told apart by the common conventions of Java
 * and Kotlin ({@code src/main/} and {@code src/test/}, {@code FooTest}, {@code FooIT}), Python
 * ({@code test_foo.py}, {@code foo_test.py}, {@code tests/}), Go ({@code foo_test.go}) and
 * JavaScript or TypeScript ({@code foo.test.ts}, {@code foo.spec.js}, {@code __tests__/}).
 *
 * <p>A change that adds lines to production code and touches no test at all is rejected: each such
 * file gets a {@link Advice#FIX_NOW} finding at its first added line. When some tests changed but
 * none whose name matches a changed production file, that file gets a {@link Advice#MAY_DEFER}
 * finding. Deleted files and files that only lose lines need no test.
 *
 * <p>Immutable and safe to use from several threads at once.
 */
public final class MissingTestsReviewer extends StaticReviewer {
  private static final Set<String> CODE =
      Set.of(
          "java", "kt", "kts", "scala", "groovy", "py", "go", "js", "jsx", "ts", "tsx", "mjs",
          "cjs", "rb", "cs", "swift", "php", "c", "cc", "cpp", "h", "hpp", "rs");

  private MissingTestsReviewer(Agent identity, Clock clock) {
    super(MissingTestsReviewer.class, identity, clock, RiskSurface.TESTS);
  }

  /**
   * A reviewer that is {@code identity} and stamps verdicts with {@code clock}.
   *
   * @throws dev.signalbox.core.InvalidValueException if an argument is null
   */
  public static MissingTestsReviewer create(Agent identity, Clock clock) {
    return new MissingTestsReviewer(identity, clock);
  }

  @Override
  List<Finding> findings(ReviewRequest request, UnifiedDiff diff) {
    List<UnifiedDiff.FileDiff> files = diff.files();
    Set<String> testedStems =
        files.stream()
            .filter(f -> !f.isDeleted() && isTest(f.path()))
            .map(f -> subjectOf(f.path()))
            .collect(Collectors.toSet());
    boolean anyTest = files.stream().anyMatch(f -> !f.isDeleted() && isTest(f.path()));
    List<Finding> findings = new ArrayList<>();
    for (UnifiedDiff.FileDiff file : files) {
      if (file.isDeleted() || file.added().isEmpty() || !isProduction(file.path())) {
        continue;
      }
      int line = file.added().get(0).line();
      if (!anyTest) {
        findings.add(
            finding(
                file.path(),
                line,
                Severity.MEDIUM,
                Advice.FIX_NOW,
                "tests-missing",
                "changes production code, and the change touches no test",
                "add or update a test that fails without this change",
                0.8));
      } else if (!testedStems.contains(stem(file.path()))) {
        findings.add(
            finding(
                file.path(),
                line,
                Severity.LOW,
                Advice.MAY_DEFER,
                "tests-unmatched",
                "changes production code, and no changed test is named after it",
                "check that a changed test covers it, or add one",
                0.5));
      }
    }
    return findings;
  }

  /** Whether {@code path} is a test by the common conventions. */
  static boolean isTest(RepoPath path) {
    String p = "/" + path.value();
    String name = path.fileName();
    String lower = name.toLowerCase(Locale.ROOT);
    return p.contains("/src/test/")
        || p.contains("/src/it/")
        || p.contains("/src/androidTest/")
        || p.contains("/__tests__/")
        || p.contains("/tests/")
        || p.contains("/test/")
        || name.matches("(.*(Test|Tests|IT|Spec)|Test[A-Z].*)\\.(java|kt|kts|scala|groovy)")
        || lower.matches("test_.*\\.py|.*_test\\.py")
        || lower.endsWith("_test.go")
        || lower.matches(".*\\.(test|spec)\\.[cm]?[jt]sx?")
        || lower.matches(".*_(test|spec)\\.rb")
        || name.matches(".*Tests?\\.cs");
  }

  /** Whether {@code path} is production code: source code that is not a test. */
  static boolean isProduction(RepoPath path) {
    String name = path.fileName();
    int dot = name.lastIndexOf('.');
    return dot > 0 && CODE.contains(name.substring(dot + 1)) && !isTest(path);
  }

  /** The production file's name without extension, lower case: {@code Totals.java} is totals. */
  private static String stem(RepoPath path) {
    String name = path.fileName();
    int dot = name.indexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
  }

  /** The stem of the file a test is named after: {@code TotalsTest.java} is totals. */
  private static String subjectOf(RepoPath test) {
    String s = stem(test);
    for (String prefix : List.of("test_", "test")) {
      if (s.startsWith(prefix) && s.length() > prefix.length()) {
        return s.substring(prefix.length());
      }
    }
    for (String suffix : List.of("_test", "_spec", "tests", "test", "it", "spec")) {
      if (s.endsWith(suffix) && s.length() > suffix.length()) {
        return s.substring(0, s.length() - suffix.length());
      }
    }
    return s;
  }
}
