package dev.signalbox.core.internal;

import com.google.common.base.Ascii;
import com.google.common.base.Splitter;
import dev.signalbox.core.InvalidValueException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Syntax checks for the textual schedules of {@link dev.signalbox.core.model.Schedule}: five-field
 * cron expressions, RFC 5545 recurrence rules and Mergify-style compact weekly schedules, each
 * failure an {@link InvalidValueException} naming the record, the field and the value; the calendar
 * evaluates what these accept.
 *
 * <p>The syntax each accepts is described on the record that uses it: {@link
 * dev.signalbox.core.model.Schedule.Cron}, {@link dev.signalbox.core.model.Schedule.Recurrence} and
 * {@link dev.signalbox.core.model.Schedule.Compact}. Stateless and thread-safe.
 */
public final class ScheduleSyntax {
  private static final Pattern COMMA = Pattern.compile(",");

  // Cron

  private static final String FIVE_FIELDS = "must be a cron expression of five fields";

  private static final Pattern NON_BLANK = Pattern.compile("\\S+");

  private static final Splitter CRON_FIELD_SPLITTER =
      Splitter.on(Pattern.compile("\\s+")).omitEmptyStrings();

  /** One list item: {@code *}, a value or a range, with an optional step (groups 1 to 4). */
  private static final Pattern CRON_ITEM =
      Pattern.compile("(?:(\\*)|([0-9]+|[A-Za-z]+)(?:-([0-9]+|[A-Za-z]+))?)(?:/([0-9]+))?");

  private static final List<CronField> CRON_FIELDS =
      List.of(
          new CronField("minute", 0, 59, "a minute 0-59", List.of()),
          new CronField("hour", 0, 23, "an hour 0-23", List.of()),
          new CronField("day-of-month", 1, 31, "a day of the month 1-31", List.of()),
          new CronField(
              "month",
              1,
              12,
              "a month 1-12 or jan-dec",
              List.of(
                  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                  "dec")),
          new CronField(
              "day-of-week",
              0,
              7,
              "a day of the week 0-7 or sun-sat",
              List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat")));

  // Recurrence rule

  private static final List<String> RULE_PARTS =
      List.of(
          "FREQ",
          "INTERVAL",
          "COUNT",
          "UNTIL",
          "BYDAY",
          "BYMONTHDAY",
          "BYMONTH",
          "BYHOUR",
          "BYMINUTE",
          "WKST");

  private static final List<String> FREQUENCIES = List.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");

  private static final Pattern SEMICOLON = Pattern.compile(";");

  private static final Pattern WEEKDAY = Pattern.compile("MO|TU|WE|TH|FR|SA|SU");

  /** A {@code BYDAY} item: an optional signed ordinal (groups 1 and 2), then a weekday. */
  private static final Pattern BYDAY =
      Pattern.compile("(?:([+-]?)([0-9]{1,2}))?(MO|TU|WE|TH|FR|SA|SU)");

  /** {@code UNTIL}: year, month, day, then optionally hour, minute, second and {@code Z}. */
  private static final Pattern UNTIL =
      Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})(?:T([0-9]{2})([0-9]{2})([0-9]{2})Z?)?");

  private static final Pattern SMALL_NUMBER = Pattern.compile("[0-9]{1,2}");

  // Compact

  /** An entry: days, times, zone (groups 1 to 3). */
  private static final Pattern COMPACT_ENTRY =
      Pattern.compile("(\\S+)\\s+([^\\s\\[]+)\\[([^\\[\\]]*)\\]");

  /** Days: a day, or a range of days (groups 1 and 2). */
  private static final Pattern DAYS = Pattern.compile("([A-Za-z]{3})(?:-([A-Za-z]{3}))?");

  /** Times: start hour and minute, end hour and minute (groups 1 to 4). */
  private static final Pattern TIMES =
      Pattern.compile("([0-9]{2}):([0-9]{2})-([0-9]{2}):([0-9]{2})");

  private static final List<String> DAY_NAMES =
      List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private ScheduleSyntax() {}

  /**
   * Returns {@code expression} if it is a five-field cron expression with values in range, as
   * {@link dev.signalbox.core.model.Schedule.Cron} describes.
   *
   * @throws InvalidValueException naming {@code type} and {@code field} if it is not
   */
  public static String cron(Class<?> type, String field, @Nullable String expression) {
    String text = Checks.text(type, field, expression);
    List<String> fields = CRON_FIELD_SPLITTER.splitToList(text);
    if (fields.size() != CRON_FIELDS.size()) {
      throw new InvalidValueException(type, field, FIVE_FIELDS, text);
    }
    Matcher fieldStarts = NON_BLANK.matcher(text);
    for (int i = 0; i < fields.size(); i++) {
      CronField cronField = CRON_FIELDS.get(i);
      fieldStarts.find();
      String problem = cronField.problem(fields.get(i));
      if (problem != null) {
        throw new InvalidValueException(
            type,
            field,
            FIVE_FIELDS
                + " (minute hour day-of-month month day-of-week): at position "
                + (fieldStarts.start() + 1)
                + ", field "
                + (i + 1)
                + " ("
                + cronField.name()
                + ") "
                + InvalidValueException.render(fields.get(i))
                + problem,
            text);
      }
    }
    return text;
  }

  /**
   * Returns {@code rule} if it is in the subset of RFC 5545's RRULE that {@link
   * dev.signalbox.core.model.Schedule.Recurrence} describes.
   *
   * @throws InvalidValueException naming {@code type} and {@code field} if it is not
   */
  public static String recurrenceRule(Class<?> type, String field, @Nullable String rule) {
    String text = Checks.text(type, field, rule);
    String problem = ruleProblem(text);
    if (problem != null) {
      throw new InvalidValueException(type, field, problem, text);
    }
    return text;
  }

  /**
   * Returns {@code expression} if it is a list of compact weekly entries with valid days, times and
   * zones, as {@link dev.signalbox.core.model.Schedule.Compact} describes.
   *
   * @throws InvalidValueException naming {@code type} and {@code field} if it is not
   */
  public static String compact(Class<?> type, String field, @Nullable String expression) {
    String text = Checks.text(type, field, expression);
    String[] entries = COMMA.split(text, -1);
    int offset = 0;
    for (int i = 0; i < entries.length; offset += entries[i].length() + 1, i++) {
      String entry = entries[i].trim();
      String problem = entryProblem(entry);
      if (problem != null) {
        int position = offset + entries[i].indexOf(entry) + 1;
        throw new InvalidValueException(
            type,
            field,
            "at position "
                + position
                + ", entry "
                + (i + 1)
                + " "
                + InvalidValueException.render(entry)
                + problem,
            text);
      }
    }
    return text;
  }

  /**
   * One of the five fields of a cron expression.
   *
   * @param names the names of the values from {@code min} on, in lower case; empty if none
   */
  private record CronField(String name, int min, int max, String expected, List<String> names) {
    /** What is wrong with {@code text}, phrased to follow it, or null if nothing is. */
    @Nullable String problem(String text) {
      for (String item : COMMA.split(text, -1)) {
        Matcher m = CRON_ITEM.matcher(item);
        if (!m.matches() || (m.group(4) != null && m.group(1) == null && m.group(3) == null)) {
          return " is not *, a value, a range a-b, a step */n or a-b/n, or a comma list of those";
        }
        @Nullable String from = m.group(2);
        @Nullable String to = m.group(3);
        @Nullable String step = m.group(4);
        if (from != null) {
          long first = value(from);
          if (first < 0) {
            return ": " + InvalidValueException.render(from) + " is not " + expected;
          }
          if (to != null) {
            long last = value(to);
            if (last < 0) {
              return ": " + InvalidValueException.render(to) + " is not " + expected;
            }
            if (last == 0 && name.equals("day-of-week")) {
              last = 7; // a range ending on Sunday (mon-sun, 1-0) ends on its other number, 7
            }
            if (first > last) {
              return ": the range "
                  + InvalidValueException.render(from + "-" + to)
                  + " is reversed";
            }
          }
        }
        if (step != null && step.chars().allMatch(c -> c == '0')) {
          return ": the step " + InvalidValueException.render(step) + " is not >= 1";
        }
      }
      return null;
    }

    /** The value of a number or name if it lies within this field's range, or -1. */
    private long value(String atom) {
      int name = names.indexOf(Ascii.toLowerCase(atom));
      long value = name >= 0 ? min + name : number(atom);
      return value >= min && value <= max ? value : -1;
    }
  }

  /** What is wrong with a recurrence rule, or null if nothing is. */
  private static @Nullable String ruleProblem(String rule) {
    String[] parts = SEMICOLON.split(rule, -1);
    @Nullable String frequency = null;
    for (String part : parts) {
      int equals = part.indexOf('=');
      if (equals >= 0 && Ascii.equalsIgnoreCase(part.substring(0, equals), "FREQ")) {
        frequency = Ascii.toUpperCase(part.substring(equals + 1));
        break;
      }
    }
    if (Ascii.toUpperCase(rule).startsWith("RRULE:")) {
      return "must be the rule alone, without the \"RRULE:\" prefix";
    }
    if (frequency == null) {
      return "must name its frequency (FREQ=...)";
    }
    Set<String> seen = new HashSet<>();
    int position = 1;
    for (int i = 0; i < parts.length; position += parts[i].length() + 1, i++) {
      String part = parts[i];
      String where =
          "at position "
              + position
              + ", part "
              + (i + 1)
              + " "
              + InvalidValueException.render(part);
      int equals = part.indexOf('=');
      if (equals <= 0) {
        return where + " is not NAME=VALUE";
      }
      String name = Ascii.toUpperCase(part.substring(0, equals));
      String value = part.substring(equals + 1);
      if (!RULE_PARTS.contains(name)) {
        return where
            + " names an unknown rule part; expected "
            + String.join(", ", RULE_PARTS.subList(0, RULE_PARTS.size() - 1))
            + " or "
            + RULE_PARTS.get(RULE_PARTS.size() - 1);
      }
      if (!seen.add(name)) {
        return where + " repeats " + name;
      }
      if (value.isEmpty()) {
        return where + " has an empty value";
      }
      String problem = valueProblem(name, value, frequency);
      if (problem != null) {
        return where + problem;
      }
    }
    if (seen.contains("COUNT") && seen.contains("UNTIL")) {
      return "must not give both COUNT and UNTIL";
    }
    return null;
  }

  /** What is wrong with {@code value} of the rule part {@code name}, or null if nothing is. */
  private static @Nullable String valueProblem(String name, String value, String frequency) {
    return switch (name) {
      case "FREQ" ->
          FREQUENCIES.contains(Ascii.toUpperCase(value))
              ? null
              : isNot(value, "DAILY, WEEKLY, MONTHLY or YEARLY");
      case "INTERVAL", "COUNT" -> {
        long number = number(value);
        yield number < 1
            ? isNot(value, "a whole number >= 1")
            : number > Integer.MAX_VALUE
                ? ": " + InvalidValueException.render(value) + " is above " + Integer.MAX_VALUE
                : null;
      }
      case "UNTIL" ->
          until(value)
              ? null
              : isNot(value, "a date yyyymmdd or a date-time yyyymmddThhmmss, optionally with Z");
      case "WKST" ->
          WEEKDAY.matcher(Ascii.toUpperCase(value)).matches()
              ? null
              : isNot(value, "a weekday MO, TU, WE, TH, FR, SA or SU");
      case "BYMONTHDAY" ->
          frequency.equals("WEEKLY")
              ? " cannot be used with FREQ=WEEKLY"
              : listProblem(name, value, frequency);
      default -> listProblem(name, value, frequency);
    };
  }

  private static @Nullable String listProblem(String name, String value, String frequency) {
    for (String item : COMMA.split(value, -1)) {
      String problem = itemProblem(name, item, frequency);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** What is wrong with one item of the list rule part {@code name}, or null if nothing is. */
  private static @Nullable String itemProblem(String name, String item, String frequency) {
    switch (name) {
      case "BYDAY" -> {
        Matcher day = BYDAY.matcher(Ascii.toUpperCase(item));
        if (!day.matches() || (day.group(2) != null && !within(day.group(2), 1, 53))) {
          return isNot(
              item, "a weekday MO..SU with an optional ordinal ±1..53, such as 1MO or -1FR");
        }
        @Nullable String ordinal = day.group(2);
        if (ordinal != null && (frequency.equals("DAILY") || frequency.equals("WEEKLY"))) {
          return ": "
              + InvalidValueException.render(item)
              + " has an ordinal, which only FREQ=MONTHLY and FREQ=YEARLY allow";
        }
        if (ordinal != null && frequency.equals("MONTHLY") && !within(ordinal, 1, 5)) {
          return ": "
              + InvalidValueException.render(item)
              + " has an ordinal beyond ±5, which never occurs within a month";
        }
        return null;
      }
      case "BYMONTHDAY" -> {
        boolean signed = item.startsWith("+") || item.startsWith("-");
        String digits = signed ? item.substring(1) : item;
        return SMALL_NUMBER.matcher(digits).matches() && within(digits, 1, 31)
            ? null
            : isNot(item, "a day of the month 1..31 or -31..-1");
      }
      case "BYMONTH" -> {
        return SMALL_NUMBER.matcher(item).matches() && within(item, 1, 12)
            ? null
            : isNot(item, "a month 1..12");
      }
      case "BYHOUR" -> {
        return SMALL_NUMBER.matcher(item).matches() && within(item, 0, 23)
            ? null
            : isNot(item, "an hour 0..23");
      }
      default -> { // BYMINUTE
        return SMALL_NUMBER.matcher(item).matches() && within(item, 0, 59)
            ? null
            : isNot(item, "a minute 0..59");
      }
    }
  }

  private static boolean until(String value) {
    Matcher m = UNTIL.matcher(Ascii.toUpperCase(value));
    if (!m.matches()) {
      return false;
    }
    try {
      LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return false;
    }
    return m.group(4) == null
        || (within(m.group(4), 0, 23) && within(m.group(5), 0, 59) && within(m.group(6), 0, 59));
  }

  private static String isNot(String item, String expected) {
    return ": " + InvalidValueException.render(item) + " is not " + expected;
  }

  /** What is wrong with one compact entry, phrased to follow it, or null if nothing is. */
  private static @Nullable String entryProblem(String entry) {
    Matcher m = COMPACT_ENTRY.matcher(entry);
    if (!m.matches()) {
      return " is not DAYS HH:MM-HH:MM[ZONE], such as Mon-Fri 09:00-11:00[Europe/Paris]";
    }
    String days = m.group(1);
    String times = m.group(2);
    String zone = m.group(3);
    Matcher d = DAYS.matcher(days);
    int first = d.matches() ? day(d.group(1)) : -1;
    int last = d.matches() && d.group(2) != null ? day(d.group(2)) : first;
    if (first < 0 || last < 0) {
      return ": days "
          + InvalidValueException.render(days)
          + " are not a day Mon..Sun or a range of days such as Mon-Fri";
    }
    if (first > last) {
      return ": days "
          + InvalidValueException.render(days)
          + " are a reversed range (weeks run from Mon to Sun)";
    }
    Matcher t = TIMES.matcher(times);
    if (!t.matches()) {
      return ": times " + InvalidValueException.render(times) + " are not HH:MM-HH:MM";
    }
    int start = minutes(t.group(1), t.group(2));
    int end = minutes(t.group(3), t.group(4));
    String startText = times.substring(0, 5);
    String endText = times.substring(6);
    if (start < 0 || start >= 24 * 60) {
      return ": start " + InvalidValueException.render(startText) + " is not a time 00:00 to 23:59";
    }
    if (end < 0) {
      return ": end " + InvalidValueException.render(endText) + " is not a time 00:00 to 24:00";
    }
    if (end <= start) {
      return ": end "
          + InvalidValueException.render(endText)
          + " is not after start "
          + InvalidValueException.render(startText);
    }
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      return ": zone "
          + InvalidValueException.render(zone)
          + " is not a time zone id such as Europe/Paris, UTC or +05:30";
    }
    return null;
  }

  /** The index of a day's name from Monday on, or -1. */
  private static int day(String name) {
    return DAY_NAMES.indexOf(Ascii.toLowerCase(name));
  }

  /** Minutes since midnight of {@code HH:MM}, 00:00 to 24:00, or -1. */
  private static int minutes(String hours, String minutes) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    if (m > 59 || h > 24 || (h == 24 && m > 0)) {
      return -1;
    }
    return h * 60 + m;
  }

  /**
   * The value of {@code digits}, ASCII digits only: -1 if it is empty or has another character,
   * {@link Long#MAX_VALUE} if it is larger.
   */
  private static long number(String digits) {
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    int first = 0;
    while (first < digits.length() - 1 && digits.charAt(first) == '0') {
      first++;
    }
    return digits.length() - first > 18 ? Long.MAX_VALUE : Long.parseLong(digits.substring(first));
  }

  /** Whether {@code digits} is a number within {@code [min, max]}. */
  private static boolean within(String digits, int min, int max) {
    long value = number(digits);
    return value >= min && value <= max;
  }
}
