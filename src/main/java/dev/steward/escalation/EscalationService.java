package dev.steward.escalation;

import dev.steward.platform.AuditLog;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalations: filing (row and process instance in one transaction), scoped reads, and the state
 * changes the process delegates make. Every state change is guarded so a job that runs twice
 * changes nothing twice.
 */
@Service
public class EscalationService {

  private static final Logger log = LoggerFactory.getLogger(EscalationService.class);
  private static final String SYSTEM = "system";

  private final EscalationRepository escalations;
  private final IdempotencyKeyRepository idempotencyKeys;
  private final VendorService vendors;
  private final RuntimeService runtimeService;
  private final DecisionService decisionService;
  private final BrandBusinessHours brandHours;
  private final AuditLog auditLog;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final JdbcTemplate jdbc;

  EscalationService(
      EscalationRepository escalations,
      IdempotencyKeyRepository idempotencyKeys,
      VendorService vendors,
      RuntimeService runtimeService,
      DecisionService decisionService,
      BrandBusinessHours brandHours,
      AuditLog auditLog,
      Clock clock,
      PlatformTransactionManager transactionManager,
      ApplicationEventPublisher events,
      JdbcTemplate jdbc) {
    this.escalations = escalations;
    this.idempotencyKeys = idempotencyKeys;
    this.vendors = vendors;
    this.runtimeService = runtimeService;
    this.decisionService = decisionService;
    this.brandHours = brandHours;
    this.auditLog = auditLog;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    this.events = events;
    this.jdbc = jdbc;
  }

  /**
   * The outcome of filing: the escalation, and whether it was created now or replayed for an
   * Idempotency-Key.
   */
  public record Filed(EscalationView escalation, boolean replayed) {}

  /**
   * Files an escalation and starts its process. With an idempotency key, the same key from the same
   * user returns the first escalation, also when both requests arrive at once: the key's primary
   * key decides which one wins.
   */
  public Filed file(NewEscalation request, StewardPrincipal filer, String idempotencyKey) {
    if (idempotencyKey != null) {
      Optional<EscalationView> earlier = findByKey(filer.username(), idempotencyKey);
      if (earlier.isPresent()) {
        return new Filed(earlier.get(), true);
      }
    }
    try {
      return new Filed(
          transactions.execute(tx -> fileInTransaction(request, filer, idempotencyKey)), false);
    } catch (DataIntegrityViolationException | PessimisticLockingFailureException e) {
      if (idempotencyKey == null) {
        throw e;
      }
      // a concurrent request with the same key won: answer with its escalation
      for (int attempt = 0; attempt < 50; attempt++) {
        Optional<EscalationView> winner = findByKey(filer.username(), idempotencyKey);
        if (winner.isPresent()) {
          return new Filed(winner.get(), true);
        }
        sleep(100);
      }
      throw e;
    }
  }

  private EscalationView fileInTransaction(
      NewEscalation request, StewardPrincipal filer, String idempotencyKey) {
    Vendor vendor = vendorFor(request.vendorId(), filer);
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    if (idempotencyKey != null) {
      // first, so a concurrent duplicate blocks here rather than after starting a process
      idempotencyKeys.saveAndFlush(new IdempotencyKey(filer.username(), idempotencyKey, id, now));
    }
    Escalation escalation =
        new Escalation(
            id,
            vendor.getId(),
            request.severity(),
            request.category(),
            request.title().strip(),
            request.description().strip(),
            request.customerImpact().strip(),
            filer.username(),
            now);
    escalations.saveAndFlush(escalation);

    VariableMap variables = Variables.createVariables();
    EscalationProcess.ESCALATION_ID.on(variables, id);
    EscalationProcess.VENDOR_ID.on(variables, vendor.getId());
    EscalationProcess.SEVERITY.on(variables, request.severity().name());
    EscalationProcess.FILED_BY.on(variables, filer.username());
    EscalationProcess.RELATIONSHIP_MANAGER.on(variables, vendor.getRelationshipManager());
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(EscalationProcess.PROCESS_KEY, id, variables);
    Escalation stored = escalations.findById(id).orElseThrow();
    stored.started(instance.getId());
    auditLog.record(
        filer.username(),
        "ESCALATION_FILED",
        "escalation",
        id,
        request.severity() + " for vendor " + vendor.getCode());
    return EscalationView.of(stored);
  }

  private Vendor vendorFor(String vendorId, StewardPrincipal filer) {
    if (filer.isVendorScoped()) {
      // a lead files only for their own vendor; another vendor's id is "not found"
      return vendors.find(vendorId, filer);
    }
    return vendors
        .findForSystem(vendorId)
        .orElseThrow(
            () ->
                new InvalidDataException(
                    "The escalation has invalid data",
                    List.of(FieldError.field("vendorId", "no vendor has id '" + vendorId + "'"))));
  }

  private Optional<EscalationView> findByKey(String username, String key) {
    return transactions.execute(
        tx ->
            idempotencyKeys
                .findById(new IdempotencyKey.Id(username, key))
                .flatMap(k -> escalations.findById(k.getEscalationId()))
                .map(EscalationView::of));
  }

  @Transactional(readOnly = true)
  public List<EscalationView> list(
      StewardPrincipal caller, String vendorId, EscalationStatus status) {
    return escalations.findAllVisible(caller.scopeVendorId(), vendorId, status).stream()
        .map(EscalationView::of)
        .toList();
  }

  /**
   * Every vendor's open and breached escalations in one grouped query; vendors without escalations
   * are absent. Not scoped: for brand-wide pages (the executive dashboard).
   */
  @Transactional(readOnly = true)
  public Map<String, EscalationCounts> countsByVendor(Instant breachedSince) {
    Map<String, EscalationCounts> counts = new HashMap<>();
    for (Object[] row :
        escalations.countsByVendor(
            List.of(EscalationStatus.RESOLVED, EscalationStatus.CLOSED), breachedSince)) {
      counts.put(
          (String) row[0], new EscalationCounts(number(row[1]), number(row[2]), number(row[3])));
    }
    return counts;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  @Transactional(readOnly = true)
  public EscalationView get(String id, StewardPrincipal caller) {
    return escalations
        .findVisible(id, caller.scopeVendorId())
        .map(EscalationView::of)
        .orElseThrow(() -> new NotFoundException("Escalation", id));
  }

  // --- called by the process delegates
  // -----------------------------------------------------------------------

  /** Evaluates the SLA table for the severity and stores the due dates. */
  @Transactional
  public SlaDates determineSla(String escalationId, String severity) {
    Escalation escalation = load(escalationId);
    DmnDecisionRuleResult result =
        decisionService
            .evaluateDecisionTableByKey(EscalationProcess.SLA_DECISION_KEY)
            .variables(Map.of("severity", severity))
            .evaluate()
            .getSingleResult();
    if (result == null) {
      throw new IllegalStateException("The SLA table has no row for severity " + severity);
    }
    Duration response = Duration.ofHours(((Number) result.getEntry("responseHours")).longValue());
    Duration resolution =
        Duration.ofHours(((Number) result.getEntry("resolutionHours")).longValue());
    SlaDates dates = SlaDates.from(escalation.getFiledAt(), response, resolution);
    escalation.applySla(dates.responseDueAt(), dates.resolutionDueAt());
    return dates;
  }

  /** Whether the escalation arrived within the brand's business hours (else it goes to on-call). */
  @Transactional
  public boolean routeByBusinessHours(String escalationId) {
    Escalation escalation = load(escalationId);
    boolean within = brandHours.isWithin(escalation.getFiledAt());
    escalation.routed(within);
    return within;
  }

  @Transactional
  public void recordReminder(String escalationId) {
    Escalation escalation = load(escalationId);
    if (escalation.reminderSent(clock.instant())) {
      log.info(
          "Escalation {} ({}): first response due at {}, reminder sent",
          escalationId,
          escalation.getSeverity(),
          escalation.getResponseDueAt());
      auditLog.record(SYSTEM, "ESCALATION_REMINDER_SENT", "escalation", escalationId, null);
    }
  }

  @Transactional
  public void recordResponseBreach(String escalationId) {
    Escalation escalation = load(escalationId);
    if (escalation.responseBreached(clock.instant())) {
      auditLog.record(
          SYSTEM,
          "ESCALATION_RESPONSE_SLA_BREACHED",
          "escalation",
          escalationId,
          "moved to tier 2 (executives)");
    }
  }

  @Transactional
  public void recordFirstResponse(String escalationId, String by, String response) {
    Escalation escalation = load(escalationId);
    if (escalation.responded(clock.instant(), by, response)) {
      auditLog.record(
          by == null ? SYSTEM : by, "ESCALATION_RESPONDED", "escalation", escalationId, null);
    }
  }

  @Transactional
  public void recordResolutionBreach(String escalationId) {
    Escalation escalation = load(escalationId);
    if (escalation.resolutionBreached(clock.instant())) {
      auditLog.record(
          SYSTEM, "ESCALATION_RESOLUTION_SLA_BREACHED", "escalation", escalationId, null);
    }
  }

  @Transactional
  public void recordResolution(
      String escalationId, String by, String resolution, String rootCause, String detail) {
    Escalation escalation = load(escalationId);
    RootCause cause = rootCause == null ? RootCause.OTHER : RootCause.valueOf(rootCause);
    Instant now = clock.instant();
    if (escalation.resolved(now, resolution, cause, detail)) {
      auditLog.record(
          by == null ? SYSTEM : by,
          "ESCALATION_RESOLVED",
          "escalation",
          escalationId,
          "root cause " + cause);
      // the risk log records the root cause (once per escalation) in this transaction
      events.publishEvent(
          new EscalationResolved(
              escalationId,
              escalation.getVendorId(),
              escalation.getSeverity().name(),
              escalation.getTitle(),
              resolution,
              cause.name(),
              detail,
              by,
              now));
    }
  }

  @Transactional
  public void reopen(String escalationId, String feedback) {
    Escalation escalation = load(escalationId);
    if (escalation.reopened()) {
      auditLog.record(
          escalation.getFiledBy(), "ESCALATION_REOPENED", "escalation", escalationId, feedback);
    }
  }

  @Transactional
  public void close(String escalationId) {
    Escalation escalation = load(escalationId);
    if (escalation.closed(clock.instant())) {
      auditLog.record(SYSTEM, "ESCALATION_CLOSED", "escalation", escalationId, null);
    }
  }

  /**
   * Escalation SLA attainment of the vendor over {@code [from, to)}: first responses whose deadline
   * falls in the period and has passed by now, and how many of them came in time. For the quarterly
   * review; not scoped (the caller is the system).
   */
  @Transactional(readOnly = true)
  public ResponseSlaAttainment responseSlaAttainment(String vendorId, Instant from, Instant to) {
    Instant until = to.isBefore(clock.instant()) ? to : clock.instant();
    return jdbc.queryForObject(
        """
        select count(*),
               coalesce(sum(case when responded_at is not null and responded_at <= response_due_at
                                 then 1 else 0 end), 0)
        from escalation
        where vendor_id = ? and response_due_at >= ? and response_due_at < ?
        """,
        (rs, row) -> new ResponseSlaAttainment(rs.getLong(1), rs.getLong(2)),
        vendorId,
        java.sql.Timestamp.from(from),
        java.sql.Timestamp.from(until));
  }

  private Escalation load(String escalationId) {
    return escalations
        .findById(escalationId)
        .orElseThrow(() -> new IllegalStateException("No escalation " + escalationId));
  }

  static Date date(Instant instant) {
    return Date.from(instant);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
