package dev.steward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.escalation.EscalationCounts;
import dev.steward.escalation.EscalationService;
import dev.steward.escalation.EscalationStatus;
import dev.steward.escalation.EscalationView;
import dev.steward.kpi.Period;
import dev.steward.kpi.ScorecardService;
import dev.steward.kpi.ScorecardView;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.qa.QaCycleResult;
import dev.steward.qa.QaCycleService;
import dev.steward.qa.VendorQaResult;
import dev.steward.qa.WilsonInterval;
import dev.steward.support.BrowserIntegrationTest;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's brand-wide reads (one query per section for all vendors) answer exactly what the
 * per-vendor reads answer, on the demo world.
 */
@BrowserIntegrationTest
class DashboardReadsIT {

  private static final StewardPrincipal ADMIN =
      new StewardPrincipal("admin", "Steward Administrator", Set.of(Role.ADMIN), null);

  @Autowired VendorService vendors;
  @Autowired ScorecardService scorecards;
  @Autowired QaCycleService qa;
  @Autowired EscalationService escalations;
  @Autowired DashboardQueries queries;
  @Autowired Clock clock;

  @Test
  void everyVendorsScorecardsFromOneGroupedReadEqualTheVendorsOwnScorecards() {
    List<String> ids = vendors.list(ADMIN).stream().map(VendorView::id).toList();
    List<Period> quarters = queries.quarters(clock.instant());

    Map<String, List<ScorecardView>> all = scorecards.scorecardsOfAll(ids, quarters);

    assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    int withNumbers = 0;
    for (String id : ids) {
      for (int i = 0; i < quarters.size(); i++) {
        ScorecardView own = scorecards.scorecard(id, quarters.get(i).toString(), ADMIN);
        assertThat(all.get(id).get(i)).as(id + " " + quarters.get(i)).isEqualTo(own);
        if (own.interactions() > 0) {
          withNumbers++;
        }
      }
    }
    assertThat(withNumbers).as("demo vendors with interactions in the quarters").isPositive();
  }

  @Test
  void eachVendorsLatestQaResultsComeWithTheWilsonIntervalOfItsPassRate() {
    Map<String, VendorQaResult> latest = qa.latestResultsOfAll();

    assertThat(latest).isNotEmpty();
    latest.forEach(
        (vendorId, result) -> {
          YearMonth month = YearMonth.parse(result.result().period());
          List<QaCycleResult> own = qa.resultsForMonths(vendorId, month, month);
          assertThat(own).as(vendorId).anySatisfy(r -> assertThat(r).isEqualTo(result.result()));
          assertThat(result.passRateInterval())
              .isEqualTo(WilsonInterval.of(result.result().passed(), result.result().scored()));
        });
  }

  @Test
  void escalationCountsPerVendorEqualTheVendorsEscalations() {
    // since the epoch: every breach counts
    Map<String, EscalationCounts> counts = escalations.countsByVendor(Instant.EPOCH);

    assertThat(counts).isNotEmpty();
    for (VendorView vendor : vendors.list(ADMIN)) {
      List<EscalationView> own = escalations.list(ADMIN, vendor.id(), null);
      long open =
          own.stream()
              .filter(
                  e ->
                      e.status() != EscalationStatus.RESOLVED
                          && e.status() != EscalationStatus.CLOSED)
              .count();
      long breached =
          own.stream().filter(e -> e.responseBreached() || e.resolutionBreached()).count();
      long openBreached =
          own.stream()
              .filter(e -> e.responseBreached() || e.resolutionBreached())
              .filter(
                  e ->
                      e.status() != EscalationStatus.RESOLVED
                          && e.status() != EscalationStatus.CLOSED)
              .count();
      EscalationCounts c = counts.getOrDefault(vendor.id(), EscalationCounts.NONE);
      assertThat(c.open()).as(vendor.code()).isEqualTo(open);
      assertThat(c.breachedSince()).as(vendor.code()).isEqualTo(breached);
      assertThat(c.openBreached()).as(vendor.code()).isEqualTo(openBreached);
    }
  }
}
