package dev.steward.demo;

import dev.steward.identity.NewUser;
import dev.steward.identity.UserAccounts;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.transition.NewTransition;
import dev.steward.transition.TransitionProcess;
import dev.steward.transition.TransitionService;
import dev.steward.transition.TransitionView;
import dev.steward.vendor.DeliveryModel;
import dev.steward.vendor.Involvement;
import dev.steward.vendor.LifecyclePhase;
import dev.steward.vendor.NewVendor;
import dev.steward.vendor.TeamModel;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo vendor transition: FJORD-OSL (registered OPERATING for the purpose) is to be replaced by
 * ACME-MNL; rachel proposed it, erin gave the first approval, and the second approval waits for
 * another executive: victor (created here, password {@value DemoWorld#DEMO_PASSWORD}). Idempotent:
 * skipped once FJORD-OSL has a transition, or without the demo world (ACME-MNL).
 */
@Component
@Order(70)
@ConditionalOnProperty(name = "steward.demo.enabled", havingValue = "true")
class DemoTransition implements ApplicationRunner {

  static final String OUTGOING = "FJORD-OSL";
  static final String SUCCESSOR = "ACME-MNL";
  static final String SECOND_EXECUTIVE = "victor";

  private static final Logger log = LoggerFactory.getLogger(DemoTransition.class);

  private final VendorService vendors;
  private final TransitionService transitions;
  private final UserAccounts users;
  private final TaskService taskService;

  DemoTransition(
      VendorService vendors,
      TransitionService transitions,
      UserAccounts users,
      TaskService taskService) {
    this.vendors = vendors;
    this.transitions = transitions;
    this.users = users;
    this.taskService = taskService;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    StewardPrincipal admin =
        new StewardPrincipal("admin", "Steward Administrator", Set.of(Role.ADMIN), null);
    Optional<VendorView> successor = vendors.findByCode(SUCCESSOR);
    if (successor.isEmpty() || !users.exists("rachel") || !users.exists("erin")) {
      log.info("No demo world (ACME-MNL, rachel, erin): no demo transition");
      return;
    }
    if (!users.exists(SECOND_EXECUTIVE)) {
      users.create(
          new NewUser(
              SECOND_EXECUTIVE,
              DemoWorld.DEMO_PASSWORD,
              "Victor Lindqvist",
              Role.EXECUTIVE,
              null,
              false),
          "admin");
    }
    Optional<VendorView> existing = vendors.findByCode(OUTGOING);
    if (existing.isPresent() && !transitions.ofVendor(existing.get().id(), admin).isEmpty()) {
      log.info("Demo transition of {} already present", OUTGOING);
      return;
    }
    VendorView fjord =
        existing.orElseGet(
            () ->
                vendors.register(
                    new NewVendor(
                        OUTGOING,
                        "Fjord Kundeservice Oslo",
                        DeliveryModel.NEARSHORE,
                        TeamModel.SHARED,
                        Involvement.PARTIAL,
                        "Europe/Oslo",
                        List.of("nb", "en"),
                        null,
                        null,
                        null,
                        "rachel",
                        LifecyclePhase.OPERATING),
                    admin));
    if (fjord.lifecyclePhase() != LifecyclePhase.OPERATING) {
      log.info("{} is {}: no demo transition", OUTGOING, fjord.lifecyclePhase());
      return;
    }
    StewardPrincipal rachel =
        new StewardPrincipal("rachel", "Rachel Moreno", Set.of(Role.RELATIONSHIP_MANAGER), null);
    TransitionView transition =
        transitions.propose(
            fjord.id(),
            new NewTransition(
                "CSAT below target for three quarters running and the improvement plan missed its"
                    + " milestones; ACME-MNL has capacity for Norwegian and English",
                successor.get().id(),
                false,
                30),
            rachel);
    Task first =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(transition.id())
            .taskDefinitionKey(TransitionProcess.Elements.FIRST_APPROVAL)
            .singleResult();
    taskService.setAssignee(first.getId(), "erin");
    VariableMap decision = Variables.createVariables();
    TransitionProcess.APPROVAL_DECISION.on(decision, TransitionProcess.APPROVE);
    TransitionProcess.APPROVAL_REASON.on(
        decision, "Three quarters below target; ACME-MNL's pilot numbers are strong");
    taskService.complete(first.getId(), decision);
    log.info(
        "Demo transition {} of {}: approved by erin, waiting for a second executive ({})",
        transition.id(),
        OUTGOING,
        SECOND_EXECUTIVE);
  }
}
