package dev.steward.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates uniquely named vendors and users through the API (as the admin), so tests sharing one
 * application context never see each other's data. Every user gets the password {@link
 * TestProperties#PASSWORD}.
 */
public final class TestWorld {

  private final Api api;
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  public TestWorld(Api api) {
    this.api = api;
  }

  public String unique(String name) {
    return name + "-" + suffix;
  }

  /** Creates a user with the role; {@code vendorId} only for BPO_LEAD. Returns the user name. */
  public String user(String name, String role, String vendorId) {
    String username = unique(name).toLowerCase();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("password", TestProperties.PASSWORD);
    body.put("displayName", name + " Tester");
    body.put("role", role);
    if (vendorId != null) {
      body.put("vendorId", vendorId);
    }
    Api.Response response = api.post(TestProperties.ADMIN, "/api/users", body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return username;
  }

  public String onCallUser(String name, String role) {
    String username = unique(name).toLowerCase();
    Api.Response response =
        api.post(
            TestProperties.ADMIN,
            "/api/users",
            Map.of(
                "username",
                username,
                "password",
                TestProperties.PASSWORD,
                "displayName",
                name + " Tester",
                "role",
                role,
                "onCall",
                true));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return username;
  }

  /** Registers a vendor owned by the RM (may be null) and returns its id. */
  public String vendor(String code, String relationshipManager) {
    Map<String, Object> body = new LinkedHashMap<>(vendorBody(unique(code)));
    if (relationshipManager != null) {
      body.put("relationshipManager", relationshipManager);
    }
    Api.Response response = api.post(TestProperties.ADMIN, "/api/vendors", body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  public static Map<String, Object> vendorBody(String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", "Vendor " + code);
    body.put("deliveryModel", "OFFSHORE");
    body.put("teamModel", "DEDICATED");
    body.put("involvement", "PARTIAL");
    body.put("timeZone", "Asia/Manila");
    body.put("languages", List.of("en", "tl"));
    return body;
  }

  public static Map<String, Object> escalationBody(String vendorId, String severity) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("vendorId", vendorId);
    body.put("severity", severity);
    body.put("category", "BILLING");
    body.put("title", "Refunds stuck");
    body.put("description", "Refunds approved by agents do not reach customers.");
    body.put("customerImpact", "40 customers waiting");
    return body;
  }
}
