package dev.steward.demo;

import dev.steward.evaluation.EvaluationProcess;
import dev.steward.evaluation.EvaluationService;
import dev.steward.evaluation.EvaluationView;
import dev.steward.evaluation.NewBid;
import dev.steward.evaluation.NewEvaluation;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.DeliveryModel;
import dev.steward.vendor.Involvement;
import dev.steward.vendor.LifecyclePhase;
import dev.steward.vendor.NewVendor;
import dev.steward.vendor.TeamModel;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * Demo evaluation round: NORDIC-BER (in phase EVALUATION in the demo world) against a second
 * candidate, HANSA-HH, with both bids in and confirmed, so the evaluators rachel and erin each have
 * a score sheet waiting. Idempotent: skipped once the round exists, or without the demo world.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "steward.demo.enabled", havingValue = "true")
class DemoEvaluation implements ApplicationRunner {

  static final String ROUND_NAME = "2026 EMEA German-language support";
  static final String SECOND_CANDIDATE = "HANSA-HH";

  private static final Logger log = LoggerFactory.getLogger(DemoEvaluation.class);

  private final VendorService vendors;
  private final EvaluationService evaluations;
  private final TaskService taskService;
  private final Clock clock;

  DemoEvaluation(
      VendorService vendors, EvaluationService evaluations, TaskService taskService, Clock clock) {
    this.vendors = vendors;
    this.evaluations = evaluations;
    this.taskService = taskService;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    StewardPrincipal admin =
        new StewardPrincipal("admin", "Steward Administrator", Set.of(Role.ADMIN), null);
    if (evaluations.list(admin).stream().anyMatch(r -> r.name().equals(ROUND_NAME))) {
      log.info("Demo evaluation round already present");
      return;
    }
    Optional<VendorView> nordic = vendors.findByCode("NORDIC-BER");
    if (nordic.isEmpty() || nordic.get().lifecyclePhase() != LifecyclePhase.EVALUATION) {
      log.info("No demo vendor NORDIC-BER in evaluation: no demo evaluation round");
      return;
    }
    VendorView hansa =
        vendors
            .findByCode(SECOND_CANDIDATE)
            .orElseGet(
                () ->
                    vendors.register(
                        new NewVendor(
                            SECOND_CANDIDATE,
                            "Hansa Service Hamburg",
                            DeliveryModel.ONSHORE,
                            TeamModel.SHARED,
                            Involvement.PARTIAL,
                            "Europe/Berlin",
                            List.of("de", "en"),
                            null,
                            null,
                            null,
                            "omar",
                            LifecyclePhase.EVALUATION),
                        admin));

    // omar owns NORDIC-BER: he opens the round and confirms the bids
    StewardPrincipal omar =
        new StewardPrincipal("omar", "Omar Haddad", Set.of(Role.RELATIONSHIP_MANAGER), null);
    EvaluationView round =
        evaluations.open(
            new NewEvaluation(
                ROUND_NAME,
                null,
                List.of(nordic.get().id(), hansa.id()),
                List.of("rachel", "erin"),
                clock.instant().plus(Duration.ofDays(14))),
            omar);
    evaluations.putBid(round.id(), nordic.get().id(), new NewBid(new BigDecimal("48500.00")), omar);
    evaluations.putBid(round.id(), hansa.id(), new NewBid(new BigDecimal("42000.00")), omar);
    Task confirm =
        taskService
            .createTaskQuery()
            .processInstanceId(round.processInstanceId())
            .taskDefinitionKey(EvaluationProcess.Elements.CONFIRM_BIDS)
            .singleResult();
    taskService.complete(confirm.getId());
    log.info("Demo evaluation round created: NORDIC-BER and HANSA-HH, rachel and erin to score");
  }
}
