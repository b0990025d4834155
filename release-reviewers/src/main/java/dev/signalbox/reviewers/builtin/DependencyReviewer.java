package dev.signalbox.reviewers.builtin;

import dev.signalbox.core.model.Advice;
import dev.signalbox.core.model.Agent;
import dev.signalbox.core.model.Finding;
import dev.signalbox.core.model.RepoPath;
import dev.signalbox.core.model.RiskSurface;
import dev.signalbox.core.model.Severity;
import dev.signalbox.core.spi.Blob;
import dev.signalbox.core.spi.ReviewRequest;
import dev.signalbox.reviewers.internal.UnifiedDiff;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A static reviewer of the {@link RiskSurface#DEPENDENCIES DEPENDENCIES} surface that reports every
 * dependency a change adds or changes in Maven {@code pom.xml}, Gradle build files and version
 * catalogs, npm {@code package.json} and pip requirements files, and judges how each is pinned:
 *
 * <ul>
 *   <li>a SNAPSHOT, or a version that is missing where nothing else pins it, unbounded ({@code *},
 *       {@code latest}, {@code +}, {@code >=1.0} alone) or a Maven or Gradle range, resolves to
 *       different code over time: {@link Advice#FIX_NOW};
 *   <li>an npm range ({@code ^1.2}, {@code ~1.2}) or bounded pip range, which a lockfile pins, and
 *       a dependency fetched from outside the registry (git, URL, file): {@link Advice#MAY_DEFER};
 *   <li>an exact version, or one managed elsewhere (a Maven {@code <version>}-less dependency, a
 *       property): {@link Advice#FYI}, so that the change's new dependencies are listed.
 * </ul>
 *
 * <p>{@code pom.xml} and {@code package.json} are read from the snapshot's files at head to know
 * which block an added line belongs to; when the snapshot lacks the file, added lines are judged on
 * their own. Immutable and safe to use from several threads at once.
 */
public final class DependencyReviewer extends StaticReviewer {

  private static final Pattern XML_BLOCK_OPEN =
      Pattern.compile("<(dependency|plugin|parent|extension)>");
  private static final Pattern XML_VALUE =
      Pattern.compile("<(groupId|artifactId|version)>\\s*([^<]*?)\\s*</\\1>");
  private static final Pattern GRADLE =
      Pattern.compile(
          "^\\s*(\\w*(?:[iI]mplementation|[aA]pi|[cC]ompileOnly|[rR]untimeOnly|classpath|compile|"
              + "[aA]nnotationProcessor|kapt|ksp))\\s*\\(?\\s*(?:platform\\s*\\(\\s*)?[\"']"
              + "([^\"':\\s]+):([^\"':\\s]+)(?::([^\"'@\\s]*))?(?:@\\w+)?[\"']");
  private static final Pattern TOML_VERSION =
      Pattern.compile("^\\s*([\\w.-]+)\\s*=\\s*\"([^\"]+)\"\\s*(?:#.*)?$");
  private static final Pattern TOML_INLINE_VERSION =
      Pattern.compile("(?:module|group)\\s*=\\s*\"([^\"]+)\".*?\\bversion\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern NPM_ENTRY =
      Pattern.compile("^\\s*\"([^\"]+)\"\\s*:\\s*\"([^\"]*)\"\\s*,?\\s*$");
  private static final Pattern NPM_BLOCK =
      Pattern.compile(
          "\"(dependencies|devDependencies|peerDependencies|optionalDependencies)\"\\s*:\\s*\\{");
  private static final Pattern PIP =
      Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)(\\[[^\\]]*\\])?\\s*([^;]*?)\\s*(?:;.*)?$");

  /** How a dependency is pinned, and what that means for the change. */
  private enum Pinning {
    PINNED(Severity.INFO, Advice.FYI, "dependency-changed", "adds or changes"),
    MANAGED(
        Severity.INFO,
        Advice.FYI,
        "dependency-changed",
        "adds or changes (version managed elsewhere)"),
    RANGE(Severity.MEDIUM, Advice.MAY_DEFER, "dependency-range", "adds a version range for"),
    SOURCE(
        Severity.MEDIUM,
        Advice.MAY_DEFER,
        "dependency-source",
        "fetches from outside the registry"),
    HARD_RANGE(
        Severity.HIGH,
        Advice.FIX_NOW,
        "dependency-range",
        "adds a version range that resolves differently over time for"),
    UNPINNED(Severity.HIGH, Advice.FIX_NOW, "dependency-unpinned", "adds an unpinned version of"),
    SNAPSHOT(Severity.HIGH, Advice.FIX_NOW, "dependency-snapshot", "adds a SNAPSHOT version of");

    final Severity severity;
    final Advice advice;
    final String rule;
    final String verb;

    Pinning(Severity severity, Advice advice, String rule, String verb) {
      this.severity = severity;
      this.advice = advice;
      this.rule = rule;
      this.verb = verb;
    }
  }

  private DependencyReviewer(Agent identity, Clock clock) {
    super(DependencyReviewer.class, identity, clock, RiskSurface.DEPENDENCIES);
  }

  /**
   * A dependency reviewer that is {@code identity} and stamps verdicts with {@code clock}.
   *
   * @throws dev.signalbox.core.InvalidValueException if an argument is null
   */
  public static DependencyReviewer create(Agent identity, Clock clock) {
    return new DependencyReviewer(identity, clock);
  }

  @Override
  List<Finding> findings(ReviewRequest request, UnifiedDiff diff) {
    Map<RepoPath, Blob> heads = request.snapshot().touchedFilesAtHead();
    List<Finding> findings = new ArrayList<>();
    for (UnifiedDiff.FileDiff file : diff.files()) {
      if (file.isDeleted() || file.added().isEmpty()) {
        continue;
      }
      String name = file.path().fileName();
      Optional<List<String>> head =
          Optional.ofNullable(heads.get(file.path())).map(blob -> blob.utf8().lines().toList());
      if (name.equals("pom.xml")) {
        maven(file, head, findings);
      } else if (name.endsWith(".gradle") || name.endsWith(".gradle.kts")) {
        gradle(file, findings);
      } else if (name.endsWith(".versions.toml")) {
        catalog(file, findings);
      } else if (name.equals("package.json")) {
        npm(file, head, findings);
      } else if (isRequirements(file.path())) {
        pip(file, findings);
      }
    }
    return findings;
  }

  private static void maven(
      UnifiedDiff.FileDiff file, Optional<List<String>> head, List<Finding> findings) {
    Set<Integer> added = new HashSet<>();
    file.added().forEach(line -> added.add(line.line()));
    if (head.isEmpty()) {
      for (UnifiedDiff.AddedLine line : file.added()) {
        Matcher m = XML_VALUE.matcher(line.text());
        if (m.find() && m.group(1).equals("version")) {
          report(findings, file.path(), line.line(), "a dependency", maven(m.group(2)), m.group(2));
        }
      }
      return;
    }
    List<String> lines = head.get();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = XML_BLOCK_OPEN.matcher(lines.get(i));
      if (!open.find()) {
        continue;
      }
      String kind = open.group(1);
      String close = "</" + kind + ">";
      Map<String, String> values = new java.util.HashMap<>();
      int versionLine = 0;
      int firstAdded = 0;
      int end = i;
      for (int j = i; j < lines.size(); j++) {
        end = j;
        if (added.contains(j + 1) && firstAdded == 0) {
          firstAdded = j + 1;
        }
        Matcher v = XML_VALUE.matcher(lines.get(j));
        while (v.find()) {
          values.putIfAbsent(v.group(1), v.group(2));
          if (v.group(1).equals("version") && versionLine == 0) {
            versionLine = j + 1;
          }
        }
        if (lines.get(j).contains(close)
            || (j > i && XML_BLOCK_OPEN.matcher(lines.get(j)).find())) {
          break;
        }
      }
      if (firstAdded != 0) {
        String coordinates =
            values.getOrDefault("groupId", "?") + ":" + values.getOrDefault("artifactId", "?");
        String version = values.get("version");
        Pinning pinning = version == null ? Pinning.MANAGED : maven(version);
        if (version == null && !kind.equals("dependency")) {
          pinning = Pinning.UNPINNED; // a plugin, parent or extension has no managed default
        }
        int at = versionLine != 0 && added.contains(versionLine) ? versionLine : firstAdded;
        report(findings, file.path(), at, kind + " " + coordinates, pinning, version);
      }
      i = end;
    }
  }

  private static Pinning maven(String version) {
    String v = version.strip();
    if (v.endsWith("-SNAPSHOT")) {
      return Pinning.SNAPSHOT;
    }
    if (v.startsWith("[") || v.startsWith("(") || v.contains(",")) {
      return Pinning.HARD_RANGE;
    }
    if (v.equals("LATEST") || v.equals("RELEASE") || v.isEmpty()) {
      return Pinning.UNPINNED;
    }
    return v.contains("${") ? Pinning.MANAGED : Pinning.PINNED;
  }

  private static void gradle(UnifiedDiff.FileDiff file, List<Finding> findings) {
    for (UnifiedDiff.AddedLine line : file.added()) {
      Matcher m = GRADLE.matcher(line.text());
      if (m.find()) {
        String version = m.group(4);
        Pinning pinning = version == null || version.isEmpty() ? Pinning.MANAGED : gradle(version);
        report(findings, file.path(), line.line(), m.group(2) + ":" + m.group(3), pinning, version);
      }
    }
  }

  private static void catalog(UnifiedDiff.FileDiff file, List<Finding> findings) {
    for (UnifiedDiff.AddedLine line : file.added()) {
      Matcher inline = TOML_INLINE_VERSION.matcher(line.text());
      if (inline.find()) {
        report(
            findings,
            file.path(),
            line.line(),
            inline.group(1),
            gradle(inline.group(2)),
            inline.group(2));
        continue;
      }
      Matcher m = TOML_VERSION.matcher(line.text());
      if (!m.matches()) {
        continue;
      }
      String value = m.group(2);
      String[] parts = value.split(":", -1);
      if (parts.length == 3) {
        report(
            findings,
            file.path(),
            line.line(),
            parts[0] + ":" + parts[1],
            gradle(parts[2]),
            parts[2]);
      } else if (parts.length == 1 && looksLikeVersion(value)) {
        report(findings, file.path(), line.line(), "version " + m.group(1), gradle(value), value);
      }
    }
  }

  private static Pinning gradle(String version) {
    String v = version.strip();
    if (v.endsWith("-SNAPSHOT")) {
      return Pinning.SNAPSHOT;
    }
    if (v.endsWith("+") || v.startsWith("latest.")) {
      return Pinning.UNPINNED;
    }
    if (v.startsWith("[") || v.startsWith("(") || v.startsWith("]") || v.contains(",")) {
      return Pinning.HARD_RANGE;
    }
    return v.contains("$") ? Pinning.MANAGED : Pinning.PINNED;
  }

  private static boolean looksLikeVersion(String value) {
    return value.matches("[0-9\\[(\\]].*|latest\\..*|.*-SNAPSHOT|.*\\+");
  }

  private static void npm(
      UnifiedDiff.FileDiff file, Optional<List<String>> head, List<Finding> findings) {
    Set<Integer> inBlock = new HashSet<>();
    if (head.isPresent()) {
      List<String> lines = head.get();
      int depth = 0;
      boolean in = false;
      for (int i = 0; i < lines.size(); i++) {
        String text = lines.get(i);
        if (!in && NPM_BLOCK.matcher(text).find()) {
          in = true;
          depth = 0;
        }
        if (in) {
          inBlock.add(i + 1);
          depth += count(text, '{') - count(text, '}');
          if (depth <= 0) {
            in = false;
          }
        }
      }
    }
    for (UnifiedDiff.AddedLine line : file.added()) {
      Matcher m = NPM_ENTRY.matcher(line.text());
      if (!m.matches()) {
        continue;
      }
      if (head.isPresent() ? !inBlock.contains(line.line()) : !looksLikeNpmDependency(m.group(1))) {
        continue;
      }
      report(findings, file.path(), line.line(), m.group(1), npm(m.group(2)), m.group(2));
    }
  }

  private static boolean looksLikeNpmDependency(String key) {
    return !Set.of("name", "version", "description", "main", "license", "type", "module")
        .contains(key);
  }

  private static Pinning npm(String spec) {
    String v = spec.strip();
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.startsWith("git")
        || lower.startsWith("http:")
        || lower.startsWith("https:")
        || lower.startsWith("file:")
        || lower.startsWith("link:")
        || lower.startsWith("github:")
        || lower.matches("[\\w.-]+/[\\w.-]+(#.*)?")) {
      return Pinning.SOURCE;
    }
    if (lower.startsWith("workspace:") || lower.startsWith("npm:")) {
      return Pinning.MANAGED;
    }
    if (v.isEmpty()
        || v.equals("*")
        || lower.equals("latest")
        || lower.equals("x")
        || lower.equals("next")
        || ((v.startsWith(">") || v.startsWith(">=")) && !v.contains("<"))) {
      return Pinning.UNPINNED;
    }
    if (v.startsWith("^")
        || v.startsWith("~")
        || v.contains("||")
        || v.contains(" - ")
        || v.contains("<")
        || v.contains(">")
        || lower.matches(".*\\.(x|\\*).*")) {
      return Pinning.RANGE;
    }
    return Pinning.PINNED;
  }

  private static boolean isRequirements(RepoPath path) {
    String name = path.fileName().toLowerCase(Locale.ROOT);
    return name.matches("(.*requirements.*|constraints.*)\\.(txt|in)")
        || (path.value().contains("requirements/") && name.endsWith(".txt"));
  }

  private static void pip(UnifiedDiff.FileDiff file, List<Finding> findings) {
    for (UnifiedDiff.AddedLine line : file.added()) {
      String text = line.text();
      int hash = text.indexOf(" #");
      text = (hash >= 0 ? text.substring(0, hash) : text).strip();
      if (text.isEmpty()
          || text.startsWith("#")
          || text.startsWith("-r")
          || text.startsWith("-c")
          || text.startsWith("--")) {
        continue;
      }
      if (text.startsWith("-e") || text.contains("://") || text.contains(" @ ")) {
        report(findings, file.path(), line.line(), text, Pinning.SOURCE, null);
        continue;
      }
      Matcher m = PIP.matcher(text);
      if (m.matches()) {
        String spec = m.group(3).replace(" ", "");
        report(
            findings,
            file.path(),
            line.line(),
            m.group(1),
            pip(spec),
            spec.isEmpty() ? null : spec);
      }
    }
  }

  private static Pinning pip(String spec) {
    if (spec.isEmpty()) {
      return Pinning.UNPINNED;
    }
    if ((spec.startsWith("==") || spec.startsWith("==="))
        && !spec.contains(",")
        && !spec.contains("*")) {
      return Pinning.PINNED;
    }
    boolean upper = spec.contains("<") || spec.contains("~=") || spec.contains("==");
    return upper ? Pinning.RANGE : Pinning.UNPINNED;
  }

  private static int count(String text, char c) {
    return (int) text.chars().filter(ch -> ch == c).count();
  }

  private static void report(
      List<Finding> findings,
      RepoPath path,
      int line,
      String dependency,
      Pinning pinning,
      @Nullable String version) {
    String message =
        pinning.verb + " " + dependency + (version == null ? "" : " (" + version + ")");
    String suggestion =
        switch (pinning) {
          case SNAPSHOT -> "depend on a released version";
          case UNPINNED, HARD_RANGE -> "pin an exact version";
          case RANGE -> "make sure a lockfile pins it, or pin an exact version";
          case SOURCE -> "depend on a published release from the registry";
          case PINNED, MANAGED -> null;
        };
    findings.add(
        finding(
            path, line, pinning.severity, pinning.advice, pinning.rule, message, suggestion, 0.9));
  }
}
