package dev.signalbox.core.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.signalbox.core.InvalidValueException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validation and defensive copies for the compact constructors of value types; every failure is an
 * {@link InvalidValueException} naming the type, the field (with the element's index or key, as
 * {@link FieldPath} spells it) and the value.
 */
public final class Checks {
  private static final int MAX_TEXT = 100_000;

  /** The first instant RFC 3339 can write: the start of year 0000. */
  private static final Instant FIRST_INSTANT = Instant.parse("0000-01-01T00:00:00Z");

  /** The last instant RFC 3339 can write: the end of year 9999. */
  private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private Checks() {}

  /** Returns {@code value}, or throws if it is null. */
  public static <T> T present(Class<?> type, String field, @Nullable T value) {
    if (value == null) {
      throw new InvalidValueException(type, field, "must not be null", null);
    }
    return value;
  }

  /** Returns {@code value} if it has a non-whitespace character and no NUL. */
  public static String text(Class<?> type, String field, @Nullable String value) {
    String text = present(type, field, value);
    if (text.isBlank()) {
      throw new InvalidValueException(type, field, "must not be blank", text);
    }
    return noNul(type, field, text);
  }

  /** Returns {@code value} if it has no NUL character (it may be empty). */
  public static String noNul(Class<?> type, String field, @Nullable String value) {
    String text = present(type, field, value);
    if (text.indexOf('\0') >= 0) {
      throw new InvalidValueException(type, field, "must not contain NUL", text);
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidValueException(
          type, field, "must be at most " + MAX_TEXT + " characters long", text.length());
    }
    return text;
  }

  /**
   * Returns {@code value} if it is a token: non-empty, at most 200 characters, and free of
   * whitespace, control characters and invisible format characters (identifiers, names of roles,
   * rules and components).
   */
  public static String token(Class<?> type, String field, @Nullable String raw) {
    String value = present(type, field, raw);
    if (value.isEmpty()) {
      throw new InvalidValueException(type, field, "must not be empty", value);
    }
    if (value.length() > 200) {
      throw new InvalidValueException(type, field, "must be at most 200 characters long", value);
    }
    for (int i = 0; i < value.length(); ) {
      char ascii = value.charAt(i);
      if (ascii > ' ' && ascii < 0x7f) {
        // printable ASCII, the common case: no whitespace, control or format character among it
        i++;
        continue;
      }
      int c = value.codePointAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw new InvalidValueException(
            type, field, "must not contain whitespace or control characters", value);
      }
      // invisible format characters (zero-width space, bidi overrides) would let two ids that
      // look the same differ, or one id display as another
      if (Character.getType(c) == Character.FORMAT) {
        throw new InvalidValueException(
            type, field, "must not contain invisible format characters", value);
      }
      i += Character.charCount(c);
    }
    return value;
  }

  /**
   * Returns {@code value}, lower-cased, if it is a hexadecimal digest of one of the given numbers
   * of digits; the message reports the value as given.
   */
  public static String hexDigest(
      Class<?> type, String field, @Nullable String value, Pattern digits, String expected) {
    String given = present(type, field, value);
    String lower = given.toLowerCase(Locale.ROOT);
    if (!digits.matcher(lower).matches()) {
      throw new InvalidValueException(type, field, "must be " + expected, given);
    }
    return lower;
  }

  /**
   * Returns {@code value} if it lies within {@code [min, max]}, with negative zero made zero (JSON
   * and equality would otherwise disagree about it).
   */
  public static double within(Class<?> type, String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new InvalidValueException(
          type, field, "must be within [" + show(min) + ", " + show(max) + "]", value);
    }
    return value + 0.0;
  }

  /** Returns {@code value} if it is finite, with negative zero made zero. */
  public static double finite(Class<?> type, String field, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidValueException(type, field, "must be finite", value);
    }
    return value + 0.0;
  }

  /** Returns {@code value} if it is at least {@code min}. */
  public static int atLeast(Class<?> type, String field, int value, int min) {
    if (value < min) {
      throw new InvalidValueException(type, field, "must be >= " + min, value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it lies in the years 0000 to 9999, the instants an RFC 3339 document
   * can hold.
   */
  public static Instant instant(Class<?> type, String field, @Nullable Instant value) {
    Instant instant = present(type, field, value);
    if (instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)) {
      throw new InvalidValueException(
          type, field, "must lie in the years 0000 to 9999 (RFC 3339)", instant);
    }
    return instant;
  }

  /** An immutable copy of {@code values}, refusing a null collection or a null element. */
  public static <T> List<T> list(Class<?> type, String field, @Nullable List<T> values) {
    List<T> list = present(type, field, values);
    if (list instanceof ImmutableList) {
      return list; // holds no null, and copyOf would return it as it is
    }
    elements(type, field, list);
    return ImmutableList.copyOf(list);
  }

  /** Like {@link #list} and refusing an empty list. */
  public static <T> List<T> nonEmptyList(Class<?> type, String field, @Nullable List<T> values) {
    List<T> copy = list(type, field, values);
    if (copy.isEmpty()) {
      throw new InvalidValueException(type, field, "must not be empty", copy);
    }
    return copy;
  }

  /** An immutable copy of {@code values}, refusing a null collection or a null element. */
  public static <T> Set<T> set(Class<?> type, String field, @Nullable Set<T> values) {
    Set<T> set = present(type, field, values);
    if ((set instanceof ImmutableSet && !(set instanceof SortedSet)) || set instanceof ArraySet) {
      return set; // holds no null, and is immutable already
    }
    elements(type, field, set);
    return ImmutableSet.copyOf(set);
  }

  /** Like {@link #set} and refusing an empty set. */
  public static <T> Set<T> nonEmptySet(Class<?> type, String field, @Nullable Set<T> values) {
    Set<T> copy = set(type, field, values);
    if (copy.isEmpty()) {
      throw new InvalidValueException(type, field, "must not be empty", copy);
    }
    return copy;
  }

  /** An immutable copy of {@code values}, each a {@link #token}, reported by its index. */
  public static Set<String> tokens(Class<?> type, String field, @Nullable Set<String> values) {
    Set<String> copy = set(type, field, values);
    if (copy instanceof ArraySet<String> held) { // by index: a target is built on every decision
      for (int i = 0; i < held.size(); i++) {
        if (!isPlainToken(held.get(i))) {
          token(type, FieldPath.index(field, i), held.get(i));
        }
      }
      return copy;
    }
    int i = 0;
    for (String value : copy) {
      if (!isPlainToken(value)) { // the field's path is spelt only for a message
        token(type, FieldPath.index(field, i), value);
      }
      i++;
    }
    return copy;
  }

  /** An immutable copy of {@code values}, each {@link #text}, reported by its index. */
  public static Set<String> texts(Class<?> type, String field, @Nullable Set<String> values) {
    Set<String> copy = set(type, field, values);
    int i = 0;
    for (String value : copy) {
      text(type, FieldPath.index(field, i++), value);
    }
    return copy;
  }

  /** An immutable copy of {@code values}, each {@link #text}, reported by its index. */
  public static List<String> texts(Class<?> type, String field, @Nullable List<String> values) {
    List<String> copy = list(type, field, values);
    for (int i = 0; i < copy.size(); i++) {
      text(type, FieldPath.index(field, i), copy.get(i));
    }
    return copy;
  }

  /** An immutable copy of {@code values}, refusing a null map, key or value. */
  public static <K, V> Map<K, V> map(Class<?> type, String field, @Nullable Map<K, V> values) {
    Map<K, V> map = present(type, field, values);
    if (map.isEmpty()) {
      return ImmutableMap.of();
    }
    if (map instanceof ImmutableMap || isJdkImmutable(map)) {
      return map; // holds no null, and is immutable already: as a copy would be, in its order
    }
    for (Map.Entry<K, V> entry : map.entrySet()) {
      if (entry.getKey() == null) {
        throw new InvalidValueException(type, field, "must not have a null key", null);
      }
      if (entry.getValue() == null) {
        throw new InvalidValueException(
            type,
            FieldPath.member(field, String.valueOf(entry.getKey())),
            "must not be null",
            null);
      }
    }
    return ImmutableMap.copyOf(map);
  }

  /**
   * An immutable copy of {@code values} whose keys are {@link #token}s and whose values have no
   * NUL, each reported under its key ({@code labels.team}, {@code labels['a b']}).
   */
  public static Map<String, String> labels(
      Class<?> type, String field, @Nullable Map<String, String> values) {
    Map<String, String> copy = map(type, field, values);
    for (Map.Entry<String, String> entry : copy.entrySet()) {
      if (isPlainToken(entry.getKey()) && isShortText(entry.getValue())) {
        continue; // valid: the field's path is spelt only for a message
      }
      String at = FieldPath.member(field, entry.getKey());
      token(type, at, entry.getKey());
      noNul(type, at, entry.getValue());
    }
    return copy;
  }

  /**
   * Returns {@code value}, or throws if the optional itself is null: callers hand in whatever a
   * user passed, and a null optional must fail with the field's name rather than later with an NPE.
   */
  @SuppressWarnings("NullableOptional")
  public static <T> Optional<T> optional(Class<?> type, String field, @Nullable Optional<T> value) {
    return present(type, field, value);
  }

  /** The classes of {@code Map.of}'s maps, which are immutable and refuse null. */
  private static final Class<?> JDK_MAP_1 = Map.of("k", "v").getClass();

  private static final Class<?> JDK_MAP_N = Map.of("k", "v", "l", "w").getClass();

  private static boolean isJdkImmutable(Map<?, ?> map) {
    return map.getClass() == JDK_MAP_1 || map.getClass() == JDK_MAP_N;
  }

  /** Whether {@link #token} accepts {@code value} by its printable-ASCII fast path. */
  private static boolean isPlainToken(String value) {
    if (value.isEmpty() || value.length() > 200) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@link #noNul} accepts {@code value}. */
  private static boolean isShortText(String value) {
    return value.length() <= MAX_TEXT && value.indexOf('\0') < 0;
  }

  private static void elements(Class<?> type, String field, Collection<?> values) {
    if (values instanceof List<?> list && values instanceof RandomAccess) {
      for (int i = 0; i < list.size(); i++) { // no iterator: value types are built on hot paths
        if (list.get(i) == null) {
          throw new InvalidValueException(
              type, FieldPath.index(field, i), "must not be null", null);
        }
      }
      return;
    }
    int i = 0;
    for (Object value : values) {
      if (value == null) {
        throw new InvalidValueException(type, FieldPath.index(field, i), "must not be null", null);
      }
      i++;
    }
  }

  private static String show(double bound) {
    return bound == Math.rint(bound) && Math.abs(bound) < 1e15
        ? Long.toString((long) bound)
        : Double.toString(bound);
  }
}
