package dev.signalbox.core.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The canonical form of a JSON tree by RFC 8785, the JSON Canonicalization Scheme (JCS): members
 * sorted by name, no whitespace, strings and numbers written exactly as ECMAScript's {@code
 * JSON.stringify} writes them, and UTF-8; the policy digest is the SHA-256 of these bytes.
 *
 * <p>Numbers are IEEE 754 doubles, as RFC 8785 §3.1 requires: a fractional node (a double, or a
 * decimal read with {@code USE_BIG_DECIMAL_FOR_FLOATS}) stands for its nearest double. An integer
 * node is written as its nearest double is written only if that text denotes the very same integer
 * (every integer up to 2<sup>53</sup> does, and so does {@code 295147905179352830000}); any other
 * integer, such as 2<sup>53</sup> + 1, is refused rather than rounded, so that two documents that
 * differ in a large integer never share a canonical form, while canonical text read back by Jackson
 * canonicalizes to itself. Also refused, with an {@link IllegalArgumentException} naming the path
 * ({@code $.rules[2].weight}): NaN and the infinities (a decimal too large for a double among
 * them), lone surrogates in strings or member names, and nodes that are not JSON (binary, POJO,
 * missing).
 *
 * <p>Stateless and thread-safe.
 */
public final class CanonicalJson {
  /** 2<sup>53</sup>: every integer of at most this magnitude is a double and prints as itself. */
  private static final long MAX_EXACT_INTEGER = 1L << 53;

  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /**
   * The canonical JSON text of {@code node} (RFC 8785 §3.2), before its encoding as UTF-8.
   *
   * @throws IllegalArgumentException if the tree holds something RFC 8785 refuses, naming its path
   */
  public static String canonicalize(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, Path.ROOT, out);
    return out.toString();
  }

  /**
   * The canonical JSON of {@code node} as UTF-8 bytes (RFC 8785 §3.2.4).
   *
   * @throws IllegalArgumentException if the tree holds something RFC 8785 refuses, naming its path
   */
  public static byte[] canonicalBytes(JsonNode node) {
    return canonicalize(node).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The SHA-256 of {@code node}'s canonical JSON bytes, as 64 lower-case hexadecimal digits.
   *
   * @throws IllegalArgumentException if the tree holds something RFC 8785 refuses, naming its path
   */
  public static String sha256Hex(JsonNode node) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must provide SHA-256
      throw new IllegalStateException("SHA-256 is not available", e);
    }
    return HexFormat.of().formatHex(sha256.digest(canonicalBytes(node)));
  }

  /**
   * {@code value} as ECMAScript's {@code Number::toString} writes it (ECMA-262 §7.1.12.1 with its
   * Note 2, as RFC 8785 §3.2.2.3 requires): the fewest significant digits that read back as {@code
   * value}, the closest such digits if there are several (ties to even), plain notation from
   * 10<sup>-6</sup> up to below 10<sup>21</sup> and exponential notation ({@code 1e+21}, {@code
   * 1.5e-7}) outside it; both zeros are {@code 0}.
   *
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(value + " is not a JSON number");
    }
    if (value == 0) {
      return "0"; // both zeros
    }
    if (value < 0) {
      return "-" + positive(-value);
    }
    return positive(value);
  }

  private static void write(JsonNode node, Path path, StringBuilder out) {
    switch (node.getNodeType()) {
      case NULL -> out.append("null");
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case STRING -> string(node.stringValue(), path, "string", out);
      case NUMBER -> out.append(number(node, path));
      case ARRAY -> {
        out.append('[');
        int i = 0;
        for (JsonNode element : node.values()) {
          if (i > 0) {
            out.append(',');
          }
          write(element, path.index(i++), out);
        }
        out.append(']');
      }
      case OBJECT -> {
        // String's natural order compares UTF-16 code units as unsigned numbers (RFC 8785 §3.2.3)
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : members) {
          if (!first) {
            out.append(',');
          }
          first = false;
          string(member.getKey(), path, "member name", out);
          out.append(':');
          write(member.getValue(), path.member(member.getKey()), out);
        }
        out.append('}');
      }
      case BINARY, POJO, MISSING ->
          throw refuse(path, "is a " + node.getNodeType() + " node, which is not JSON");
    }
  }

  /** The number a numeric node stands for, written; see the class comment for what is refused. */
  private static String number(JsonNode node, Path path) {
    if (node.isIntegralNumber()) {
      return integer(node, path);
    }
    // a decimal node is correctly rounded to the nearest double, as a parser reading doubles would
    double value = node.isBigDecimal() ? node.decimalValue().doubleValue() : node.doubleValue();
    if (!Double.isFinite(value)) {
      throw refuse(path, "is " + value + ", which JSON cannot hold (RFC 8785 §3.2.2.3)");
    }
    return number(value);
  }

  /**
   * An integer node, written as its double is written if that text denotes the very same integer;
   * otherwise refused, for rounding it would let two different integers share a canonical form.
   */
  private static String integer(JsonNode node, Path path) {
    if (node.canConvertToLong()) {
      long small = node.longValue();
      if (-MAX_EXACT_INTEGER <= small && small <= MAX_EXACT_INTEGER) {
        return Long.toString(small);
      }
    }
    BigDecimal integer = new BigDecimal(node.bigIntegerValue());
    double value = integer.doubleValue();
    if (!Double.isFinite(value)) {
      throw refuse(path, "is the integer " + integer + ", beyond the range of a double");
    }
    String text = number(value);
    if (new BigDecimal(text).compareTo(integer) != 0) {
      throw refuse(
          path,
          "is the integer "
              + integer
              + ", which as a double (RFC 8785 §3.1) would be written "
              + text
              + "; write it as a string to keep it exact");
    }
    return text;
  }

  /**
   * The shortest digits of a positive finite double: for each precision from 1 up, the two decimals
   * of that precision around the exact value are tried, and the first precision at which one of
   * them reads back as the double wins (the closer one if both do, the even one on a tie). Both are
   * tried because at a power of two the gap below is half the gap above, so the closest decimal may
   * read back as another double while the farther one does not (2^-1017).
   */
  private static String positive(double value) {
    if (value <= MAX_EXACT_INTEGER && value == Math.rint(value)) {
      // neighbouring doubles are at most 1 apart here, so no shorter decimal reads back as it
      return Long.toString((long) value);
    }
    BigDecimal exact = new BigDecimal(value);
    // 17 significant digits always read back, so the loop returns by then
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
      BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
      boolean belowReads = below.doubleValue() == value;
      boolean aboveReads = above.doubleValue() == value;
      if (belowReads && aboveReads) {
        return layout(exact.round(new MathContext(precision, RoundingMode.HALF_EVEN)));
      } else if (belowReads) {
        return layout(below);
      } else if (aboveReads) {
        return layout(above);
      }
    }
    throw new AssertionError("no 17-digit decimal reads back as " + value);
  }

  /**
   * Lays out {@code s} × 10<sup>n−k</sup>, {@code s} having {@code k} digits once trailing zeros
   * are dropped, as ECMA-262 §7.1.12.1 steps 6 to 10 say.
   */
  private static String layout(BigDecimal rounded) {
    BigDecimal decimal = rounded.stripTrailingZeros();
    String s = decimal.unscaledValue().toString();
    int k = s.length();
    int n = k - decimal.scale();
    StringBuilder out = new StringBuilder(k + 8);
    if (k <= n && n <= 21) {
      out.append(s);
      out.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(s, 0, n).append('.').append(s, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(s);
    } else {
      out.append(s.charAt(0));
      if (k > 1) {
        out.append('.').append(s, 1, k);
      }
      out.append('e').append(n - 1 >= 0 ? '+' : '-').append(Math.abs(n - 1));
    }
    return out.toString();
  }

  /** Writes {@code text} quoted and escaped as RFC 8785 §3.2.2.2 says. */
  private static void string(String text, Path path, String what, StringBuilder out) {
    out.append('"');
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xf]);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(i + 1));
            i++;
          } else if (Character.isSurrogate(c)) {
            throw refuse(
                path,
                "has a "
                    + what
                    + " with a lone surrogate "
                    + String.format("U+%04X", (int) c)
                    + " at index "
                    + i
                    + ", which is not Unicode text (RFC 8785 §3.2.2.2)");
          } else {
            out.append(c);
          }
        }
      }
      i++;
    }
    out.append('"');
  }

  private static IllegalArgumentException refuse(Path path, String problem) {
    return new IllegalArgumentException("cannot canonicalize " + path + ": it " + problem);
  }

  /** A path into the tree, rendered only when a problem is reported. */
  private static final class Path {
    static final Path ROOT = new Path(null, "$");

    private final @Nullable Path parent;
    private final String segment;

    private Path(@Nullable Path parent, String segment) {
      this.parent = parent;
      this.segment = segment;
    }

    Path member(String name) {
      return new Path(this, FieldPath.member(name));
    }

    Path index(int index) {
      return new Path(this, "[" + index + "]");
    }

    @Override
    public String toString() {
      return parent == null ? segment : parent + segment;
    }
  }
}
