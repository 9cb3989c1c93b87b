package dev.steward.demo;

import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.DeliveryModel;
import dev.steward.vendor.Involvement;
import dev.steward.vendor.LifecyclePhase;
import dev.steward.vendor.NewVendor;
import dev.steward.vendor.TeamModel;
import dev.steward.vendor.VendorLifecycleProcess;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes the demo's lifecycle picture: a vendor in its first training cohort (Dune Contact
 * Cairo, entering Steward in TRAINING with four agents), and every demo vendor's lifecycle settled
 * now rather than a few seconds after start-up (BRIGHT-MX's pilot plan waits for the RM, ACME-MNL
 * has its QA-cycle and sync timers). Idempotent.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "steward.demo.enabled", havingValue = "true")
class DemoLifecycles implements ApplicationRunner {

  static final String TRAINING_VENDOR = "DUNE-CAI";
  static final List<String> COHORT = List.of("dune-a01", "dune-a02", "dune-a03", "dune-a04");

  private static final Logger log = LoggerFactory.getLogger(DemoLifecycles.class);
  private static final StewardPrincipal SYSTEM =
      new StewardPrincipal("admin", "Steward Administrator", Set.of(Role.ADMIN), null);

  private final VendorService vendors;
  private final RuntimeService runtimeService;
  private final DemoProcesses processes;
  private final TransactionTemplate transactions;

  DemoLifecycles(
      VendorService vendors,
      RuntimeService runtimeService,
      DemoProcesses processes,
      TransactionTemplate transactions) {
    this.vendors = vendors;
    this.runtimeService = runtimeService;
    this.processes = processes;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (vendors.findByCode(TRAINING_VENDOR).isEmpty()) {
      transactions.executeWithoutResult(tx -> registerTrainingVendor());
    }
    // each job in its own transaction, as the job executor runs them (it may take some first)
    for (VendorView vendor : vendors.list(SYSTEM)) {
      processes.settle(vendor.id());
    }
  }

  /** In one transaction, so the lifecycle's first step cannot run before it has the cohort. */
  private void registerTrainingVendor() {
    VendorView dune =
        vendors.register(
            new NewVendor(
                TRAINING_VENDOR,
                "Dune Contact Cairo",
                DeliveryModel.OFFSHORE,
                TeamModel.DEDICATED,
                Involvement.LOW,
                "Africa/Cairo",
                List.of("ar", "en"),
                null,
                null,
                null,
                "rachel",
                LifecyclePhase.TRAINING),
            SYSTEM);
    // entering in TRAINING, it has no onboarding to hand over the approved agents: give the
    // lifecycle the cohort before its first step runs
    runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(VendorLifecycleProcess.PROCESS_KEY)
        .processInstanceBusinessKey(dune.id())
        .list()
        .forEach(
            lifecycle ->
                runtimeService.setVariable(
                    lifecycle.getId(),
                    VendorLifecycleProcess.APPROVED_AGENTS.name(),
                    VendorLifecycleProcess.APPROVED_AGENTS.engineValue(COHORT)));
    log.info("Demo vendor {} registered in its first training cohort", TRAINING_VENDOR);
  }
}
