package dev.steward.qa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of a calibration session (kpis.md "Calibration"): several analysts audit the same
 * interactions; reported are, per category, the spread of the analysts' category scores and, per
 * analyst, how close their audit scores are to the session's median. Pure: no database, no engine.
 *
 * <p><b>Standard deviation: population, not sample.</b> The analysts of a session are not a sample
 * drawn to estimate some larger population of raters: they are the people being calibrated, and the
 * figure describes how far apart exactly these ratings are. The population formula (divide by n) is
 * also defined for a single rating, which is no spread at all (0), where the sample formula (divide
 * by n − 1) has no value; and it does not inflate the spread of the common two-analyst session by
 * √2.
 *
 * <p><b>Several interactions.</b> The spread of a category is measured among the analysts' scores
 * of the <em>same</em> interaction, never across interactions (that one call was worse than another
 * is not disagreement). With several interactions the per-interaction spreads are pooled: the root
 * of the mean squared deviation of every rating from its own interaction's mean,
 *
 * <pre>
 *   SD(c) = √( Σ_i Σ_a (x_ia − mean_i)² / Σ_i n_i )
 * </pre>
 *
 * over the interactions i and the analysts a who rated category c on i (N/A ratings are left out).
 * With one interaction it is that interaction's population standard deviation.
 *
 * <p><b>Alignment</b> of an analyst = 100 − the mean, over the interactions where both exist, of
 * |analyst's audit score − median audit score of the interaction|. The median is taken over every
 * analyst's audit score of the interaction, the analyst's own included; audits without a score
 * (every category N/A) are left out. Scores lie in 0..100, so alignment does too.
 */
final class CalibrationStatistics {

  private CalibrationStatistics() {}

  /**
   * One submitted calibration audit.
   *
   * @param categoryScores score 0..100 per rated category; N/A categories are absent
   * @param score the audit score; {@code null} when every category was N/A
   */
  record ScoredAudit(
      String analyst, String interactionId, Map<String, Double> categoryScores, Double score) {

    ScoredAudit {
      Objects.requireNonNull(analyst);
      Objects.requireNonNull(interactionId);
      categoryScores = Map.copyOf(categoryScores);
    }
  }

  /**
   * @param standardDeviation pooled population SD of the category scores; {@code null} if nobody
   *     rated the category
   * @param ratings how many category scores it is computed from
   */
  record CategorySpread(String category, Double standardDeviation, int ratings) {}

  /**
   * @param alignment 100 − mean absolute difference from the medians; {@code null} if the analyst
   *     has no audit score to compare
   * @param comparedInteractions interactions that went into the mean
   */
  record AnalystAlignment(String analyst, Double alignment, int comparedInteractions) {}

  /**
   * @param medianScore median of the analysts' audit scores; {@code null} if no audit of the
   *     interaction has a score
   * @param scoredAudits audits with a score
   */
  record InteractionMedian(String interactionId, Double medianScore, int scoredAudits) {}

  record Report(
      List<CategorySpread> categories,
      List<AnalystAlignment> analysts,
      List<InteractionMedian> interactions) {}

  /**
   * The session's report, in the order of the given categories, analysts and interactions.
   *
   * @throws IllegalArgumentException for an audit of an analyst or interaction not in the session
   */
  static Report of(
      List<String> categories,
      List<String> analysts,
      List<String> interactionIds,
      List<ScoredAudit> audits) {
    for (ScoredAudit audit : audits) {
      if (!analysts.contains(audit.analyst()) || !interactionIds.contains(audit.interactionId())) {
        throw new IllegalArgumentException(
            "audit of "
                + audit.analyst()
                + " on "
                + audit.interactionId()
                + " is not in the session");
      }
    }
    Map<String, Double> medians = new LinkedHashMap<>();
    List<InteractionMedian> interactions = new ArrayList<>();
    for (String interactionId : interactionIds) {
      List<Double> scores =
          audits.stream()
              .filter(a -> a.interactionId().equals(interactionId) && a.score() != null)
              .map(ScoredAudit::score)
              .toList();
      Double median = median(scores);
      medians.put(interactionId, median);
      interactions.add(new InteractionMedian(interactionId, median, scores.size()));
    }

    List<CategorySpread> spreads = new ArrayList<>();
    for (String category : categories) {
      List<List<Double>> groups = new ArrayList<>();
      for (String interactionId : interactionIds) {
        groups.add(
            audits.stream()
                .filter(a -> a.interactionId().equals(interactionId))
                .map(a -> a.categoryScores().get(category))
                .filter(Objects::nonNull) // N/A: left out of this category's spread
                .toList());
      }
      int ratings = groups.stream().mapToInt(List::size).sum();
      spreads.add(new CategorySpread(category, pooledStandardDeviation(groups), ratings));
    }

    List<AnalystAlignment> alignments = new ArrayList<>();
    for (String analyst : analysts) {
      List<Double> differences = new ArrayList<>();
      for (ScoredAudit audit : audits) {
        Double median = medians.get(audit.interactionId());
        if (audit.analyst().equals(analyst) && audit.score() != null && median != null) {
          differences.add(Math.abs(audit.score() - median));
        }
      }
      Double alignment = differences.isEmpty() ? null : 100 - mean(differences);
      alignments.add(new AnalystAlignment(analyst, alignment, differences.size()));
    }
    return new Report(List.copyOf(spreads), List.copyOf(alignments), List.copyOf(interactions));
  }

  /**
   * The middle value; the mean of the two middle values for an even count; {@code null} if none.
   */
  static Double median(Collection<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** √(Σ (x − mean)² / n); 0 for a single value; {@code null} for none. */
  static Double populationStandardDeviation(Collection<Double> values) {
    return pooledStandardDeviation(List.of(values));
  }

  /**
   * √(Σ_groups Σ (x − mean of its group)² / total count): the spread within the groups, not between
   * them; {@code null} when there is no value at all.
   */
  static Double pooledStandardDeviation(Collection<? extends Collection<Double>> groups) {
    double squares = 0;
    int count = 0;
    for (Collection<Double> group : groups) {
      if (group.isEmpty()) {
        continue;
      }
      double mean = mean(group);
      for (double x : group) {
        squares += (x - mean) * (x - mean);
      }
      count += group.size();
    }
    return count == 0 ? null : Math.sqrt(squares / count);
  }

  private static double mean(Collection<Double> values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.size();
  }
}
