package dev.signalbox.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quoted text shows what cannot be seen, and is never cut inside a character. */
class QuotingTest {
  @Test
  void escapesQuotesBackslashesAndLineBreaks() {
    assertThat(Quoting.quote("a\"b\\c\nd\re\tf", '"', 100))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\"");
    assertThat(Quoting.quote("it's", '\'', 100)).isEqualTo("'it\\'s'");
    assertThat(Quoting.quote("say \"hi\"", '\'', 100)).isEqualTo("'say \"hi\"'");
  }

  @Test
  void escapesInvisibleAndReorderingCharacters() {
    assertThat(Quoting.quote("a\u0000b\u0085c\u2028d\u2029e\u202Ef\u200Bg", '"', 100))
        .isEqualTo("\"a\\u0000b\\u0085c\\u2028d\\u2029e\\u202ef\\u200bg\"");
    // a supplementary format character (a Unicode tag) is escaped as its two UTF-16 units
    assertThat(Quoting.quote("x\uDB40\uDC41y", '"', 100)).isEqualTo("\"x\\udb40\\udc41y\"");
    // visible text in any script stays as it is
    assertThat(Quoting.quote("חג שמח 😀 日本", '"', 100)).isEqualTo("\"חג שמח 😀 日本\"");
  }

  @Test
  void cutsAtTheLimitButNeverInsideASurrogatePair() {
    assertThat(Quoting.quote("abcdef", '"', 3)).isEqualTo("\"abc…\"");
    assertThat(Quoting.quote("abc", '"', 3)).isEqualTo("\"abc\"");
    assertThat(Quoting.quote("ab😀", '"', 3)).isEqualTo("\"ab…\"");
    assertThat(Quoting.quote("ab😀", '"', 4)).isEqualTo("\"ab😀\"");
  }
}
