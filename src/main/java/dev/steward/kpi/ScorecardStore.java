package dev.steward.kpi;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A vendor's scorecard definition ({@code vendor_scorecard_kpi}; no rows means the default
 * scorecard) and its contract terms (columns of {@code vendor} and {@code
 * vendor_credit_allocation}). KPIs are stored by their API key ({@code serviceLevel}).
 */
@Repository
class ScorecardStore {

  private final JdbcTemplate jdbc;

  ScorecardStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the vendor's row until the transaction ends and returns its service-level threshold.
   * Everything that writes a vendor's scorecard, contract or rollups takes this lock first, so
   * rollups are never computed with a threshold that a concurrent contract change is replacing.
   */
  int lockVendor(String vendorId) {
    return jdbc.queryForObject(
        "select service_level_threshold_seconds from vendor where id = ? for update",
        Integer.class,
        vendorId);
  }

  ScorecardDefinition definition(String vendorId) {
    Map<KpiKey, KpiTarget> kpis = new EnumMap<>(KpiKey.class);
    jdbc.query(
        "select kpi, target, zero_point, weight from vendor_scorecard_kpi where vendor_id = ?",
        rs -> {
          Optional<KpiKey> key = KpiKey.of(rs.getString(1));
          if (key.isPresent()) {
            kpis.put(
                key.get(), new KpiTarget(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4)));
          }
        },
        vendorId);
    return kpis.isEmpty() ? ScorecardDefinition.defaults() : new ScorecardDefinition(kpis);
  }

  /** Every vendor's stored scorecard definition in one query; vendors without rows are absent. */
  Map<String, ScorecardDefinition> definitionsOfAll() {
    Map<String, Map<KpiKey, KpiTarget>> rows = new java.util.HashMap<>();
    jdbc.query(
        "select vendor_id, kpi, target, zero_point, weight from vendor_scorecard_kpi",
        rs -> {
          Optional<KpiKey> key = KpiKey.of(rs.getString(2));
          if (key.isPresent()) {
            rows.computeIfAbsent(rs.getString(1), v -> new EnumMap<>(KpiKey.class))
                .put(
                    key.get(),
                    new KpiTarget(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getInt(5)));
          }
        });
    Map<String, ScorecardDefinition> definitions = new java.util.HashMap<>();
    rows.forEach((vendor, kpis) -> definitions.put(vendor, new ScorecardDefinition(kpis)));
    return definitions;
  }

  /** Every vendor's contract terms in two queries. */
  Map<String, ContractTerms> contractsOfAll() {
    Map<String, Map<KpiKey, BigDecimal>> allocations = new java.util.HashMap<>();
    jdbc.query(
        "select vendor_id, kpi, percent from vendor_credit_allocation",
        rs -> {
          Optional<KpiKey> key = KpiKey.of(rs.getString(2));
          if (key.isPresent()) {
            allocations
                .computeIfAbsent(rs.getString(1), v -> new EnumMap<>(KpiKey.class))
                .put(key.get(), rs.getBigDecimal(3));
          }
        });
    Map<String, ContractTerms> contracts = new java.util.HashMap<>();
    jdbc.query(
        "select id, monthly_fee, at_risk_percent, service_level_threshold_seconds from vendor",
        rs -> {
          String vendor = rs.getString(1);
          contracts.put(
              vendor,
              new ContractTerms(
                  new ServiceCreditTerms(
                      rs.getBigDecimal(2),
                      rs.getBigDecimal(3),
                      allocations.getOrDefault(vendor, new EnumMap<>(KpiKey.class))),
                  rs.getInt(4)));
        });
    return contracts;
  }

  void replaceDefinition(String vendorId, ScorecardDefinition definition) {
    jdbc.update("delete from vendor_scorecard_kpi where vendor_id = ?", vendorId);
    List<Object[]> rows =
        definition.kpis().entrySet().stream()
            .map(
                e ->
                    new Object[] {
                      vendorId,
                      e.getKey().key(),
                      e.getValue().target(),
                      e.getValue().zero(),
                      e.getValue().weight()
                    })
            .toList();
    jdbc.batchUpdate(
        "insert into vendor_scorecard_kpi (vendor_id, kpi, target, zero_point, weight) values (?, ?, ?, ?, ?)",
        rows);
  }

  ContractTerms contract(String vendorId) {
    Map<KpiKey, BigDecimal> allocations = new EnumMap<>(KpiKey.class);
    jdbc.query(
        "select kpi, percent from vendor_credit_allocation where vendor_id = ?",
        rs -> {
          Optional<KpiKey> key = KpiKey.of(rs.getString(1));
          if (key.isPresent()) {
            allocations.put(key.get(), rs.getBigDecimal(2));
          }
        },
        vendorId);
    return jdbc.queryForObject(
        "select monthly_fee, at_risk_percent, service_level_threshold_seconds from vendor where id = ?",
        (rs, row) ->
            new ContractTerms(
                new ServiceCreditTerms(rs.getBigDecimal(1), rs.getBigDecimal(2), allocations),
                rs.getInt(3)),
        vendorId);
  }

  void replaceContract(String vendorId, ContractTerms terms) {
    jdbc.update(
        "update vendor set monthly_fee = ?, at_risk_percent = ?, service_level_threshold_seconds = ? where id = ?",
        terms.credits().monthlyFee(),
        terms.credits().atRiskPercent(),
        terms.serviceLevelThresholdSeconds(),
        vendorId);
    jdbc.update("delete from vendor_credit_allocation where vendor_id = ?", vendorId);
    List<Object[]> rows =
        terms.credits().allocations().entrySet().stream()
            .map(e -> new Object[] {vendorId, e.getKey().key(), e.getValue()})
            .toList();
    jdbc.batchUpdate(
        "insert into vendor_credit_allocation (vendor_id, kpi, percent) values (?, ?, ?)", rows);
  }
}
