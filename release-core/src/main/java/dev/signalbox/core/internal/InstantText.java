package dev.signalbox.core.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An instant written as {@link Instant#toString()} writes it ({@code 2026-12-02T09:00:00Z}, with
 * three, six or nine digits of fraction where there is one), without the formatter's work: reasons
 * name instants on every decision that a window or a budget holds.
 */
public final class InstantText {
  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: four-digit years, written without a sign. */
  private static final long FIRST_SECOND = -62_167_219_200L;

  private static final long LAST_SECOND = 253_402_300_799L;

  private static final int SECONDS_PER_DAY = 86_400;

  /** Days from 0000-03-01 to 1970-01-01, in the proleptic Gregorian calendar. */
  private static final long DAYS_0000_03_TO_1970 = 719_468;

  private static final int DAYS_PER_400_YEARS = 146_097;

  private InstantText() {}

  /** {@code instant} as {@link Instant#toString()} writes it, character for character. */
  public static String of(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_SECOND || seconds > LAST_SECOND) {
      return instant.toString(); // a year outside 0000-9999 takes a sign or more digits
    }
    long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
    // the civil date of a day count, counting years from March so that leap days come last
    long shifted = days + DAYS_0000_03_TO_1970;
    long era = Math.floorDiv(shifted, DAYS_PER_400_YEARS);
    int dayOfEra = (int) (shifted - era * DAYS_PER_400_YEARS);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int monthIndex = (5 * dayOfYear + 2) / 153; // 0 for March
    int day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    int year = (int) (era * 400 + yearOfEra + (month <= 2 ? 1 : 0));

    int nanos = instant.getNano();
    int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
    byte[] text = new byte[20 + (fraction == 0 ? 0 : fraction + 1)]; // ASCII, one byte each
    digits(text, 0, year, 4);
    text[4] = (byte) '-';
    digits(text, 5, month, 2);
    text[7] = (byte) '-';
    digits(text, 8, day, 2);
    text[10] = (byte) 'T';
    digits(text, 11, secondOfDay / 3600, 2);
    text[13] = (byte) ':';
    digits(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = (byte) ':';
    digits(text, 17, secondOfDay % 60, 2);
    int at = 19;
    if (fraction > 0) {
      text[at++] = (byte) '.';
      digits(text, at, nanos / pow10(9 - fraction), fraction);
      at += fraction;
    }
    text[at] = (byte) 'Z';
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /** Writes {@code value} into {@code text[at, at + width)} in decimal, zero-padded. */
  private static void digits(byte[] text, int at, int value, int width) {
    int rest = value;
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
  }

  private static int pow10(int exponent) {
    return exponent == 0 ? 1 : exponent == 3 ? 1000 : 1_000_000;
  }
}
