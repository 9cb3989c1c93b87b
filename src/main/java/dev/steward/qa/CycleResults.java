package dev.steward.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cycle's results from its audits (kpis.md "QA audits"): per agent and for the vendor, the number
 * of audits, how many are completed, scored (not all N/A) and passed, the QA score (mean of the
 * audit scores) and the pass rate (passed / scored) with its 95 % Wilson interval. Pure: computed
 * from the audits' current revisions whenever asked, so an upheld dispute re-scores the results.
 */
final class CycleResults {

  private CycleResults() {}

  /** What the results need of one audit. */
  record Outcome(String agentId, boolean completed, Double score, Boolean passed) {}

  /**
   * @param qaScore mean audit score, {@code null} when nothing is scored
   * @param passRate passed / scored as a fraction, {@code null} when nothing is scored
   * @param interval the 95 % Wilson interval of the pass rate, {@code null} when nothing is scored
   */
  record Summary(
      long audits,
      long completed,
      long scored,
      long passed,
      Double qaScore,
      Double passRate,
      WilsonInterval interval) {

    boolean below(double passMark) {
      return qaScore != null && qaScore < passMark;
    }
  }

  static Summary summarize(List<Outcome> outcomes) {
    long completed = 0;
    long scored = 0;
    long passed = 0;
    double sum = 0;
    for (Outcome o : outcomes) {
      if (o.completed()) {
        completed++;
      }
      if (o.score() != null) {
        scored++;
        sum += o.score();
        if (Boolean.TRUE.equals(o.passed())) {
          passed++;
        }
      }
    }
    return new Summary(
        outcomes.size(),
        completed,
        scored,
        passed,
        scored == 0 ? null : sum / scored,
        scored == 0 ? null : (double) passed / scored,
        WilsonInterval.of(passed, scored));
  }

  /** Per agent, ordered by agent id. */
  static Map<String, Summary> perAgent(List<Outcome> outcomes) {
    Map<String, List<Outcome>> byAgent = new TreeMap<>();
    outcomes.forEach(o -> byAgent.computeIfAbsent(o.agentId(), a -> new ArrayList<>()).add(o));
    Map<String, Summary> results = new LinkedHashMap<>();
    byAgent.forEach((agent, list) -> results.put(agent, summarize(list)));
    return results;
  }

  /** A category an agent should be coached on, with its mean category score. */
  record Focus(String category, String name, double meanScore) {}

  /**
   * What to coach: the agent's categories with the lowest mean category score over their audits,
   * those below the pass mark (at most {@code max}), or the single lowest one if none is below.
   *
   * @param categoryScores the category scores of each of the agent's scored audits
   */
  static List<Focus> weakest(
      List<Map<String, Double>> categoryScores, QaScorecard scorecard, int max) {
    List<Focus> means = new ArrayList<>();
    for (QaCategory c : scorecard.categories()) {
      double sum = 0;
      int count = 0;
      for (Map<String, Double> audit : categoryScores) {
        Double score = audit.get(c.key());
        if (score != null) {
          sum += score;
          count++;
        }
      }
      if (count > 0) {
        means.add(new Focus(c.key(), c.name(), sum / count));
      }
    }
    // stable sort: equal means keep the scorecard's order
    means.sort(Comparator.comparingDouble(Focus::meanScore));
    List<Focus> below =
        means.stream().filter(f -> f.meanScore() < scorecard.passMark()).limit(max).toList();
    if (!below.isEmpty() || means.isEmpty()) {
      return below;
    }
    return List.of(means.get(0));
  }
}
