package dev.steward.dashboard;

import dev.steward.kpi.KpiKey;
import dev.steward.kpi.ScorecardView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One KPI of a scorecard against its target, as the dashboard shows it. */
record Kpis(
    String key,
    String label,
    String unit,
    BigDecimal value,
    BigDecimal target,
    int weight,
    BigDecimal score,
    Status status) {

  /** Met (at or better than target), missed, or no value in the period. */
  enum Status {
    MET("good", "met"),
    MISSED("bad", "missed"),
    NO_DATA("neutral", "no data");

    private final String badge;
    private final String text;

    Status(String badge, String text) {
      this.badge = badge;
      this.text = text;
    }

    public String badge() {
      return badge;
    }

    public String text() {
      return text;
    }
  }

  /** The KPIs of kpis.md in the scorecard's order, with a readable label and unit. */
  static final List<KpiKey> ORDER =
      List.of(
          KpiKey.CSAT,
          KpiKey.NPS,
          KpiKey.CES,
          KpiKey.FCR,
          KpiKey.AHT,
          KpiKey.SERVICE_LEVEL,
          KpiKey.ABANDON_RATE);

  static String label(KpiKey key) {
    return switch (key) {
      case CSAT -> "CSAT";
      case NPS -> "NPS";
      case CES -> "CES";
      case FCR -> "FCR";
      case AHT -> "AHT";
      case SERVICE_LEVEL -> "Service level";
      case ABANDON_RATE -> "Abandon rate";
    };
  }

  static String unit(KpiKey key) {
    return switch (key) {
      case CSAT, FCR, SERVICE_LEVEL, ABANDON_RATE -> "%";
      case AHT -> "s";
      case NPS, CES -> "";
    };
  }

  /** The scorecard's KPIs (those it defines), in the order of kpis.md. */
  static List<Kpis> of(ScorecardView scorecard) {
    List<Kpis> result = new ArrayList<>();
    Map<String, ScorecardView.KpiLine> lines = scorecard.kpis();
    for (KpiKey key : ORDER) {
      ScorecardView.KpiLine line = lines.get(key.key());
      if (line == null) {
        continue;
      }
      Status status;
      if (line.value() == null) {
        status = Status.NO_DATA;
      } else {
        int cmp = line.value().compareTo(line.target());
        status = (key.higherIsBetter() ? cmp >= 0 : cmp <= 0) ? Status.MET : Status.MISSED;
      }
      result.add(
          new Kpis(
              key.key(),
              label(key),
              unit(key),
              line.value(),
              line.target(),
              line.weight(),
              line.score(),
              status));
    }
    return result;
  }

  public String valueText() {
    return Numbers.text(value, unit);
  }

  public String targetText() {
    return Numbers.text(target, unit);
  }

  public String scoreText() {
    return Numbers.text(score, "");
  }

  static long met(List<Kpis> kpis) {
    return kpis.stream().filter(k -> k.status() == Status.MET).count();
  }

  static long withValue(List<Kpis> kpis) {
    return kpis.stream().filter(k -> k.status() != Status.NO_DATA).count();
  }
}
