package dev.steward.demo;

import dev.steward.identity.NewUser;
import dev.steward.identity.UserAccounts;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.qa.NewQaCalibration;
import dev.steward.qa.QaCalibrationProcess;
import dev.steward.qa.QaCalibrationService;
import dev.steward.qa.QaCalibrationView;
import dev.steward.qa.QaScorecardView;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A QA calibration session for Acme Manila on two of its interactions, with the QA analysts quinn
 * and quentin (created here if missing, password as every demo user's): quinn has submitted both
 * audits, quentin's two tasks wait in his task list. Idempotent: skipped once Acme has a session.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "steward.demo.enabled", havingValue = "true")
class DemoQaCalibration implements ApplicationRunner {

  static final String VENDOR_CODE = "ACME-MNL";
  static final String QUINN = "quinn";
  static final String QUENTIN = "quentin";

  private static final Logger log = LoggerFactory.getLogger(DemoQaCalibration.class);

  /** quinn's ratings of the default categories, per interaction (null: N/A). */
  private static final List<Map<String, Integer>> QUINN_RATINGS =
      List.of(
          ratings(5, 4, 4, null, 5, 1), // a good call; no cross-sell opportunity
          ratings(4, 3, 3, 2, 4, 1)); // a middling one

  private final UserAccounts users;
  private final VendorService vendors;
  private final QaCalibrationService calibrations;
  private final TaskService taskService;

  DemoQaCalibration(
      UserAccounts users,
      VendorService vendors,
      QaCalibrationService calibrations,
      TaskService taskService) {
    this.users = users;
    this.vendors = vendors;
    this.calibrations = calibrations;
    this.taskService = taskService;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    Optional<VendorView> acme = vendors.findByCode(VENDOR_CODE);
    if (acme.isEmpty() || !users.exists(QUINN)) {
      log.info("No demo QA calibration: the demo world ({}, {}) is missing", VENDOR_CODE, QUINN);
      return;
    }
    String vendorId = acme.get().id();
    if (calibrations.hasSessions(vendorId)) {
      log.info("Demo QA calibration already present");
      return;
    }
    List<String> interactions = calibrations.someInteractions(vendorId, 2);
    if (interactions.size() < 2) {
      log.info("No demo QA calibration: {} has fewer than 2 interactions", VENDOR_CODE);
      return;
    }
    if (!users.exists(QUENTIN)) {
      users.create(
          new NewUser(
              QUENTIN, DemoWorld.DEMO_PASSWORD, "Quentin Mbeki", Role.QA_ANALYST, null, false),
          "demo");
    }
    StewardPrincipal quinn =
        new StewardPrincipal(QUINN, "Quinn Adebayo", Set.of(Role.QA_ANALYST), null);
    QaCalibrationView session =
        calibrations.start(
            vendorId, new NewQaCalibration(interactions, List.of(QUINN, QUENTIN)), quinn);

    for (Task task :
        taskService
            .createTaskQuery()
            .processInstanceId(session.processInstanceId())
            .taskAssignee(QUINN)
            .list()) {
      String interactionId =
          (String)
              taskService.getVariable(task.getId(), QaCalibrationProcess.INTERACTION_ID.name());
      Map<String, Integer> ratings = QUINN_RATINGS.get(interactions.indexOf(interactionId));
      VariableMap submission = Variables.createVariables();
      QaCalibrationProcess.RATINGS.on(submission, items(session.categories(), ratings));
      QaCalibrationProcess.COMMENT.on(
          submission, "Demo audit of " + interactionId + " by " + QUINN + ".");
      taskService.complete(task.getId(), submission);
    }
    log.info(
        "Demo QA calibration created for {} on {}: {} submitted, {} waiting",
        VENDOR_CODE,
        interactions,
        QUINN,
        QUENTIN);
  }

  /** One item per category of the session; a category the demo does not know gets its top mark. */
  private static List<Map<String, Object>> items(
      List<QaScorecardView.Category> categories, Map<String, Integer> ratings) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (QaScorecardView.Category category : categories) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(QaCalibrationProcess.RatingItem.CATEGORY, category.key());
      // N/A stays null; a category the demo does not know gets its top mark
      Integer rating = Integer.valueOf(category.max());
      if (ratings.containsKey(category.key())) {
        rating = ratings.get(category.key());
      }
      if (rating != null && (rating < category.min() || rating > category.max())) {
        rating = category.max();
      }
      item.put(QaCalibrationProcess.RatingItem.RATING, rating);
      item.put(QaCalibrationProcess.RatingItem.NOT_APPLICABLE, rating == null);
      items.add(item);
    }
    return items;
  }

  private static Map<String, Integer> ratings(
      Integer greeting,
      Integer tone,
      Integer correctness,
      Integer crossSell,
      Integer salutation,
      Integer policyCompliance) {
    Map<String, Integer> ratings = new LinkedHashMap<>();
    ratings.put("greeting", greeting);
    ratings.put("tone", tone);
    ratings.put("correctness", correctness);
    ratings.put("crossSell", crossSell);
    ratings.put("salutation", salutation);
    ratings.put("policyCompliance", policyCompliance);
    return ratings;
  }
}
