package dev.steward.training;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Speed to proficiency of a cohort: for every agent who reached proficiency, the days from the
 * cohort's start to the day they were proficient; the cohort's median and mean of those days, in
 * full precision ({@code null} when nobody reached proficiency).
 */
record SpeedToProficiency(int proficientAgents, Double medianDays, Double meanDays) {

  static SpeedToProficiency of(List<Integer> days) {
    if (days.isEmpty()) {
      return new SpeedToProficiency(0, null, null);
    }
    List<Integer> sorted = days.stream().sorted().toList();
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    long sum = 0;
    for (int d : sorted) {
      sum += d;
    }
    return new SpeedToProficiency(n, median, (double) sum / n);
  }

  /** Days from the cohort's start to the day the agent was proficient. */
  static int days(LocalDate cohortStartedOn, LocalDate proficientOn) {
    return Math.toIntExact(ChronoUnit.DAYS.between(cohortStartedOn, proficientOn));
  }
}
