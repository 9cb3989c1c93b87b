package dev.steward.kpi;

import java.util.Arrays;
import java.util.Optional;

/** The KPIs of kpis.md, with their API keys and which direction is better. */
public enum KpiKey {
  CSAT("csat", true),
  NPS("nps", true),
  CES("ces", true),
  FCR("fcr", true),
  AHT("aht", false),
  SERVICE_LEVEL("serviceLevel", true),
  ABANDON_RATE("abandonRate", false);

  private final String key;
  private final boolean higherIsBetter;

  KpiKey(String key, boolean higherIsBetter) {
    this.key = key;
    this.higherIsBetter = higherIsBetter;
  }

  public String key() {
    return key;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  public static Optional<KpiKey> of(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}
