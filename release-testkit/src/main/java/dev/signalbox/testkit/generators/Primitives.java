package dev.signalbox.testkit.generators;

import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators for the building blocks of model values: tokens, text, path segments, instants, zones
 * and collections. Public so that users can compose their own generators from them.
 */
public final class Primitives {
  /**
   * Characters a token is drawn from: ASCII letters, digits and punctuation (quotes, brackets and
   * backslashes included, to exercise path escaping), Latin, Greek, Cyrillic, CJK, Hangul and
   * emoji.
   */
  private static final int[] TOKEN_CODE_POINTS =
      ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:@+"
              + "'\"[]{}\\#&*!|>%?,=~^`éßøçñüαβγжд中文字日本한국")
          .codePoints()
          .toArray();

  private static final int[] EMOJI = {0x1F680, 0x1F600, 0x2603, 0x1F9EA};

  /** Characters a path segment is drawn from, besides the token characters: space, #, (, ), ~. */
  private static final int[] PATH_EXTRA = " #()~,'!$&=".codePoints().toArray();

  private static final List<Instant> EDGE_INSTANTS =
      ImmutableList.of(
          Instant.EPOCH,
          Instant.parse("1970-01-01T00:00:00.000000001Z"),
          Instant.parse("1999-12-31T23:59:59.999999999Z"),
          Instant.parse("2000-02-29T12:00:00Z"),
          Instant.parse("2026-03-08T10:00:00Z"), // US DST starts
          Instant.parse("2026-03-29T01:00:00Z"), // EU DST starts
          Instant.parse("2026-10-25T01:00:00Z"), // EU DST ends
          Instant.parse("2026-11-01T06:00:00Z"), // US DST ends
          Instant.parse("2038-01-19T03:14:07Z"),
          Instant.parse("0001-01-01T00:00:00Z"),
          Instant.parse("0000-01-01T00:00:00Z")); // the first instant RFC 3339 can write

  /** The latest instant RFC 3339 can write: the end of year 9999. */
  private static final Instant LAST_RFC3339 = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private static final long EARLIEST_SECOND =
      Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
  private static final long LATEST_SECOND = Instant.parse("2300-01-01T00:00:00Z").getEpochSecond();

  private static final List<ZoneId> ZONES = knownZones();

  private Primitives() {}

  /**
   * Identifiers and names: 1 to 16 characters without whitespace, mixing ASCII with letters from
   * several scripts and the occasional emoji.
   */
  public static Gen<String> tokens() {
    Gen<Integer> lengths =
        Generate.frequency(Pair.of(8, Generate.range(1, 8)), Pair.of(1, Generate.range(9, 16)));
    Gen<Integer> codePoints = codePointsFrom(TOKEN_CODE_POINTS);
    return in -> {
      int length = lengths.generate(in);
      StringBuilder token = new StringBuilder();
      for (int i = 0; i < length; i++) {
        token.appendCodePoint(codePoints.generate(in));
      }
      return token.toString();
    };
  }

  /**
   * Words people write: one to six tokens joined by spaces, tabs or line breaks of every kind,
   * sometimes with leading or trailing blanks, now and then thousands of characters long.
   */
  public static Gen<String> text() {
    Gen<List<String>> words =
        lists()
            .of(tokens())
            .ofSizes(
                Generate.frequency(
                    Pair.of(20, Generate.range(1, 6)), Pair.of(1, Generate.range(200, 600))));
    Gen<String> separators =
        Generate.pick(List.of(" ", " ", " ", "\n", ", ", "\t", "\r\n", "\u2028", "  "));
    Gen<String> edges = Generate.pick(List.of("", "", "", "", " ", "\n", "\t"));
    return in -> {
      List<String> chosen = words.generate(in);
      StringBuilder text = new StringBuilder(edges.generate(in)).append(chosen.get(0));
      for (int i = 1; i < chosen.size(); i++) {
        text.append(separators.generate(in)).append(chosen.get(i));
      }
      return text.append(edges.generate(in)).toString();
    };
  }

  /**
   * Finite doubles of every kind: small fractions, negative zero, the smallest subnormal, huge
   * magnitudes; for components with no range of their own.
   */
  public static Gen<Double> finiteDoubles() {
    return Generate.frequency(
        Pair.of(6, Generate.range(-1_000_000, 1_000_000).map(i -> i / 1000.0)),
        Pair.of(
            1,
            Generate.pick(
                List.of(-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e300, -1e300, Math.PI))));
  }

  /** Like {@link #text()}, or empty. */
  public static Gen<String> textOrEmpty() {
    return Generate.frequency(Pair.of(1, Generate.constant("")), Pair.of(4, text()));
  }

  /** One segment of a repository path: never {@code .} or {@code ..}, sometimes with spaces. */
  public static Gen<String> pathSegments() {
    // a backslash is the one token character a path refuses (it is not a separator)
    int[] pool =
        IntStream.concat(Arrays.stream(TOKEN_CODE_POINTS), Arrays.stream(PATH_EXTRA))
            .filter(c -> c != '\\')
            .toArray();
    Gen<Integer> codePoints = codePointsFrom(pool);
    Gen<Integer> lengths = Generate.range(1, 12);
    return in -> {
      int length = lengths.generate(in);
      StringBuilder segment = new StringBuilder();
      for (int i = 0; i < length; i++) {
        segment.appendCodePoint(codePoints.generate(in));
      }
      String s = segment.toString();
      return s.equals(".") || s.equals("..") ? s + "x" : s;
    };
  }

  /** Instants from 1900 to 2300 with nanoseconds, mixed with edge instants (DST changes, epoch). */
  public static Gen<Instant> instants() {
    Gen<Long> seconds = Generate.longRange(EARLIEST_SECOND, LATEST_SECOND);
    Gen<Integer> nanos =
        Generate.frequency(
            Pair.of(3, Generate.constant(0)), Pair.of(1, Generate.range(0, 999_999_999)));
    Gen<Instant> ordinary = seconds.zip(nanos, Instant::ofEpochSecond);
    return Generate.frequency(
        Pair.of(6, ordinary),
        Pair.of(2, Generate.pick(EDGE_INSTANTS)),
        Pair.of(1, Generate.constant(LAST_RFC3339)));
  }

  /** Instants that leave room for a later instant: {@link #instants()} without the last one. */
  public static Gen<Instant> instantsWithRoomAfter() {
    return instants().map(at -> at.equals(LAST_RFC3339) ? Instant.EPOCH : at);
  }

  /** Positive durations from a second to sixty days, sometimes with nanoseconds. */
  public static Gen<Duration> durations() {
    Gen<Long> seconds = Generate.longRange(1, 60L * 24 * 3600);
    Gen<Integer> nanos =
        Generate.frequency(
            Pair.of(3, Generate.constant(0)), Pair.of(1, Generate.range(0, 999_999_999)));
    return seconds.zip(nanos, (s, n) -> Duration.ofSeconds(s, n));
  }

  /** Every region zone the JDK knows, UTC, and fixed offsets such as {@code +05:45}. */
  public static Gen<ZoneId> zones() {
    return Generate.pick(ZONES);
  }

  /** Days from 1900 to 2300. */
  public static Gen<LocalDate> localDates() {
    return Generate.longRange(
            LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2300, 1, 1).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  /** Local date-times to the minute, often on the hour, including times inside DST gaps. */
  public static Gen<LocalDateTime> localDateTimes() {
    return localDates()
        .zip(
            Generate.range(0, 23),
            Generate.frequency(Pair.of(2, Generate.constant(0)), Pair.of(1, Generate.range(0, 59))),
            (day, hour, minute) -> day.atTime(hour, minute));
  }

  /** Lowercase hexadecimal strings of {@code length} digits. */
  public static Gen<String> hex(int length) {
    Gen<Long> longs = Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE);
    return in -> {
      StringBuilder hex = new StringBuilder(length + 16);
      while (hex.length() < length) {
        hex.append(HexFormat.of().toHexDigits(longs.generate(in)));
      }
      return hex.substring(0, length);
    };
  }

  /** Byte strings of 0 to {@code maxLength} bytes. */
  public static Gen<byte[]> bytes(int maxLength) {
    return Generate.byteArrays(
        Generate.range(0, maxLength), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
  }

  /** Collection sizes: mostly 0 to {@code usual}, now and then up to {@code large}. */
  public static Gen<Integer> sizes(int usual, int large) {
    return Generate.frequency(
        Pair.of(9, Generate.range(0, usual)), Pair.of(1, Generate.range(usual, large)));
  }

  /** Lists of {@code elements} with sizes drawn from {@code sizes}. */
  public static <T> Gen<List<T>> listsOf(Gen<T> elements, Gen<Integer> sizes) {
    return lists().of(elements).ofSizes(sizes);
  }

  /** Sets of {@code elements}: lists with sizes from {@code sizes}, duplicates dropped. */
  public static <T> Gen<Set<T>> setsOf(Gen<T> elements, Gen<Integer> sizes) {
    return listsOf(elements, sizes).map(list -> new LinkedHashSet<>(list));
  }

  /** Lists of {@code elements} in which no two share a key; later duplicates are dropped. */
  public static <T, K> Gen<List<T>> distinctListsOf(
      Gen<T> elements, Gen<Integer> sizes, Function<T, K> key) {
    return listsOf(elements, sizes)
        .map(
            list -> {
              Map<K, T> byKey = new LinkedHashMap<>();
              for (T element : list) {
                byKey.putIfAbsent(key.apply(element), element);
              }
              return new ArrayList<>(byKey.values());
            });
  }

  /** Maps from tokens to text, possibly empty. */
  public static Gen<Map<String, String>> tokenMaps(Gen<Integer> sizes) {
    Gen<List<String>> keys = listsOf(tokens(), sizes);
    Gen<String> values = textOrEmpty();
    return in -> {
      Map<String, String> map = new LinkedHashMap<>();
      for (String key : keys.generate(in)) {
        map.put(key, values.generate(in));
      }
      return map;
    };
  }

  private static Gen<Integer> codePointsFrom(int[] pool) {
    Gen<Integer> index = Generate.range(0, pool.length - 1);
    Gen<Integer> emoji = Generate.range(0, EMOJI.length - 1).map(i -> EMOJI[i]);
    return Generate.frequency(Pair.of(30, index.map(i -> pool[i])), Pair.of(1, emoji));
  }

  private static List<ZoneId> knownZones() {
    List<ZoneId> zones = new ArrayList<>();
    ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).forEach(zones::add);
    zones.add(ZoneOffset.UTC);
    zones.add(ZoneOffset.of("+05:45"));
    zones.add(ZoneOffset.of("-09:30"));
    zones.add(ZoneOffset.of("+14:00"));
    return ImmutableList.copyOf(zones);
  }
}
