package dev.steward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.kpi.ScorecardView;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the dashboard judges a KPI against its target, and writes it. */
class KpisTest {

  @Test
  void aKpiIsMetAtOrBetterThanItsTargetInItsOwnDirection() {
    Map<String, ScorecardView.KpiLine> lines = new LinkedHashMap<>();
    lines.put("aht", line("360", "360")); // lower is better: at target is met
    lines.put("csat", line("84.99", "85")); // higher is better: just below is missed
    lines.put("abandonRate", line("5.01", "5")); // lower is better: just above is missed
    lines.put("nps", line(null, "40"));
    lines.put("fcr", line("75", "75"));
    ScorecardView view =
        new ScorecardView(
            "v",
            "2026-Q3",
            10,
            lines,
            null,
            20,
            new ScorecardView.ServiceCredits(null, List.of(), null));

    List<Kpis> kpis = Kpis.of(view);

    // in the order of kpis.md, whatever the map's order
    assertThat(kpis)
        .extracting(Kpis::key)
        .containsExactly("csat", "nps", "fcr", "aht", "abandonRate");
    assertThat(kpis)
        .extracting(Kpis::status)
        .containsExactly(
            Kpis.Status.MISSED,
            Kpis.Status.NO_DATA,
            Kpis.Status.MET,
            Kpis.Status.MET,
            Kpis.Status.MISSED);
    assertThat(Kpis.met(kpis)).isEqualTo(2);
    assertThat(Kpis.withValue(kpis)).isEqualTo(4);
    assertThat(kpis.get(0).valueText()).isEqualTo("85.0 %");
    assertThat(kpis.get(1).valueText()).isEqualTo("–");
    assertThat(kpis.get(3).targetText()).isEqualTo("360.0 s");
  }

  @Test
  void moneyAndPercentagesAreWrittenOneWay() {
    assertThat(Numbers.money(new BigDecimal("46500"))).isEqualTo("46,500.00");
    assertThat(Numbers.money(null)).isEqualTo("–");
    assertThat(Numbers.percent(0.2314)).isEqualByComparingTo("23.1");
    assertThat(Numbers.percent(null)).isNull();
  }

  private static ScorecardView.KpiLine line(String value, String target) {
    return new ScorecardView.KpiLine(
        value == null ? null : new BigDecimal(value),
        new BigDecimal(target),
        BigDecimal.ZERO,
        20,
        null);
  }
}
