package dev.steward.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a calendar month ({@code 2026-07}) or quarter ({@code 2026-Q3}), bounded in
 * UTC by the contact's {@code started_at}: {@code [start, end)}.
 */
public record Period(YearMonth first, int months) {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  public Period {
    if (months != 1 && months != 3) {
      throw new IllegalArgumentException("A period is a month or a quarter");
    }
    if (months == 3 && (first.getMonthValue() - 1) % 3 != 0) {
      throw new IllegalArgumentException("A quarter starts in January, April, July or October");
    }
  }

  /**
   * @throws IllegalArgumentException with a message saying what is allowed, for anything but {@code
   *     YYYY-MM} or {@code YYYY-Qn}
   */
  public static Period parse(String text) {
    if (text != null) {
      Matcher month = MONTH.matcher(text);
      if (month.matches()) {
        return month(
            YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))));
      }
      Matcher quarter = QUARTER.matcher(text);
      if (quarter.matches()) {
        return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
      }
    }
    throw new IllegalArgumentException(
        "A period is a month like 2026-07 or a quarter like 2026-Q3");
  }

  public static Period month(YearMonth month) {
    return new Period(month, 1);
  }

  public static Period quarter(int year, int quarter) {
    return new Period(YearMonth.of(year, (quarter - 1) * 3 + 1), 3);
  }

  /** The month or quarter an instant belongs to, in UTC. */
  public static Period monthOf(Instant instant) {
    return month(YearMonth.from(instant.atOffset(ZoneOffset.UTC)));
  }

  public static Period quarterOf(Instant instant) {
    YearMonth month = YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    return quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
  }

  public boolean isQuarter() {
    return months == 3;
  }

  public YearMonth last() {
    return first.plusMonths(months - 1L);
  }

  /** First UTC day, inclusive. */
  public LocalDate firstDay() {
    return first.atDay(1);
  }

  /** Day after the last UTC day (exclusive bound). */
  public LocalDate endDay() {
    return last().plusMonths(1).atDay(1);
  }

  public Instant start() {
    return firstDay().atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  public Instant end() {
    return endDay().atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start()) && instant.isBefore(end());
  }

  public List<Period> monthsInside() {
    List<Period> result = new ArrayList<>();
    for (int i = 0; i < months; i++) {
      result.add(month(first.plusMonths(i)));
    }
    return result;
  }

  @Override
  public String toString() {
    return isQuarter()
        ? first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1)
        : first.toString();
  }
}
