package dev.steward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.escalation.EscalationService;
import dev.steward.kpi.Period;
import dev.steward.kpi.ScorecardService;
import dev.steward.kpi.ScorecardView;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.qa.QaCycleService;
import dev.steward.support.Api;
import dev.steward.support.PostgresIntegrationTest;
import dev.steward.support.TestWorld;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard's grouped reads on PostgreSQL: a vendor's quarter from one grouped rollup query
 * equals its own scorecard, and the pages render for an executive.
 */
@PostgresIntegrationTest
class DashboardOnPostgresIT {

  private static final StewardPrincipal ADMIN =
      new StewardPrincipal("admin", "Steward Administrator", Set.of(Role.ADMIN), null);

  @LocalServerPort int port;
  @Autowired ScorecardService scorecards;
  @Autowired QaCycleService qa;
  @Autowired EscalationService escalations;
  @Autowired DashboardQueries queries;
  @Autowired Clock clock;

  @Test
  void theGroupedReadsRunOnPostgresAndThePagesRender() {
    Api api = new Api(port);
    TestWorld world = new TestWorld(api);
    String rm = world.user("PgRm", "RELATIONSHIP_MANAGER", null);
    String executive = world.user("PgExec", "EXECUTIVE", null);
    String vendor = world.vendor("PGDASH", rm);
    List<Period> quarters = queries.quarters(clock.instant());
    Period last = quarters.get(DashboardQueries.FULL_QUARTERS - 1);
    String day = last.firstDay().plusDays(9).toString();
    String csv =
        "interaction_id,agent_id,channel,started_at,handle_seconds,first_contact_resolved,csat,nps,ces"
            + "\nPG-1,agent-1,PHONE,"
            + day
            + "T09:00:00Z,200,true,5,10,7"
            + "\nPG-2,agent-2,CHAT,"
            + day
            + "T10:00:00Z,400,false,2,3,3\n";
    Api.Response imported =
        api.postRaw(rm, "/api/vendors/" + vendor + "/interactions", csv, "text/csv");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);

    Map<String, List<ScorecardView>> all = scorecards.scorecardsOfAll(List.of(vendor), quarters);
    ScorecardView own = scorecards.scorecard(vendor, last.toString(), ADMIN);
    assertThat(own.interactions()).isEqualTo(2);
    assertThat(all.get(vendor).get(DashboardQueries.FULL_QUARTERS - 1)).isEqualTo(own);
    assertThat(escalations.countsByVendor(Instant.EPOCH)).doesNotContainKey(vendor);
    assertThat(qa.latestResultsOfAll()).doesNotContainKey(vendor);

    String session = PageSession.signIn(api, executive);
    Api.Response overview = PageSession.page(api, session, "/dashboard");
    assertThat(overview.status()).isEqualTo(200);
    assertThat(overview.body()).contains(world.unique("PGDASH")).contains("data-chart=");
    Api.Response page = PageSession.page(api, session, "/dashboard/vendors/" + vendor);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("2 contacts");
  }
}
