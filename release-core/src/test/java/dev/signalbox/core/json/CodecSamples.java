package dev.signalbox.core.json;

import dev.signalbox.core.InvalidValueException;
import dev.signalbox.core.model.RepoPath;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test-local value types covering every mapping rule of {@link DocumentCodec}, and samples. */
final class CodecSamples {
  private CodecSamples() {}

  enum Outcome {
    SHIP,
    NOT_YET,
    SEND_BACK
  }

  enum Surface {
    SECURITY,
    DATA,
    UI
  }

  /** A single-String record that validates: a word without spaces. */
  record Label(String value) {
    Label {
      if (value.isEmpty() || value.contains(" ")) {
        throw new InvalidValueException(Label.class, "value", "must be one word", value);
      }
    }
  }

  sealed interface Reviewer permits Human, Agent {}

  record Human(String name, Optional<String> email) implements Reviewer {}

  record Agent(String model, int maxTokens) implements Reviewer {}

  /** A record whose constructor checks one component against another. */
  record Window(Instant start, Instant end) {
    Window {
      if (!end.isAfter(start)) {
        throw new InvalidValueException(Window.class, "end", "must be after start", end);
      }
    }
  }

  record Change(
      String title,
      List<RepoPath> files,
      Set<Label> labels,
      Map<String, String> notes,
      Map<Surface, Integer> quorum,
      Outcome outcome,
      Reviewer reviewer,
      Optional<Window> window,
      Duration timeout,
      LocalDate due,
      ZoneId zone,
      URI link,
      int attempts,
      long bytes,
      double risk,
      boolean urgent) {}

  record Release(String name, Instant cut, List<Change> changes, Optional<String> comment) {}

  /** A sealed interface with a nested sealed interface, flattened into one set of type ids. */
  sealed interface Schedule permits OneOffSchedule, Repeating {}

  record OneOffSchedule(Instant at) implements Schedule {}

  sealed interface Repeating extends Schedule permits Weekly, HttpPoll {}

  record Weekly(DayOfWeek day, LocalTime time, LocalDateTime since) implements Repeating {}

  /** One String component, but permitted by a sealed interface: an object with a type. */
  record HttpPoll(String url) implements Repeating {}

  record Plan(Schedule first, List<Schedule> then) {}

  /** A recursive record. */
  record Node(String name, List<Node> children) {}

  /** A constructor that names an element of a list component. */
  record Steps(List<String> steps) {
    Steps {
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i).isBlank()) {
          throw new InvalidValueException(Steps.class, "steps[" + i + "]", "must not be blank", "");
        }
      }
    }
  }

  /** A constructor failing with something other than InvalidValueException. */
  record Exploding(String name, int size) {
    Exploding {
      if (size < 0) {
        throw new IllegalArgumentException("size " + size + " is negative");
      }
    }
  }

  record Scalars(
      int small,
      long big,
      double ratio,
      boolean flag,
      String text,
      Instant at,
      Duration timeout,
      LocalDate day,
      LocalTime time,
      LocalDateTime local,
      ZoneId zone,
      URI link,
      Outcome outcome) {}

  record Holder(
      Optional<RepoPath> path,
      Set<RepoPath> paths,
      Map<RepoPath, Label> owners,
      Map<String, List<Integer>> groups,
      Optional<Steps> steps,
      Optional<Exploding> exploding) {}

  static final Instant CUT = Instant.parse("2026-11-26T09:40:00Z");

  /** A change using every rule; {@code reversed} builds its sets and maps in the other order. */
  static Change change(boolean reversed) {
    Set<Label> labels = new LinkedHashSet<>();
    Map<String, String> notes = new LinkedHashMap<>();
    Map<Surface, Integer> quorum = new LinkedHashMap<>();
    List<String> words = List.of("backend", "auth", "urgent-fix");
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(reversed ? words.size() - 1 - i : i);
      labels.add(new Label(word));
      notes.put(word, "note on " + word);
    }
    if (reversed) {
      quorum.put(Surface.UI, 1);
      quorum.put(Surface.SECURITY, 2);
    } else {
      quorum.put(Surface.SECURITY, 2);
      quorum.put(Surface.UI, 1);
    }
    return new Change(
        "Fix login",
        List.of(RepoPath.of("src/Login.java"), RepoPath.of("README.md")),
        labels,
        notes,
        quorum,
        Outcome.NOT_YET,
        new Human("Ada", Optional.of("ada@example.com")),
        Optional.of(new Window(CUT, CUT.plus(Duration.ofHours(2)))),
        Duration.ofMinutes(90),
        LocalDate.of(2026, 12, 1),
        ZoneId.of("Europe/Paris"),
        URI.create("https://example.com/changes/42?tab=files"),
        3,
        5_000_000_000L,
        0.25,
        true);
  }

  static Release release(boolean reversed) {
    Change second =
        new Change(
            "Bump model",
            List.of(),
            Set.of(),
            Map.of(),
            Map.of(),
            Outcome.SHIP,
            new Agent("gpt-x", 4096),
            Optional.empty(),
            Duration.ofSeconds(30),
            LocalDate.of(2026, 11, 30),
            ZoneId.of("UTC"),
            URI.create("urn:change:2"),
            0,
            -1L,
            1e-3,
            false);
    return new Release("train-48", CUT, List.of(change(reversed), second), Optional.empty());
  }
}
