package dev.steward.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.support.Api;
import dev.steward.support.H2IntegrationTest;
import dev.steward.support.TestWorld;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may open the dashboard pages, over real HTTP with the login form's session: executives and
 * RMs get the pages (with their server time), BPO leads the 403 page, anonymous browsers the login
 * form; an unknown vendor is the 404 page.
 */
@H2IntegrationTest
class DashboardAccessOnH2IT {

  private static final String FORM = "application/x-www-form-urlencoded";

  @LocalServerPort int port;
  Api api;
  TestWorld world;
  String executive;
  String rm;
  String lead;
  String vendorId;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    world = new TestWorld(api);
    executive = world.user("Exec", "EXECUTIVE", null);
    rm = world.user("Rm", "RELATIONSHIP_MANAGER", null);
    vendorId = world.vendor("DASH", rm);
    lead = world.user("Lead", "BPO_LEAD", vendorId);
  }

  @Test
  void anExecutiveAndAnRmSeeTheDashboardAndTheVendorPageWithTheirServerTime() {
    for (String user : new String[] {executive, rm}) {
      String session = signIn(user);
      Api.Response overview = page(session, "/dashboard");
      assertThat(overview.status()).as(user).isEqualTo(200);
      assertThat(overview.body()).contains("Executive dashboard").contains(world.unique("DASH"));
      assertThat(overview.header("Server-Timing"))
          .matches("data;dur=[0-9.]+, total;dur=[0-9.]+, vendors;dur=.*");

      Api.Response vendor = page(session, "/dashboard/vendors/" + vendorId);
      assertThat(vendor.status()).as(user).isEqualTo(200);
      assertThat(vendor.body()).contains("Vendor " + world.unique("DASH")).contains("id=\"phase\"");
      assertThat(vendor.body()).contains("id=\"server-time\"");
    }
  }

  @Test
  void anUnknownVendorIsTheNotFoundPage() {
    Api.Response response = page(signIn(executive), "/dashboard/vendors/no-such-vendor");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("Not found");
  }

  @Test
  void aBpoLeadIsRefusedTheDashboardAndEveryVendorPage() {
    String session = signIn(lead);

    for (String path : new String[] {"/dashboard", "/dashboard/vendors/" + vendorId}) {
      Api.Response response = page(session, path);
      assertThat(response.status()).as(path).isEqualTo(403);
      assertThat(response.body()).as(path).doesNotContain(world.unique("DASH"));
    }
  }

  @Test
  void anAnonymousBrowserIsSentToTheLoginForm() {
    for (String path : new String[] {"/dashboard", "/dashboard/vendors/" + vendorId}) {
      Api.Response response =
          api.send(null, "GET", path, null, null, Map.of("Accept", "text/html"));
      assertThat(response.status()).as(path).isEqualTo(302);
      assertThat(response.header("Location")).as(path).endsWith("/login");
    }
  }

  private Api.Response page(String session, String path) {
    return api.send(
        null,
        "GET",
        path,
        null,
        null,
        Map.of("Cookie", "JSESSIONID=" + session, "Accept", "text/html"));
  }

  private String signIn(String user) {
    return PageSession.signIn(api, user);
  }
}
