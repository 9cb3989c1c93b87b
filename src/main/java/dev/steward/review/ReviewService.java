package dev.steward.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.kpi.Period;
import dev.steward.platform.AuditLog;
import dev.steward.platform.ConflictException;
import dev.steward.platform.DecisionLog;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.StewardPrincipal;
import dev.steward.review.QuarterlyReviewProcess.ActionItemFields;
import dev.steward.risk.RiskService;
import dev.steward.risk.RiskSeverity;
import dev.steward.risk.RiskSource;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly business reviews: starting them (on demand, from the lifecycle, as a follow-up, or as
 * an improvement plan after a rejected transition), the facts, the outcome (DMN {@code QbrOutcome}
 * on this and the previous total), the decision record, action items in the risk log, recognition
 * notices and improvement plans. Every step is guarded so a job that runs twice changes nothing
 * twice.
 */
@Service
public class ReviewService {

  /** Days from an improvement plan to its follow-up review. */
  public static final int FOLLOW_UP_DAYS = 30;

  /** Action item reminders go out at this hour (UTC) of the due date. */
  static final int REMINDER_HOUR_UTC = 9;

  static final int NOTES_MAX = 4000;
  static final int MAX_ACTION_ITEMS = 50;
  static final String SYSTEM = "system";

  private final ReviewStore store;
  private final FactsAssembler facts;
  private final VendorService vendors;
  private final RiskService risks;
  private final DecisionLog decisions;
  private final DecisionService decisionService;
  private final RuntimeService runtimeService;
  private final ApplicationEventPublisher events;
  private final AuditLog auditLog;
  private final ObjectMapper json;
  private final Clock clock;

  ReviewService(
      ReviewStore store,
      FactsAssembler facts,
      VendorService vendors,
      RiskService risks,
      DecisionLog decisions,
      DecisionService decisionService,
      RuntimeService runtimeService,
      ApplicationEventPublisher events,
      AuditLog auditLog,
      ObjectMapper json,
      Clock clock) {
    this.store = store;
    this.facts = facts;
    this.vendors = vendors;
    this.risks = risks;
    this.decisions = decisions;
    this.decisionService = decisionService;
    this.runtimeService = runtimeService;
    this.events = events;
    this.auditLog = auditLog;
    this.json = json;
    this.clock = clock;
  }

  // --- starting reviews
  // ----------------------------------------------------------------------------

  /**
   * {@code POST /api/vendors/{id}/reviews}: a review of the quarter (default: the last full one)
   * started now, business key = review id. 422 for a period that is not a quarter or has not
   * started; 409 if a review of that quarter is still waiting to be held.
   */
  @Transactional
  public ReviewView request(String vendorId, NewReview request, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    Period period = quarterToReview(request == null ? null : request.period());
    store.lockVendorReviews(vendor.getId());
    store
        .pending(vendor.getId(), period.toString())
        .ifPresent(
            r -> {
              throw new ConflictException(
                  "Review " + r.id() + " of " + period + " is still waiting to be held");
            });
    ReviewStore.Review review =
        newReview(
            vendor.getId(),
            ReviewStore.Kind.QUARTERLY,
            period.toString(),
            period.firstDay(),
            period.endDay(),
            null,
            null,
            null,
            caller.username());
    store.insert(review);
    VariableMap variables = Variables.createVariables();
    QuarterlyReviewProcess.REVIEW_ID.on(variables, review.id());
    QuarterlyReviewProcess.VENDOR_ID.on(variables, vendor.getId());
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            QuarterlyReviewProcess.PROCESS_KEY, review.id(), variables);
    store.attachProcess(review.id(), instance.getId());
    auditLog.record(
        caller.username(), "QBR_REQUESTED", "quarterly_review", review.id(), period.toString());
    return view(store.find(review.id()).orElseThrow());
  }

  /**
   * Public API for the vendor transition slice (after a rejected transition) and anyone else: puts
   * the vendor on an improvement plan now. Starts a {@code QuarterlyReview} instance at {@code
   * Task_AgreeImprovementPlan} (the RM writes the plan and targets), and 30 days later a follow-up
   * review whose previous total is the vendor's latest reviewed total. Joins the caller's
   * transaction.
   *
   * @return the id of the new review (kind IMPROVEMENT_PLAN), also the instance's business key
   */
  @Transactional
  public String startImprovementPlan(String vendorId, String reason, String requestedBy) {
    Vendor vendor =
        vendors
            .findForSystem(vendorId)
            .orElseThrow(() -> new NotFoundException("Vendor", vendorId));
    ReviewStore.Review latest =
        store.ofVendor(vendor.getId()).stream()
            .filter(r -> r.status() == ReviewStore.Status.HELD && r.total() != null)
            .findFirst()
            .orElse(null);
    LocalDate today = today();
    ReviewStore.Review review =
        newReview(
            vendor.getId(),
            ReviewStore.Kind.IMPROVEMENT_PLAN,
            latest == null ? "plan " + today : latest.periodLabel(),
            latest == null ? today : latest.periodStart(),
            latest == null ? today.plusDays(1) : latest.periodEnd(),
            latest == null ? null : latest.id(),
            reason,
            latest == null ? null : latest.total(),
            requestedBy == null ? SYSTEM : requestedBy);
    store.insert(review);
    store.markPlanned(
        review.id(), QbrOutcome.IMPROVEMENT_PLAN.name(), latest == null ? null : latest.total());
    VariableMap variables = Variables.createVariables();
    QuarterlyReviewProcess.REVIEW_ID.on(variables, review.id());
    QuarterlyReviewProcess.VENDOR_ID.on(variables, vendor.getId());
    QuarterlyReviewProcess.RELATIONSHIP_MANAGER.on(variables, vendor.getRelationshipManager());
    QuarterlyReviewProcess.OUTCOME.on(variables, QbrOutcome.IMPROVEMENT_PLAN.name());
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceByKey(QuarterlyReviewProcess.PROCESS_KEY)
            .businessKey(review.id())
            .setVariables(variables)
            .startBeforeActivity(QuarterlyReviewProcess.Elements.AGREE_IMPROVEMENT_PLAN)
            .execute();
    store.attachProcess(review.id(), instance.getId());
    auditLog.record(
        requestedBy == null ? SYSTEM : requestedBy,
        "IMPROVEMENT_PLAN_STARTED",
        "quarterly_review",
        review.id(),
        reason);
    return review.id();
  }

  // --- process steps
  // -------------------------------------------------------------------------------

  /** What Task_AssembleFacts hands to the process. */
  record Assembled(String reviewId, String outcome, String summary, String relationshipManager) {}

  /**
   * Task_AssembleFacts: creates the review when the lifecycle started the process (the quarter just
   * ended, by the clock), computes and stores the facts, and evaluates the outcome table.
   * Idempotent: facts already assembled are returned as they are.
   */
  @Transactional
  public Assembled assemble(String reviewId, String vendorId, String processInstanceId) {
    Vendor vendor =
        vendors
            .findForSystem(vendorId)
            .orElseThrow(() -> new NotFoundException("Vendor", vendorId));
    if (reviewId == null) {
      Period period = lastFullQuarter();
      ReviewStore.Review review =
          newReview(
              vendorId,
              ReviewStore.Kind.QUARTERLY,
              period.toString(),
              period.firstDay(),
              period.endDay(),
              null,
              null,
              null,
              SYSTEM);
      store.insert(review);
      reviewId = review.id();
    }
    ReviewStore.Review review = store.lock(reviewId).orElseThrow();
    if (review.status() != ReviewStore.Status.PREPARING) {
      return new Assembled(
          review.id(), review.outcome(), review.factsSummary(), vendor.getRelationshipManager());
    }
    Double previousTotal;
    String previousPeriod;
    if (review.kind() == ReviewStore.Kind.QUARTERLY) {
      Period quarter = Period.parse(review.periodLabel());
      Period previous = Period.quarterOf(quarter.start().minus(Duration.ofDays(1)));
      previousTotal = facts.totalOf(vendorId, previous);
      previousPeriod = previous.toString();
    } else {
      previousTotal = review.previousTotal();
      previousPeriod =
          review.followsReviewId() == null
              ? null
              : store
                  .find(review.followsReviewId())
                  .map(ReviewStore.Review::periodLabel)
                  .orElse(null);
    }
    FactsCalculator.Result result =
        facts.assemble(
            vendorId,
            review.periodLabel(),
            review.periodStart(),
            review.periodEnd(),
            previousTotal,
            previousPeriod);
    QbrOutcome outcome = decide(result.total(), previousTotal);
    String summary = result.facts().summary() + "\nOutcome by the QBR table: " + outcome + ".";
    store.factsAssembled(
        review.id(),
        result.total(),
        previousTotal,
        outcome.name(),
        write(result.facts()),
        cut(summary, 2000),
        processInstanceId);
    return new Assembled(review.id(), outcome.name(), summary, vendor.getRelationshipManager());
  }

  /** The DMN table {@code QbrOutcome} on this and the previous total (either may be null). */
  QbrOutcome decide(Double total, Double previousTotal) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("total", total);
    inputs.put("previousTotal", previousTotal);
    DmnDecisionRuleResult result =
        decisionService
            .evaluateDecisionTableByKey(QuarterlyReviewProcess.DECISION_KEY)
            .variables(inputs)
            .evaluate()
            .getFirstResult();
    if (result == null) {
      throw new IllegalStateException(
          "The QBR outcome table has no row for total " + total + ", previous " + previousTotal);
    }
    return QbrOutcome.valueOf((String) result.getEntry("outcome"));
  }

  /**
   * Task_RecordQbrOutcome (in the RM's completion of Task_HoldQbr, so invalid action items answer
   * 422): the RM's notes, the decision record (kind QBR_OUTCOME, decided by the RM, inputs = the
   * facts summary, reason = the notes) and one risk item per action item (source QBR_ACTION,
   * reference {@code reviewId#n}).
   *
   * @return the action items' risk item ids, in the form's order
   */
  @Transactional
  public List<String> recordQbr(
      String reviewId,
      String heldBy,
      String notes,
      List<Map<String, Object>> actionItems,
      String processInstanceId,
      String taskId) {
    ReviewStore.Review review = store.lock(reviewId).orElseThrow();
    List<ActionItem> items = checkActionItems(actionItems, notes);
    String by = heldBy == null ? SYSTEM : heldBy;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ActionItem item = items.get(i);
      ids.add(
          risks.recordFromSource(
              review.vendorId(),
              RiskSource.QBR_ACTION,
              reviewId + "#" + (i + 1),
              item.title(),
              "Action item of the QBR " + review.periodLabel() + " (review " + reviewId + ")",
              item.owner(),
              item.severity(),
              item.dueDate(),
              by));
    }
    if (review.status() == ReviewStore.Status.HELD) {
      return ids;
    }
    Instant now = clock.instant();
    store.held(reviewId, by, now, notes == null ? null : notes.strip());
    decisions.record(
        new DecisionLog.Decision(
            review.vendorId(),
            DecisionLog.Kind.QBR_OUTCOME,
            review.outcome(),
            by,
            now,
            notes,
            review.factsSummary(),
            processInstanceId,
            taskId,
            reviewId));
    auditLog.record(
        by,
        "QBR_HELD",
        "quarterly_review",
        reviewId,
        "outcome " + review.outcome() + ", " + ids.size() + " action item(s)");
    return ids;
  }

  record ActionItem(String title, String owner, LocalDate dueDate, RiskSeverity severity) {}

  private List<ActionItem> checkActionItems(List<Map<String, Object>> list, String notes) {
    List<FieldError> errors = new ArrayList<>();
    if (notes == null || notes.isBlank()) {
      errors.add(FieldError.field("qbrNotes", "is required"));
    } else if (notes.strip().length() > NOTES_MAX) {
      errors.add(FieldError.field("qbrNotes", "must have at most " + NOTES_MAX + " characters"));
    }
    List<Map<String, Object>> raw = list == null ? List.of() : list;
    if (raw.size() > MAX_ACTION_ITEMS) {
      errors.add(FieldError.field("actionItems", "at most " + MAX_ACTION_ITEMS + " items"));
    }
    LocalDate today = today();
    List<ActionItem> items = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Map<String, Object> item = raw.get(i);
      String prefix = "actionItems[" + i + "].";
      String title = string(item.get(ActionItemFields.TITLE));
      String owner = string(item.get(ActionItemFields.OWNER));
      String due = string(item.get(ActionItemFields.DUE_DATE));
      String severity = string(item.get(ActionItemFields.SEVERITY));
      if (title == null) {
        errors.add(FieldError.field(prefix + ActionItemFields.TITLE, "is required"));
      } else if (title.length() > 200) {
        errors.add(
            FieldError.field(prefix + ActionItemFields.TITLE, "must have at most 200 characters"));
      }
      if (owner == null) {
        errors.add(FieldError.field(prefix + ActionItemFields.OWNER, "is required"));
      } else if (!risks.userExists(owner)) {
        errors.add(
            FieldError.field(prefix + ActionItemFields.OWNER, "no user is called '" + owner + "'"));
      }
      LocalDate dueDate = null;
      if (due == null) {
        errors.add(FieldError.field(prefix + ActionItemFields.DUE_DATE, "is required"));
      } else {
        try {
          dueDate = LocalDate.parse(due);
          if (dueDate.isBefore(today)) {
            errors.add(
                FieldError.field(
                    prefix + ActionItemFields.DUE_DATE,
                    "must not be before today (" + today + ")"));
          }
        } catch (DateTimeParseException e) {
          errors.add(
              FieldError.field(
                  prefix + ActionItemFields.DUE_DATE, "must be an ISO date like 2026-08-31"));
        }
      }
      RiskSeverity sev = RiskSeverity.MEDIUM;
      if (severity != null) {
        try {
          sev = RiskSeverity.valueOf(severity.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          errors.add(
              FieldError.field(
                  prefix + ActionItemFields.SEVERITY, "must be LOW, MEDIUM, HIGH or CRITICAL"));
        }
      }
      items.add(new ActionItem(title, owner, dueDate, sev));
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The QBR record has invalid data", errors);
    }
    return items;
  }

  /** What the action item's subprocess needs: owner, title and when to remind. */
  record ActionItemTask(String owner, String title, Instant remindAt) {}

  @Transactional(readOnly = true)
  public ActionItemTask actionItemTask(String riskItemId) {
    var item = risks.get(riskItemId, FactsAssembler.SYSTEM);
    LocalDate due = item.dueDate() == null ? today().plusDays(FOLLOW_UP_DAYS) : item.dueDate();
    return new ActionItemTask(
        item.owner(), item.title(), due.atTime(REMINDER_HOUR_UTC, 0).toInstant(ZoneOffset.UTC));
  }

  /** Task_SendActionItemReminder: records the reminder once (the risk item keeps it). */
  @Transactional
  public void remindActionItem(String riskItemId) {
    risks.recordReminder(riskItemId);
  }

  /** Task_CloseActionItem: the owner completed the task, so the risk item is DONE. */
  @Transactional
  public void closeActionItem(String riskItemId, String by) {
    risks.markDone(riskItemId, by);
  }

  /** Task_PublishRecognitionNotice: the vendor's team sees the RM's message (once per review). */
  @Transactional
  public void publishRecognition(String reviewId, String by, String message) {
    ReviewStore.Review review = store.find(reviewId).orElseThrow();
    boolean inserted =
        store.insertNotice(
            new ReviewStore.Notice(
                UUID.randomUUID().toString(),
                review.vendorId(),
                "RECOGNITION",
                "Recognition for " + review.periodLabel(),
                message == null || message.isBlank()
                    ? "Excellent results in " + review.periodLabel() + ": thank you, team!"
                    : cut(message.strip(), 4000),
                by == null ? SYSTEM : by,
                clock.instant(),
                reviewId));
    if (inserted) {
      auditLog.record(
          by == null ? SYSTEM : by, "VENDOR_RECOGNIZED", "quarterly_review", reviewId, null);
    }
  }

  /** Task_RecordImprovementPlan: stores the plan; the follow-up is due 30 days from now. */
  @Transactional
  public Instant recordImprovementPlan(String reviewId, String by, String plan, String targets) {
    ReviewStore.Review review = store.lock(reviewId).orElseThrow();
    if (review.followUpDueAt() != null) {
      return review.followUpDueAt();
    }
    Instant due = clock.instant().plus(Duration.ofDays(FOLLOW_UP_DAYS));
    store.planAgreed(reviewId, cut(plan, 4000), cut(targets, 2000), due);
    auditLog.record(
        by == null ? SYSTEM : by,
        "IMPROVEMENT_PLAN_AGREED",
        "quarterly_review",
        reviewId,
        "follow-up due " + due);
    return due;
  }

  /**
   * Task_StartFollowUpReview: a new review (kind FOLLOW_UP) of the 30 days since the plan, whose
   * previous total is the planned review's total; its own process instance (business key = its id).
   * Idempotent.
   */
  @Transactional
  public String startFollowUp(String reviewId) {
    ReviewStore.Review planned = store.lock(reviewId).orElseThrow();
    if (planned.followUpReviewId() != null) {
      return planned.followUpReviewId();
    }
    LocalDate to = today();
    Instant dueAt = planned.followUpDueAt() == null ? clock.instant() : planned.followUpDueAt();
    LocalDate from = LocalDate.ofInstant(dueAt, ZoneOffset.UTC).minusDays(FOLLOW_UP_DAYS);
    if (!to.isAfter(from)) {
      to = from.plusDays(1);
    }
    ReviewStore.Review followUp =
        newReview(
            planned.vendorId(),
            ReviewStore.Kind.FOLLOW_UP,
            from + ".." + to,
            from,
            to,
            planned.id(),
            "Follow-up of the improvement plan of review " + planned.id(),
            planned.total(),
            SYSTEM);
    store.insert(followUp);
    store.followUpStarted(planned.id(), followUp.id());
    VariableMap variables = Variables.createVariables();
    QuarterlyReviewProcess.REVIEW_ID.on(variables, followUp.id());
    QuarterlyReviewProcess.VENDOR_ID.on(variables, planned.vendorId());
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            QuarterlyReviewProcess.PROCESS_KEY, followUp.id(), variables);
    store.attachProcess(followUp.id(), instance.getId());
    auditLog.record(SYSTEM, "FOLLOW_UP_REVIEW_STARTED", "quarterly_review", followUp.id(), null);
    return followUp.id();
  }

  /** Task_ProposeTransition: publishes {@link TransitionProposed} in this transaction. */
  @Transactional
  public void proposeTransition(String reviewId) {
    ReviewStore.Review review = store.find(reviewId).orElseThrow();
    String reason =
        "QBR "
            + review.periodLabel()
            + ": balanced score "
            + number(review.total())
            + ", previous "
            + number(review.previousTotal())
            + (review.notes() == null ? "" : ". RM's notes: " + review.notes());
    events.publishEvent(
        new TransitionProposed(
            review.vendorId(),
            reviewId,
            cut(reason, 2000),
            review.heldBy() == null ? SYSTEM : review.heldBy(),
            clock.instant()));
    auditLog.record(
        review.heldBy() == null ? SYSTEM : review.heldBy(),
        "TRANSITION_PROPOSED",
        "quarterly_review",
        reviewId,
        cut(reason, 2000));
  }

  // --- reads
  // ---------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<ReviewView> list(String vendorId, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    return store.ofVendor(vendor.getId()).stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public ReviewView get(String reviewId, StewardPrincipal caller) {
    ReviewStore.Review review =
        store.find(reviewId).orElseThrow(() -> new NotFoundException("Review", reviewId));
    if (!caller.canSeeVendor(review.vendorId())) {
      throw new NotFoundException("Review", reviewId);
    }
    return view(review);
  }

  @Transactional(readOnly = true)
  public List<NoticeView> notices(String vendorId, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    return store.notices(vendor.getId()).stream().map(NoticeView::of).toList();
  }

  // --- helpers
  // -------------------------------------------------------------------------------------

  private Period quarterToReview(String text) {
    if (text == null || text.isBlank()) {
      return lastFullQuarter();
    }
    Period period;
    try {
      period = Period.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw InvalidDataException.of("period", "must be a quarter like 2026-Q3");
    }
    if (!period.isQuarter()) {
      throw InvalidDataException.of("period", "must be a quarter like 2026-Q3, not a month");
    }
    if (period.start().isAfter(clock.instant())) {
      throw InvalidDataException.of("period", "has not started yet");
    }
    return period;
  }

  /** The previous calendar quarter in UTC (at 03:00 on 1 October: Q3). */
  Period lastFullQuarter() {
    Period current = Period.quarterOf(clock.instant());
    return Period.quarterOf(current.start().minus(Duration.ofDays(1)));
  }

  private ReviewStore.Review newReview(
      String vendorId,
      ReviewStore.Kind kind,
      String label,
      LocalDate from,
      LocalDate to,
      String followsReviewId,
      String reason,
      Double previousTotal,
      String requestedBy) {
    return new ReviewStore.Review(
        UUID.randomUUID().toString(),
        vendorId,
        kind,
        label,
        from,
        to,
        ReviewStore.Status.PREPARING,
        null,
        previousTotal,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        followsReviewId,
        null,
        cut(reason, 2000),
        requestedBy,
        clock.instant(),
        null);
  }

  private ReviewView view(ReviewStore.Review review) {
    JsonNode node = null;
    if (review.facts() != null) {
      try {
        node = json.readTree(review.facts());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Unreadable facts of review " + review.id(), e);
      }
    }
    return ReviewView.of(review, node);
  }

  private String write(ReviewFacts value) {
    try {
      return cut(json.writeValueAsString(value), 8000);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String string(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  private static String number(Double value) {
    return value == null
        ? "n/a"
        : java.math.BigDecimal.valueOf(value)
            .setScale(2, java.math.RoundingMode.HALF_UP)
            .toPlainString();
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
