package dev.signalbox.core.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.signalbox.core.InvalidValueException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Validation and defensive copies for the compact constructors of value types; every failure is an
 * {@link InvalidValueException} naming the type, the field and the value.
 */
public final class Checks {
  private static final int MAX_TEXT = 100_000;

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
      throw new InvalidValueException(
          type, field, "must be at most 200 characters long", value);
    }
    for (int i = 0; i < value.length(); ) {
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

  /** Returns {@code value} if it lies within {@code [min, max]}. */
  public static double within(Class<?> type, String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new InvalidValueException(
          type, field, "must be within [" + show(min) + ", " + show(max) + "]", value);
    }
    return value;
  }

  /** Returns {@code value} if it is finite. */
  public static double finite(Class<?> type, String field, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidValueException(type, field, "must be finite", value);
    }
    return value;
  }

  /** Returns {@code value} if it is at least {@code min}. */
  public static int atLeast(Class<?> type, String field, int value, int min) {
    if (value < min) {
      throw new InvalidValueException(type, field, "must be >= " + min, value);
    }
    return value;
  }

  /** An immutable copy of {@code values}, refusing a null collection or a null element. */
  public static <T> List<T> list(Class<?> type, String field, @Nullable List<T> values) {
    List<T> list = present(type, field, values);
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

  /** An immutable copy of {@code values}, refusing nulls and rejected tokens among the strings. */
  public static Set<String> tokens(Class<?> type, String field, @Nullable Set<String> values) {
    Set<String> copy = set(type, field, values);
    for (String value : copy) {
      token(type, field, value);
    }
    return copy;
  }

  /** An immutable copy of {@code values}, refusing a null map, key or value. */
  public static <K, V> Map<K, V> map(Class<?> type, String field, @Nullable Map<K, V> values) {
    Map<K, V> map = present(type, field, values);
    for (Map.Entry<K, V> entry : map.entrySet()) {
      if (entry.getKey() == null) {
        throw new InvalidValueException(type, field, "must not have a null key", null);
      }
      if (entry.getValue() == null) {
        throw new InvalidValueException(
            type, field + "." + entry.getKey(), "must not be null", null);
      }
    }
    return ImmutableMap.copyOf(map);
  }

  /**
   * Returns {@code value}, or throws if the optional itself is null: callers hand in whatever a
   * user passed, and a null optional must fail with the field's name rather than later with an NPE.
   */
  @SuppressWarnings("NullableOptional")
  public static <T> Optional<T> optional(
      Class<?> type, String field, @Nullable Optional<T> value) {
    return present(type, field, value);
  }

  private static void elements(Class<?> type, String field, Collection<?> values) {
    int i = 0;
    for (Object value : values) {
      if (value == null) {
        throw new InvalidValueException(type, field + "[" + i + "]", "must not be null", null);
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
