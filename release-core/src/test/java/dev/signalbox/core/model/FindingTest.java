package dev.signalbox.core.model;

import static dev.signalbox.core.model.Samples.assertNullRejected;
import static dev.signalbox.core.model.Samples.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding and LineRange. */
// Passes null on purpose: a null must be refused with InvalidValueException.
@SuppressWarnings("NullAway")
class FindingTest {
  private static final Optional<RepoPath> PATH = Optional.of(RepoPath.of("src/Config.java"));
  private static final Optional<LineRange> LINES = Optional.of(new LineRange(3, 5));

  private static Finding finding(
      Optional<RepoPath> path,
      Optional<LineRange> lines,
      Optional<String> suggestion,
      double confidence) {
    return new Finding(
        path,
        lines,
        Severity.HIGH,
        Advice.FIX_NOW,
        "hardcoded-secret",
        "An API key is committed.",
        suggestion,
        confidence);
  }

  @Test
  void aboutLinesOfAFile() {
    Finding finding = finding(PATH, LINES, Optional.of("Read it from the vault."), 0.9);
    assertThat(finding.path()).isEqualTo(PATH);
    assertThat(finding.lines()).contains(new LineRange(3, 5));
    assertThat(finding.suggestion()).contains("Read it from the vault.");
  }

  @Test
  void aboutAWholeFileOrNoFile() {
    assertThat(finding(PATH, Optional.empty(), Optional.empty(), 0.5).lines()).isEmpty();
    assertThat(finding(Optional.empty(), Optional.empty(), Optional.empty(), 0.5).path()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.25, 1.0, -0.0})
  void confidenceWithinZeroAndOne(double confidence) {
    assertThat(finding(PATH, LINES, Optional.empty(), confidence).confidence())
        .isEqualTo(confidence);
  }

  @Test
  void severityAndAdviceAreOrdered() {
    assertThat(Severity.values())
        .containsExactly(
            Severity.INFO, Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL);
    assertThat(Advice.values()).containsExactly(Advice.FIX_NOW, Advice.MAY_DEFER, Advice.FYI);
  }

  @Test
  void linesNeedAPath() {
    assertRejected(
        () -> finding(Optional.empty(), LINES, Optional.empty(), 1),
        Finding.class,
        "lines",
        "lines must come with a path, was LineRange[start=3, end=5]");
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {-0.01, 1.0001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void rejectsConfidenceOutsideZeroAndOne(double confidence) {
    assertRejected(
        () -> finding(PATH, LINES, Optional.empty(), confidence),
        Finding.class,
        "confidence",
        "confidence must be within [0, 1], was " + confidence);
  }

  @Test
  void rejectsConfidenceOfOnePointSeven() {
    assertRejected(
        () -> finding(PATH, LINES, Optional.empty(), 1.7),
        Finding.class,
        "confidence",
        "confidence must be within [0, 1], was 1.7");
  }

  @Test
  void rejectsBadText() {
    assertRejected(
        () ->
            new Finding(
                PATH,
                LINES,
                Severity.LOW,
                Advice.FYI,
                "hardcoded secret",
                "m",
                Optional.empty(),
                1),
        Finding.class,
        "rule",
        "rule must not contain whitespace or control characters, was \"hardcoded secret\"");
    assertRejected(
        () -> new Finding(PATH, LINES, Severity.LOW, Advice.FYI, "r", "  ", Optional.empty(), 1),
        Finding.class,
        "message",
        "message must not be blank, was \"  \"");
    assertRejected(
        () -> finding(PATH, LINES, Optional.of(""), 1),
        Finding.class,
        "suggestion",
        "suggestion must not be blank, was \"\"");
  }

  @Test
  void rejectsNulls() {
    Optional<String> none = Optional.empty();
    assertNullRejected(() -> finding(null, LINES, none, 1), Finding.class, "path");
    assertNullRejected(() -> finding(PATH, null, none, 1), Finding.class, "lines");
    assertNullRejected(() -> finding(PATH, LINES, null, 1), Finding.class, "suggestion");
    assertNullRejected(
        () -> new Finding(PATH, LINES, null, Advice.FYI, "r", "m", none, 1),
        Finding.class,
        "severity");
    assertNullRejected(
        () -> new Finding(PATH, LINES, Severity.LOW, null, "r", "m", none, 1),
        Finding.class,
        "advice");
    assertNullRejected(
        () -> new Finding(PATH, LINES, Severity.LOW, Advice.FYI, null, "m", none, 1),
        Finding.class,
        "rule");
    assertNullRejected(
        () -> new Finding(PATH, LINES, Severity.LOW, Advice.FYI, "r", null, none, 1),
        Finding.class,
        "message");
  }

  @Test
  void lineRanges() {
    assertThat(LineRange.line(7)).isEqualTo(new LineRange(7, 7));
    assertThat(new LineRange(1, Integer.MAX_VALUE).end()).isEqualTo(Integer.MAX_VALUE);
    assertRejected(
        () -> new LineRange(0, 3), LineRange.class, "start", "start must be >= 1, was 0");
    assertRejected(
        () -> LineRange.line(-1), LineRange.class, "start", "start must be >= 1, was -1");
    assertRejected(
        () -> new LineRange(5, 4), LineRange.class, "end", "end must be >= start (5), was 4");
  }
}
