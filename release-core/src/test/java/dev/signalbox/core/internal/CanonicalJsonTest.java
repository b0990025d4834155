package dev.signalbox.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 8785 canonical JSON: the RFC's own examples (§3.2.2, §3.2.3, §3.2.4 and every row of Appendix
 * B), the ECMAScript number layout at its boundaries, what is refused, and properties over random
 * doubles and random trees.
 */
class CanonicalJsonTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Reads fractions as doubles and integers as int, long or BigInteger nodes (Jackson's default).
   */
  private static final JsonMapper DOUBLES = JsonMapper.builder().build();

  /** Reads fractions as BigDecimal nodes, as the project's document codec does. */
  private static final JsonMapper DECIMALS =
      JsonMapper.builder()
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  /** The input of RFC 8785 §3.2.2, on one line. */
  private static final String RFC_SAMPLE =
      "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
          + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
          + "\"literals\":[null,true,false]}";

  /** Its canonical form, RFC 8785 §3.2.3 (the line wrap there is for display only). */
  private static final String RFC_SAMPLE_CANONICAL =
      "{\"literals\":[null,true,false],"
          + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
          + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";

  /** The same as UTF-8, RFC 8785 §3.2.4. */
  private static final String RFC_SAMPLE_UTF8 =
      "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72"
          + " 75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a"
          + " 5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31"
          + " 65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37"
          + " 5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30"
          + " 30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d";

  /** The canonical form: ECMAScript's number grammar, exponents only outside [1e-6, 1e21). */
  private static final Pattern PLAIN = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");

  private static final Pattern EXPONENTIAL =
      Pattern.compile("-?[1-9](\\.[0-9]*[1-9])?e[+-][1-9][0-9]*");

  @Test
  void canonicalizesTheSampleOfSection3_2_2() {
    for (JsonMapper mapper : List.of(DOUBLES, DECIMALS)) {
      JsonNode sample = mapper.readTree(RFC_SAMPLE);

      assertThat(CanonicalJson.canonicalize(sample)).isEqualTo(RFC_SAMPLE_CANONICAL);
      assertThat(CanonicalJson.canonicalBytes(sample))
          .isEqualTo(HexFormat.ofDelimiter(" ").parseHex(RFC_SAMPLE_UTF8));
    }
  }

  @Test
  void digestIsTheSha256OfTheCanonicalBytes() throws Exception {
    JsonNode sample = DOUBLES.readTree(RFC_SAMPLE);
    byte[] expected =
        MessageDigest.getInstance("SHA-256")
            .digest(HexFormat.ofDelimiter(" ").parseHex(RFC_SAMPLE_UTF8));

    assertThat(CanonicalJson.sha256Hex(sample)).isEqualTo(HexFormat.of().formatHex(expected));
    assertThat(CanonicalJson.sha256Hex(NODES.objectNode()))
        .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    assertThat(CanonicalJson.sha256Hex(DOUBLES.readTree("{ \"b\" : [ 1.0 , 2 ], \"a\" : {} }")))
        .isEqualTo(CanonicalJson.sha256Hex(DOUBLES.readTree("{\"a\":{},\"b\":[1,2.00]}")));
  }

  @Test
  void sortsMembersByUtf16CodeUnitsAsSection3_2_3Shows() {
    JsonNode sample =
        DOUBLES.readTree(
            "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\","
                + "\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\",\"1\":\"One\","
                + "\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}");

    String canonical = CanonicalJson.canonicalize(sample);

    List<String> order = new ArrayList<>();
    for (Map.Entry<String, JsonNode> member : DOUBLES.readTree(canonical).properties()) {
      order.add(member.getValue().stringValue());
    }
    assertThat(order)
        .containsExactly(
            "Carriage Return",
            "One",
            "Control",
            "Latin Small Letter O With Diaeresis",
            "Euro Sign",
            "Emoji: Grinning Face",
            "Hebrew Letter Dalet With Dagesh");
    assertThat(canonical)
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void sortsNestedObjectsButKeepsArrayOrder() {
    JsonNode tree =
        DOUBLES.readTree(
            "{\"z\":[{\"b\":1,\"a\":2},3,{\"d\":{\"y\":0,\"x\":0}}],\"\":true,\"aa\":1,\"a\":0}");

    assertThat(CanonicalJson.canonicalize(tree))
        .isEqualTo(
            "{\"\":true,\"a\":0,\"aa\":1,\"z\":[{\"a\":2,\"b\":1},3,{\"d\":{\"x\":0,\"y\":0}}]}");
  }

  /** Every row of RFC 8785 Appendix B with a JSON representation, as printed there. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2",
  })
  void serializesTheNumbersOfAppendixB(String ieee754, String json) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));

    assertThat(CanonicalJson.number(value)).isEqualTo(json);
    assertThat(CanonicalJson.canonicalize(NODES.arrayNode().add(value)))
        .isEqualTo("[" + json + "]");
  }

  /** Appendix B's NaN and Infinity rows, which have no JSON representation (note 3). */
  @ParameterizedTest
  @CsvSource({"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
  void refusesTheNonFiniteRowsOfAppendixB(String ieee754) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));
    ObjectNode tree = NODES.objectNode();
    tree.putArray("weights").add(1).add(value);

    assertThatThrownBy(() -> CanonicalJson.number(value))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.canonicalize(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.weights[1]");
  }

  @Test
  void laysOutNumbersAsEcmaScriptDoesAtEachBoundary() {
    assertThat(CanonicalJson.number(-0.0)).isEqualTo("0");
    assertThat(CanonicalJson.number(1)).isEqualTo("1");
    assertThat(CanonicalJson.number(-1.5)).isEqualTo("-1.5");
    assertThat(CanonicalJson.number(100)).isEqualTo("100");
    assertThat(CanonicalJson.number(0.1)).isEqualTo("0.1");
    assertThat(CanonicalJson.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(CanonicalJson.number(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(CanonicalJson.number(123.456)).isEqualTo("123.456");
    // plain up to below 1e21, exponential from it
    assertThat(CanonicalJson.number(1e20)).isEqualTo("100000000000000000000");
    assertThat(CanonicalJson.number(123456789012345680000.0)).isEqualTo("123456789012345680000");
    assertThat(CanonicalJson.number(1e21)).isEqualTo("1e+21");
    assertThat(CanonicalJson.number(1.5e21)).isEqualTo("1.5e+21");
    assertThat(CanonicalJson.number(-1e300)).isEqualTo("-1e+300");
    // plain down to 1e-6, exponential below it
    assertThat(CanonicalJson.number(0.000001)).isEqualTo("0.000001");
    assertThat(CanonicalJson.number(0.0000015)).isEqualTo("0.0000015");
    assertThat(CanonicalJson.number(1e-7)).isEqualTo("1e-7");
    assertThat(CanonicalJson.number(1.2345e-7)).isEqualTo("1.2345e-7");
    assertThat(CanonicalJson.number(Double.MIN_NORMAL)).isEqualTo("2.2250738585072014e-308");
    assertThat(CanonicalJson.number(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    // beyond 2^53 integers print their shortest digits padded with zeros
    assertThat(CanonicalJson.number(0x1p60)).isEqualTo("1152921504606847000");
    assertThat(CanonicalJson.number(9007199254740994.0)).isEqualTo("9007199254740994");
  }

  @Test
  void findsShorterDigitsThanJava17DoubleToString() {
    // JDK-4511638: before JDK 19, Double.toString(2.82879384806159E17) gives 18 digits
    double value = 2.82879384806159E17;

    assertThat(CanonicalJson.number(value)).isEqualTo("282879384806159000");
    assertThat(CanonicalJson.number(1.0E23)).isEqualTo("1e+23");
    assertThat(CanonicalJson.number(2.0E-3)).isEqualTo("0.002");
  }

  @Test
  void findsTheShortestDigitsWhenOnlyTheFartherNeighbourReadsBack() {
    // at a power of two the gap below is half the gap above: here the closest 16-digit decimal
    // (7.120236347223044e-307) reads back as another double, the one above it does not
    assertThat(CanonicalJson.number(0x1p-1017)).isEqualTo("7.120236347223045e-307");
    assertThat(CanonicalJson.number(0x1p-808)).isEqualTo("5.858190679279809e-244");

    for (int exponent = -1074; exponent <= 1023; exponent++) {
      for (int steps = -1; steps <= 1; steps++) {
        double value = step(Math.scalb(1.0, exponent), steps);
        String text = CanonicalJson.number(value);
        assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
        assertNoShorterDigitsReadBack(value, text);
      }
    }
  }

  @Test
  void escapesStringsAsSection3_2_2_2Says() {
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }

    assertThat(CanonicalJson.canonicalize(NODES.stringNode(controls.toString())))
        .isEqualTo(
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
                + "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
                + "\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"");
    // everything else is written as it is: slash, DEL, C1 controls, separators, non-BMP
    String literal = "/ \u007f\u0085\u00a0\u2028\u2029\u200b\ufeff\uffff\ud83d\ude00\udbff\udfff";
    assertThat(CanonicalJson.canonicalize(NODES.stringNode(literal)))
        .isEqualTo("\"" + literal + "\"");
    assertThat(CanonicalJson.canonicalize(NODES.stringNode("say \"hi\" \\ bye")))
        .isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
    assertThat(CanonicalJson.canonicalBytes(NODES.stringNode("\u00f6\u20ac\ud83d\ude00")))
        .isEqualTo("\"\u00f6\u20ac\ud83d\ude00\"".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesLoneSurrogatesNamingThePath() {
    for (String text : List.of("a\ud800", "\udc00b", "\ud83dx", "\ude00\ud83d", "x\udfff")) {
      ObjectNode value = NODES.objectNode();
      value.putObject("outer").putArray("list").add("fine").add(text);
      ObjectNode name = NODES.objectNode();
      name.putObject("outer").put(text, 1);

      assertThatThrownBy(() -> CanonicalJson.canonicalize(value))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("$.outer.list[1]")
          .hasMessageContaining("lone surrogate");
      assertThatThrownBy(() -> CanonicalJson.canonicalize(name))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("$.outer:")
          .hasMessageContaining("member name with a lone surrogate");
    }
  }

  @Test
  void writesIntegersThatAreDoublesAndRefusesTheRest() {
    assertThat(CanonicalJson.canonicalize(NODES.numberNode(9007199254740992L)))
        .isEqualTo("9007199254740992");
    assertThat(CanonicalJson.canonicalize(NODES.numberNode(-9007199254740992L)))
        .isEqualTo("-9007199254740992");
    assertThat(CanonicalJson.canonicalize(NODES.numberNode((short) -7))).isEqualTo("-7");
    assertThat(CanonicalJson.canonicalize(NODES.numberNode(Integer.MIN_VALUE)))
        .isEqualTo("-2147483648");
    // Appendix B's ~2**68 as the integer JCS writes for it, and integers written as exponents
    assertThat(CanonicalJson.canonicalize(DOUBLES.readTree("[295147905179352830000]")))
        .isEqualTo("[295147905179352830000]");
    assertThat(CanonicalJson.canonicalize(NODES.numberNode(BigInteger.TEN.pow(21))))
        .isEqualTo("1e+21");
    assertThat(CanonicalJson.canonicalize(NODES.numberNode(BigInteger.TEN.pow(30).negate())))
        .isEqualTo("-1e+30");

    // integers that a double would round: refused with what they would have become
    ObjectNode tree = NODES.objectNode();
    tree.putArray("ids").add(1).add(9007199254740993L);
    assertThatThrownBy(() -> CanonicalJson.canonicalize(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$.ids[1]")
        .hasMessageContaining("9007199254740993")
        .hasMessageContaining("9007199254740992");
    for (JsonNode integer :
        List.of(
            NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(1L << 62),
            NODES.numberNode(BigInteger.TWO.pow(68)),
            NODES.numberNode(BigInteger.TEN.pow(400)))) {
      assertThatThrownBy(() -> CanonicalJson.canonicalize(integer))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("$: it is the integer");
    }
  }

  @Test
  void readsDecimalsAndFloatsAsTheirNearestDouble() {
    assertThat(CanonicalJson.canonicalize(NODES.numberNode(new BigDecimal("4.50"))))
        .isEqualTo("4.5");
    assertThat(CanonicalJson.canonicalize(NODES.numberNode(new BigDecimal("1E+2"))))
        .isEqualTo("100");
    assertThat(CanonicalJson.canonicalize(NODES.numberNode(new BigDecimal("-0.0")))).isEqualTo("0");
    assertThat(
            CanonicalJson.canonicalize(
                NODES.numberNode(new BigDecimal("0.1000000000000000055511151231257827"))))
        .isEqualTo("0.1");
    assertThat(CanonicalJson.canonicalize(NODES.numberNode(0.1f))).isEqualTo("0.10000000149011612");
    assertThat(CanonicalJson.canonicalize(NODES.numberNode(-0.0))).isEqualTo("0");

    ObjectNode tree = NODES.objectNode();
    tree.putObject("odd key").set("huge", NODES.numberNode(new BigDecimal("1e400")));
    assertThatThrownBy(() -> CanonicalJson.canonicalize(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$['odd key'].huge")
        .hasMessageContaining("Infinity");
  }

  @Test
  void refusesNodesThatAreNotJson() {
    ArrayNode tree = NODES.arrayNode();
    tree.add(NODES.binaryNode(new byte[] {1, 2}));
    assertThatThrownBy(() -> CanonicalJson.canonicalize(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$[0]")
        .hasMessageContaining("BINARY");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.pojoNode(new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("POJO");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(MissingNode.getInstance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MISSING");
  }

  @Test
  void numbersReadBackAsTheSameDoubleInTheShortestForm() {
    Gen<Double> anyBits = longs().all().map(Double::longBitsToDouble);
    Gen<Double> shortDecimals =
        integers()
            .between(-9_999_999, 9_999_999)
            .zip(
                integers().between(-330, 330), (unscaled, scale) -> unscaled * Math.pow(10, scale));
    // powers of two have a lower neighbour twice as close as the upper one
    Gen<Double> powersOfTwo =
        integers()
            .between(-1074, 1023)
            .zip(
                integers().between(-2, 2),
                (exponent, step) -> step(Math.scalb(1.0, exponent), step));
    Gen<Double> doubles =
        anyBits.mix(shortDecimals, 30).mix(powersOfTwo, 30).assuming(Double::isFinite);

    qt().withExamples(20_000)
        .forAll(doubles)
        .checkAssert(
            value -> {
              String text = CanonicalJson.number(value);
              assertThat(Double.parseDouble(text)).isEqualTo(value + 0.0);
              double magnitude = Math.abs(value);
              if (magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21)) {
                assertThat(text).matches(PLAIN);
              } else {
                assertThat(text).matches(EXPONENTIAL);
              }
              assertNoShorterDigitsReadBack(value, text);
            });
  }

  @Test
  void canonicalizingCanonicalTextChangesNothing() {
    Gen<JsonNode> trees = in -> tree(in, 0);

    qt().withExamples(3_000)
        .forAll(trees)
        .checkAssert(
            tree -> {
              String canonical = CanonicalJson.canonicalize(tree);
              assertThat(CanonicalJson.canonicalize(DOUBLES.readTree(canonical)))
                  .isEqualTo(canonical);
              assertThat(CanonicalJson.canonicalize(DECIMALS.readTree(canonical)))
                  .isEqualTo(canonical);
              assertThat(CanonicalJson.canonicalize(DOUBLES.readTree(tree.toPrettyString())))
                  .isEqualTo(canonical);
            });
  }

  /** No decimal with fewer significant digits than {@code text} reads back as {@code value}. */
  private static void assertNoShorterDigitsReadBack(double value, String text) {
    if (value == 0) {
      return;
    }
    BigDecimal exact = new BigDecimal(value);
    int digits = new BigDecimal(text).stripTrailingZeros().precision();
    if (digits > 1) {
      for (RoundingMode mode : List.of(RoundingMode.FLOOR, RoundingMode.CEILING)) {
        BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
        assertThat(shorter.doubleValue()).as("%s reads back", shorter).isNotEqualTo(value);
      }
    }
  }

  private static double step(double value, int steps) {
    double result = value;
    for (int i = 0; i < Math.abs(steps); i++) {
      result = steps > 0 ? Math.nextUp(result) : Math.nextDown(result);
    }
    return result;
  }

  /** Units that strings are made of: escapes, controls, separators, non-ASCII, a surrogate pair. */
  private static final List<String> UNITS =
      List.of(
          "a",
          "Z",
          "1",
          " ",
          "\"",
          "\\",
          "/",
          "\u0000",
          "\u001f",
          "\b",
          "\t",
          "\n",
          "\f",
          "\r",
          "\u007f",
          "\u0080",
          "\u00f6",
          "\u2028",
          "\u2029",
          "\u20ac",
          "\ufb33",
          "\uffff",
          "\ud83d\ude00");

  private static JsonNode tree(RandomnessSource in, int depth) {
    int kind = (int) in.next(Constraint.between(0, depth >= 3 ? 5 : 7));
    switch (kind) {
      case 0:
        return in.next(Constraint.between(0, 1)) == 0
            ? NODES.nullNode()
            : NODES.booleanNode(in.next(Constraint.between(0, 1)) == 1);
      case 1:
        return NODES.stringNode(text(in));
      case 2:
        {
          double value =
              Double.longBitsToDouble(in.next(Constraint.between(Long.MIN_VALUE, Long.MAX_VALUE)));
          return NODES.numberNode(Double.isFinite(value) ? value : 0.5);
        }
      case 3:
        return NODES.numberNode(in.next(Constraint.between(-(1L << 53), 1L << 53)));
      case 4:
        return NODES.numberNode(
            new BigDecimal(
                BigInteger.valueOf(in.next(Constraint.between(-99_999, 99_999))),
                (int) in.next(Constraint.between(-25, 25))));
      case 5:
        return NODES.numberNode(in.next(Constraint.between(-1000, 1000)) * 1e-3);
      case 6:
        {
          ArrayNode array = NODES.arrayNode();
          long size = in.next(Constraint.between(0, 4));
          for (int i = 0; i < size; i++) {
            array.add(tree(in, depth + 1));
          }
          return array;
        }
      default:
        {
          ObjectNode object = NODES.objectNode();
          long size = in.next(Constraint.between(0, 5));
          for (int i = 0; i < size; i++) {
            object.set(text(in), tree(in, depth + 1));
          }
          return object;
        }
    }
  }

  private static String text(RandomnessSource in) {
    StringBuilder text = new StringBuilder();
    long length = in.next(Constraint.between(0, 6));
    for (int i = 0; i < length; i++) {
      text.append(UNITS.get((int) in.next(Constraint.between(0, UNITS.size() - 1))));
    }
    return text.toString();
  }
}
