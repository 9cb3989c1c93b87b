package dev.steward.demo;

import dev.steward.escalation.EscalationCategory;
import dev.steward.escalation.EscalationProcess;
import dev.steward.escalation.EscalationService;
import dev.steward.escalation.EscalationView;
import dev.steward.escalation.NewEscalation;
import dev.steward.escalation.Severity;
import dev.steward.identity.NewUser;
import dev.steward.identity.UserAccounts;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.DeliveryModel;
import dev.steward.vendor.Involvement;
import dev.steward.vendor.LifecyclePhase;
import dev.steward.vendor.NewVendor;
import dev.steward.vendor.TeamModel;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo world a newcomer sees on first start: one user per role, three vendors in different
 * lifecycle phases, and escalations in different states. Idempotent (skipped once the first demo
 * vendor exists); on by default, off under the {@code postgres} profile unless {@code
 * STEWARD_DEMO_ENABLED=true}.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "steward.demo.enabled", havingValue = "true")
class DemoWorld implements ApplicationRunner {

  /** The documented password of every demo user (README). */
  static final String DEMO_PASSWORD = "Steward-demo-1";

  private static final Logger log = LoggerFactory.getLogger(DemoWorld.class);

  private final UserAccounts users;
  private final VendorService vendors;
  private final EscalationService escalations;
  private final TaskService taskService;
  private final ManagementService managementService;

  DemoWorld(
      UserAccounts users,
      VendorService vendors,
      EscalationService escalations,
      TaskService taskService,
      ManagementService managementService) {
    this.managementService = managementService;
    this.users = users;
    this.vendors = vendors;
    this.escalations = escalations;
    this.taskService = taskService;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (vendors.findByCode("ACME-MNL").isPresent()) {
      log.info("Demo world already present");
      return;
    }
    StewardPrincipal system =
        new StewardPrincipal("admin", "Steward Administrator", Set.of(Role.ADMIN), null);
    user("rachel", "Rachel Moreno", Role.RELATIONSHIP_MANAGER, null, false);
    user("omar", "Omar Haddad", Role.RELATIONSHIP_MANAGER, null, true);
    user("quinn", "Quinn Adebayo", Role.QA_ANALYST, null, false);
    user("erin", "Erin Walsh", Role.EXECUTIVE, null, false);

    VendorView acme =
        vendors.register(
            new NewVendor(
                "ACME-MNL",
                "Acme Contact Solutions Manila",
                DeliveryModel.OFFSHORE,
                TeamModel.DEDICATED,
                Involvement.PARTIAL,
                "Asia/Manila",
                List.of("en", "tl"),
                LocalTime.of(7, 0),
                LocalTime.of(23, 0),
                null,
                "rachel",
                LifecyclePhase.OPERATING),
            system);
    VendorView bright =
        vendors.register(
            new NewVendor(
                "BRIGHT-MX",
                "Bright Nearshore Mexico",
                DeliveryModel.NEARSHORE,
                TeamModel.SHARED,
                Involvement.LOW,
                "America/Mexico_City",
                List.of("es", "en"),
                null,
                null,
                null,
                "rachel",
                LifecyclePhase.PILOT),
            system);
    vendors.register(
        new NewVendor(
            "NORDIC-BER",
            "Nordic Care Partners Berlin",
            DeliveryModel.ONSHORE,
            TeamModel.DEDICATED,
            Involvement.HIGH,
            "Europe/Berlin",
            List.of("de", "en"),
            null,
            null,
            null,
            "omar",
            LifecyclePhase.EVALUATION),
        system);

    user("lena", "Lena Cruz", Role.BPO_LEAD, acme.id(), false);
    user("mateo", "Mateo Ruiz", Role.BPO_LEAD, bright.id(), false);

    StewardPrincipal lena =
        new StewardPrincipal("lena", "Lena Cruz", Set.of(Role.BPO_LEAD), acme.id());
    StewardPrincipal mateo =
        new StewardPrincipal("mateo", "Mateo Ruiz", Set.of(Role.BPO_LEAD), bright.id());

    // waiting for the RM's first response
    file(
        lena,
        acme,
        Severity.P2,
        EscalationCategory.BILLING,
        "Refunds stuck for 3 days",
        "Refund requests approved by agents are not reaching customers.",
        "About 40 customers waiting for refunds");
    // answered, the RM works on the resolution
    EscalationView answered =
        file(
            lena,
            acme,
            Severity.P3,
            EscalationCategory.POLICY_QUESTION,
            "Warranty policy unclear for refurbished items",
            "Agents give different answers on warranty length for refurbished devices.",
            "Inconsistent answers, some complaints");
    respond(
        answered, "rachel", "Thanks, we are checking the policy with product; answer by tomorrow.");
    // resolved, waiting for the lead's confirmation
    EscalationView resolved =
        file(
            mateo,
            bright,
            Severity.P2,
            EscalationCategory.SYSTEM_ACCESS,
            "Ten new agents cannot log into the CRM",
            "Accounts for the new cohort were not provisioned.",
            "Ten agents idle, queue time rising");
    respond(resolved, "rachel", "Provisioning ticket opened with IT.");
    resolve(
        resolved,
        "rachel",
        "Accounts provisioned; added a provisioning step to onboarding.",
        "PROCESS_GAP");
    // the response SLA was missed: moved up a tier, now with the executives
    EscalationView breached =
        file(
            mateo,
            bright,
            Severity.P1,
            EscalationCategory.SYSTEM_OUTAGE,
            "Telephony down at the Monterrey site",
            "No inbound calls reach the agents since 07:10 local time.",
            "All phone contacts for the brand unanswered");
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(breached.processInstanceId())
            .activityId(EscalationProcess.Elements.TIMER_RESPONSE_BREACHED)
            .singleResult()
            .getId());
    log.info("Demo world created: 3 vendors, 7 users, 4 escalations");
  }

  private void user(String username, String name, Role role, String vendorId, boolean onCall) {
    users.create(new NewUser(username, DEMO_PASSWORD, name, role, vendorId, onCall), "demo");
  }

  private EscalationView file(
      StewardPrincipal lead,
      VendorView vendor,
      Severity severity,
      EscalationCategory category,
      String title,
      String description,
      String impact) {
    return escalations
        .file(
            new NewEscalation(vendor.id(), severity, category, title, description, impact),
            lead,
            null)
        .escalation();
  }

  private void respond(EscalationView escalation, String by, String response) {
    complete(escalation, by, Map.of(EscalationProcess.RESPONSE.name(), response));
  }

  private void resolve(EscalationView escalation, String by, String resolution, String rootCause) {
    complete(
        escalation,
        by,
        Map.of(
            EscalationProcess.RESOLUTION.name(),
            resolution,
            EscalationProcess.ROOT_CAUSE.name(),
            rootCause));
  }

  private void complete(EscalationView escalation, String by, Map<String, Object> variables) {
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceId(escalation.processInstanceId())
            .singleResult();
    taskService.setAssignee(task.getId(), by);
    taskService.complete(task.getId(), variables);
  }
}
