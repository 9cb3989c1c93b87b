package dev.steward.qa;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A cycle's results (kpis.md "QA audits"), for the vendor and per agent, from the audits' current
 * revisions. Scores are 0..100; the pass rate and its 95 % Wilson interval are percentages; all
 * rounded half-up to 2 decimals, {@code null} while nothing is scored.
 */
record QaResultsView(Summary vendor, List<AgentResult> agents) {

  /**
   * @param audits sampled audits
   * @param completed audits done
   * @param scored done and not all N/A
   * @param passed scored at or above the pass mark
   * @param qaScore mean of the audit scores
   * @param passRate passed / scored, in percent
   * @param passRateLower lower bound of the pass rate's 95 % Wilson interval, in percent
   * @param passRateUpper upper bound of the pass rate's 95 % Wilson interval, in percent
   */
  record Summary(
      long audits,
      long completed,
      long scored,
      long passed,
      BigDecimal qaScore,
      BigDecimal passRate,
      BigDecimal passRateLower,
      BigDecimal passRateUpper) {

    static Summary of(CycleResults.Summary s) {
      return new Summary(
          s.audits(),
          s.completed(),
          s.scored(),
          s.passed(),
          Rounded.answer(s.qaScore()),
          Rounded.percent(s.passRate()),
          s.interval() == null ? null : Rounded.percent(s.interval().lower()),
          s.interval() == null ? null : Rounded.percent(s.interval().upper()));
    }
  }

  /**
   * @param belowPassMark the agent's QA score is below the pass mark (they get coaching)
   */
  record AgentResult(String agentId, boolean belowPassMark, Summary results) {}

  static QaResultsView of(List<CycleResults.Outcome> outcomes, double passMark) {
    Map<String, CycleResults.Summary> perAgent = CycleResults.perAgent(outcomes);
    return new QaResultsView(
        Summary.of(CycleResults.summarize(outcomes)),
        perAgent.entrySet().stream()
            .map(
                e ->
                    new AgentResult(
                        e.getKey(), e.getValue().below(passMark), Summary.of(e.getValue())))
            .toList());
  }
}
