package dev.steward.demo;

import dev.steward.kpi.InteractionSeeder;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.qa.NewQaCycle;
import dev.steward.qa.QaCategory;
import dev.steward.qa.QaCycleProcess;
import dev.steward.qa.QaCycleService;
import dev.steward.qa.QaCycleView;
import dev.steward.qa.QaScorecard;
import dev.steward.qa.QaScorecardStore;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
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
 * QA work every demo role can see: one QA cycle for Acme Manila's last month of the last full
 * quarter (the quarter of its demo interactions, 2026-09 at the end of 2026), with a small sample
 * (90 % ± 15 %, one audit per agent), a few audits completed by quinn (the demo QA analyst) and the
 * rest open in quinn's task list; lena (Acme's BPO lead) reads the audits and feedback.
 *
 * <p>Needs the demo interactions: {@link DemoInteractions} has the same order, so this runner makes
 * sure they exist first (that runner is idempotent, so whichever runs first, they are created
 * once). Idempotent itself: does nothing once the vendor has a QA cycle.
 */
@Component
@Order(21)
@ConditionalOnProperty(name = "steward.demo.enabled", havingValue = "true")
class DemoQa implements ApplicationRunner {

  static final String VENDOR_CODE = "ACME-MNL";
  static final String ANALYST = "quinn";
  static final int COMPLETED_AUDITS = 5;
  static final long SEED = 2026_09L;

  private static final Logger log = LoggerFactory.getLogger(DemoQa.class);

  private static final StewardPrincipal QUINN =
      new StewardPrincipal(ANALYST, "Quinn Adebayo", Set.of(Role.QA_ANALYST), null);

  private final VendorService vendors;
  private final DemoInteractions demoInteractions;
  private final InteractionSeeder interactions;
  private final QaCycleService cycles;
  private final QaScorecardStore scorecards;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final Clock clock;

  DemoQa(
      VendorService vendors,
      DemoInteractions demoInteractions,
      InteractionSeeder interactions,
      QaCycleService cycles,
      QaScorecardStore scorecards,
      ManagementService managementService,
      TaskService taskService,
      Clock clock) {
    this.vendors = vendors;
    this.demoInteractions = demoInteractions;
    this.interactions = interactions;
    this.cycles = cycles;
    this.scorecards = scorecards;
    this.managementService = managementService;
    this.taskService = taskService;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    demoInteractions.run(args);
    VendorView vendor = vendors.findByCode(VENDOR_CODE).orElse(null);
    if (vendor == null || !interactions.hasInteractions(vendor.id())) {
      log.info("Demo QA skipped: no demo interactions for {} yet", VENDOR_CODE);
      return;
    }
    if (!cycles.list(vendor.id(), QUINN).isEmpty()) {
      log.info("Demo QA already present");
      return;
    }
    QaCycleView cycle =
        cycles.start(
            vendor.id(),
            new NewQaCycle(
                lastMonthOfLastFullQuarter().toString(), 90, new BigDecimal("0.15"), 1, SEED),
            QUINN);
    // the sample is drawn; the process continues in a job: run it now so the audit tasks exist
    for (Job job :
        managementService.createJobQuery().processInstanceId(cycle.processInstanceId()).list()) {
      managementService.executeJob(job.getId());
    }
    List<Task> audits =
        taskService
            .createTaskQuery()
            .processInstanceId(cycle.processInstanceId())
            .taskDefinitionKey(QaCycleProcess.Elements.AUDIT_INTERACTION)
            .orderByTaskId()
            .asc()
            .listPage(0, COMPLETED_AUDITS);
    QaScorecard scorecard = scorecards.forVendor(vendor.id());
    for (int i = 0; i < audits.size(); i++) {
      VariableMap variables = Variables.createVariables();
      QaCycleProcess.RATINGS.on(variables, QaCycleProcess.ratingItems(ratings(scorecard, i)));
      QaCycleProcess.COMMENT.on(variables, FEEDBACK.get(i % FEEDBACK.size()));
      taskService.setAssignee(audits.get(i).getId(), ANALYST);
      taskService.complete(audits.get(i).getId(), variables);
    }
    log.info(
        "Demo QA cycle {} for {}: {} of {} handled interactions sampled, {} audited by {}",
        cycle.period(),
        VENDOR_CODE,
        cycle.sampleSize(),
        cycle.population(),
        audits.size(),
        ANALYST);
  }

  private YearMonth lastMonthOfLastFullQuarter() {
    YearMonth now = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
    int quarterStart = (now.getMonthValue() - 1) / 3 * 3 + 1;
    return YearMonth.of(now.getYear(), quarterStart).minusMonths(1);
  }

  private static final List<String> FEEDBACK =
      List.of(
          "Warm greeting and a clear answer; offer the accessory bundle next time.",
          "Good tone. The order number was confirmed late: check it first.",
          "Quoted the old return policy: this fails the audit. Please review policy v3.",
          "Solid call, closed with a proper salutation.",
          "Correct but rushed; slow down and summarise before closing.");

  /**
   * Fixed, varied ratings: audits 0 and 3 top marks, audit 1 one step lower with its fourth
   * category N/A, audit 2 fails a pass/fail critical category (the audit scores 0), audit 4 two
   * steps lower (below the pass mark).
   */
  private static Map<String, Integer> ratings(QaScorecard scorecard, int audit) {
    int profile = audit % 5;
    Map<String, Integer> ratings = new LinkedHashMap<>();
    List<QaCategory> categories = scorecard.categories();
    for (int k = 0; k < categories.size(); k++) {
      QaCategory c = categories.get(k);
      boolean passFail = c.max() - c.min() == 1;
      int rating =
          switch (profile) {
            case 1 -> passFail ? c.max() : c.max() - 1;
            case 2 -> passFail && c.critical() ? c.min() : c.max();
            case 4 -> passFail ? c.max() : Math.max(c.min(), c.max() - 2);
            default -> c.max();
          };
      ratings.put(c.key(), profile == 1 && k == 3 && !c.critical() ? null : rating);
    }
    return ratings;
  }
}
