package dev.steward.qa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.platform.AuditLog;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.qa.QaCalibrationProcess.RatingItem;
import dev.steward.qa.QaCalibrationStore.Audit;
import dev.steward.qa.QaCalibrationStore.Calibration;
import dev.steward.qa.QaCalibrationStore.Rating;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calibration sessions (kpis.md "Calibration"): starting one (rows and process instance in one
 * transaction), the audits the process prepares and the analysts submit, the report, and scoped
 * reads. Every step the process calls is idempotent, so a retried job changes nothing twice.
 */
@Service
public class QaCalibrationService {

  static final int MAX_COMMENT = 4000;
  private static final String SYSTEM = "system";

  private final QaCalibrationStore store;
  private final QaScorecardStore scorecards;
  private final VendorService vendors;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final AuditLog auditLog;
  private final Clock clock;
  private final ObjectMapper objectMapper;

  QaCalibrationService(
      QaCalibrationStore store,
      QaScorecardStore scorecards,
      VendorService vendors,
      IdentityService identityService,
      RuntimeService runtimeService,
      AuditLog auditLog,
      Clock clock,
      ObjectMapper objectMapper) {
    this.store = store;
    this.scorecards = scorecards;
    this.vendors = vendors;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.auditLog = auditLog;
    this.clock = clock;
    this.objectMapper = objectMapper;
  }

  // --- the API

  /**
   * Starts a session on the vendor's interactions with the analysts; the vendor's QA scorecard of
   * this moment is the one the session scores with.
   *
   * @throws InvalidDataException naming every bad interaction id and analyst
   */
  @Transactional
  public QaCalibrationView start(
      String vendorId, NewQaCalibration request, StewardPrincipal actor) {
    Vendor vendor = vendors.find(vendorId, actor);
    List<FieldError> errors = new ArrayList<>();
    List<String> interactionIds = checkInteractions(vendor.getId(), request, errors);
    List<String> analysts = checkAnalysts(request, errors);
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The calibration session has invalid data", errors);
    }
    String id = UUID.randomUUID().toString();
    QaScorecard scorecard = scorecards.forVendor(vendor.getId());
    store.insert(
        id, vendor.getId(), scorecard, interactionIds, analysts, actor.username(), clock.instant());
    VariableMap variables = Variables.createVariables();
    QaCalibrationProcess.CALIBRATION_ID.on(variables, id);
    QaCalibrationProcess.VENDOR_ID.on(variables, vendor.getId());
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(QaCalibrationProcess.PROCESS_KEY, id, variables);
    store.started(id, instance.getId());
    auditLog.record(
        actor.username(),
        "QA_CALIBRATION_STARTED",
        "qa-calibration",
        id,
        "vendor "
            + vendor.getCode()
            + ": interactions "
            + String.join(", ", interactionIds)
            + "; analysts "
            + String.join(", ", analysts));
    return view(store.find(id).orElseThrow());
  }

  private List<String> checkInteractions(
      String vendorId, NewQaCalibration request, List<FieldError> errors) {
    List<String> ids = request.interactionIds();
    if (ids == null || ids.isEmpty() || ids.size() > NewQaCalibration.MAX_INTERACTIONS) {
      errors.add(
          FieldError.field(
              "interactionIds",
              "must list 1 to "
                  + NewQaCalibration.MAX_INTERACTIONS
                  + " interactions of the vendor"
                  + (ids == null ? "" : " (" + ids.size() + " given)")));
      return List.of();
    }
    List<String> listed = ids.stream().filter(i -> i != null && !i.isBlank()).toList();
    Set<String> known = store.existingInteractions(vendorId, listed);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      String field = "interactionIds[" + i + "]";
      if (id == null || id.isBlank()) {
        errors.add(FieldError.field(field, "is required: an interaction id"));
      } else if (!seen.add(id)) {
        errors.add(FieldError.field(field, "'" + id + "' is listed twice"));
      } else if (!known.contains(id)) {
        errors.add(FieldError.field(field, "the vendor has no interaction '" + id + "'"));
      }
    }
    return List.copyOf(ids);
  }

  private List<String> checkAnalysts(NewQaCalibration request, List<FieldError> errors) {
    List<String> analysts = request.analysts();
    if (analysts == null
        || analysts.size() < NewQaCalibration.MIN_ANALYSTS
        || analysts.size() > NewQaCalibration.MAX_ANALYSTS) {
      errors.add(
          FieldError.field(
              "analysts",
              "must name "
                  + NewQaCalibration.MIN_ANALYSTS
                  + " to "
                  + NewQaCalibration.MAX_ANALYSTS
                  + " QA analysts"
                  + (analysts == null ? "" : " (" + analysts.size() + " given)")));
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < analysts.size(); i++) {
      String analyst = analysts.get(i);
      String field = "analysts[" + i + "]";
      if (analyst == null || analyst.isBlank()) {
        errors.add(FieldError.field(field, "is required: the user name of a QA analyst"));
      } else if (!seen.add(analyst)) {
        errors.add(FieldError.field(field, "'" + analyst + "' is listed twice"));
      } else if (identityService
              .createUserQuery()
              .userId(analyst)
              .memberOfGroup(Role.QA_ANALYST.groupId())
              .count()
          == 0) {
        errors.add(FieldError.field(field, "'" + analyst + "' is not a QA analyst"));
      }
    }
    return List.copyOf(analysts);
  }

  /** One session; 404 if it does not exist or its vendor is not the caller's to see. */
  @Transactional(readOnly = true)
  public QaCalibrationView get(String id, StewardPrincipal caller) {
    Calibration calibration =
        store.find(id).orElseThrow(() -> new NotFoundException("Calibration session", id));
    if (!caller.canSeeVendor(calibration.vendorId())) {
      throw new NotFoundException("Calibration session", id);
    }
    return view(calibration);
  }

  /** The vendor's sessions, newest first. */
  @Transactional(readOnly = true)
  public List<QaCalibrationView.Summary> list(String vendorId, StewardPrincipal caller) {
    vendors.find(vendorId, caller);
    return store.forVendor(vendorId).stream().map(this::summary).toList();
  }

  /** The vendor's first {@code count} interactions by id: the demo calibrates on them. */
  @Transactional(readOnly = true)
  public List<String> someInteractions(String vendorId, int count) {
    return store.someInteractions(vendorId, count);
  }

  /** Whether the vendor has any calibration session (the demo seeds one only once). */
  @Transactional(readOnly = true)
  public boolean hasSessions(String vendorId) {
    return !store.forVendor(vendorId).isEmpty();
  }

  // --- called by the process

  /** One audit per analyst and interaction, created once; their ids in a stable order. */
  @Transactional
  List<String> prepareAudits(String calibrationId) {
    store.lock(calibrationId);
    List<Audit> existing = store.audits(calibrationId);
    if (existing.isEmpty()) {
      int position = 0;
      for (String analyst : store.analysts(calibrationId)) {
        for (String interactionId : store.interactionIds(calibrationId)) {
          store.insertAudit(
              UUID.randomUUID().toString(), calibrationId, position++, interactionId, analyst);
        }
      }
      existing = store.audits(calibrationId);
    }
    return existing.stream().map(Audit::id).toList();
  }

  /** What an audit task shows its analyst: one item per category to rate, nothing rated yet. */
  record AuditTask(
      String calibrationId,
      String analyst,
      String interactionId,
      List<Map<String, Object>> ratings,
      String description) {}

  @Transactional(readOnly = true)
  AuditTask openAudit(String auditId) {
    Audit audit =
        store
            .audit(auditId)
            .orElseThrow(() -> new IllegalStateException("No calibration audit " + auditId));
    List<Map<String, Object>> items = new ArrayList<>();
    for (QaCategory c : store.scorecard(audit.calibrationId()).categories()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(RatingItem.CATEGORY, c.key());
      item.put(
          RatingItem.NAME,
          c.name() + " (" + c.min() + "–" + c.max() + (c.critical() ? ", critical" : "") + ")");
      item.put(RatingItem.RATING, null);
      item.put(RatingItem.NOT_APPLICABLE, false);
      items.add(item);
    }
    String description =
        "Audit interaction "
            + audit.interactionId()
            + " for calibration: rate every category on its scale or mark it N/A."
            + " The other analysts audit the same interaction; nobody sees anybody's ratings"
            + " until all audits are in.";
    return new AuditTask(
        audit.calibrationId(), audit.analyst(), audit.interactionId(), items, description);
  }

  /**
   * Scores an analyst's submitted audit against the session's scorecard and stores it. A second
   * submission of the same audit changes nothing.
   *
   * @param submittedBy who completed the task; {@code null} means the audit's analyst
   * @param ratings the form's dynamic list: a list of {@code {category, name, rating,
   *     notApplicable}} (or its JSON text)
   * @throws InvalidDataException naming every bad item, e.g. {@code ratings[2].rating}
   */
  @Transactional
  void submitAudit(String auditId, String submittedBy, Object ratings, String comment) {
    Audit audit =
        store
            .lockAudit(auditId)
            .orElseThrow(() -> new IllegalStateException("No calibration audit " + auditId));
    if (audit.submitted()) {
      return;
    }
    QaScorecard scorecard = store.scorecard(audit.calibrationId());
    List<FieldError> errors = new ArrayList<>();
    Map<String, Integer> rated = readRatings(scorecard, ratings, errors);
    String remarks = comment == null || comment.isBlank() ? null : comment.strip();
    if (remarks != null && remarks.length() > MAX_COMMENT) {
      errors.add(
          FieldError.field(
              QaCalibrationProcess.COMMENT.name(),
              "must have at most " + MAX_COMMENT + " characters"));
    }
    if (!errors.isEmpty()) {
      // the message names every problem too: Tasklist shows only the message of a refused
      // completion
      throw new InvalidDataException(
          "The calibration audit has invalid ratings: "
              + errors.stream()
                  .map(e -> e.field() + " " + e.message())
                  .collect(Collectors.joining("; ")),
          errors);
    }
    AuditScoring.Result result = AuditScoring.score(scorecard, rated);
    List<Rating> rows =
        scorecard.categories().stream()
            .map(
                c ->
                    new Rating(
                        auditId, c.key(), rated.get(c.key()), result.categoryScores().get(c.key())))
            .toList();
    String by = submittedBy == null ? audit.analyst() : submittedBy;
    store.submitted(auditId, rows, result, remarks, by, clock.instant());
    auditLog.record(
        by,
        "QA_CALIBRATION_AUDIT_SUBMITTED",
        "qa-calibration",
        audit.calibrationId(),
        "interaction "
            + audit.interactionId()
            + " by "
            + audit.analyst()
            + ": score "
            + result.score());
  }

  /**
   * The ratings per category key (N/A ones absent), after checking every item: each category of the
   * scorecard exactly once, rated on its scale or marked N/A.
   */
  private Map<String, Integer> readRatings(
      QaScorecard scorecard, Object submitted, List<FieldError> errors) {
    String field = QaCalibrationProcess.RATINGS.name();
    List<?> items = asList(submitted);
    if (items == null) {
      errors.add(
          FieldError.field(
              field, "is required: one item per category, rated or marked notApplicable"));
      return Map.of();
    }
    Map<String, Integer> rated = new HashMap<>();
    Set<String> seen = new HashSet<>();
    String categoryKeys =
        scorecard.categories().stream().map(QaCategory::key).collect(Collectors.joining(", "));
    for (int i = 0; i < items.size(); i++) {
      String at = field + "[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> item)) {
        errors.add(FieldError.field(at, "must be an object {category, rating, notApplicable}"));
        continue;
      }
      Object key = item.get(RatingItem.CATEGORY);
      if (!(key instanceof String category) || category.isBlank()) {
        errors.add(FieldError.field(at + "." + RatingItem.CATEGORY, "is required"));
        continue;
      }
      QaCategory c = scorecard.category(category).orElse(null);
      if (c == null) {
        errors.add(
            FieldError.field(
                at + "." + RatingItem.CATEGORY,
                "'"
                    + category
                    + "' is not a category of this scorecard; categories: "
                    + categoryKeys));
        continue;
      }
      if (!seen.add(category)) {
        errors.add(
            FieldError.field(at + "." + RatingItem.CATEGORY, "'" + category + "' is rated twice"));
        continue;
      }
      Object notApplicable = item.get(RatingItem.NOT_APPLICABLE);
      Object rating = item.get(RatingItem.RATING);
      String ratingField = at + "." + RatingItem.RATING;
      String scale = "a whole number from " + c.min() + " to " + c.max();
      if (notApplicable != null && !(notApplicable instanceof Boolean)) {
        errors.add(FieldError.field(at + "." + RatingItem.NOT_APPLICABLE, "must be true or false"));
      } else if (Boolean.TRUE.equals(notApplicable)) {
        if (rating != null) {
          errors.add(
              FieldError.field(ratingField, "must be empty when the category is marked N/A"));
        }
      } else if (rating == null) {
        errors.add(FieldError.field(ratingField, "is required: " + scale + ", or mark it N/A"));
      } else if (!(rating instanceof Number number)
          || number.doubleValue() != Math.rint(number.doubleValue())
          || number.doubleValue() < c.min()
          || number.doubleValue() > c.max()) {
        errors.add(FieldError.field(ratingField, "must be " + scale));
      } else {
        rated.put(category, number.intValue());
      }
    }
    List<String> missing =
        scorecard.categories().stream()
            .map(QaCategory::key)
            .filter(k -> !seen.contains(k))
            .toList();
    if (!missing.isEmpty()) {
      errors.add(
          FieldError.field(
              field,
              "every category must be rated or marked N/A; missing: "
                  + String.join(", ", missing)));
    }
    return rated;
  }

  /** The dynamic list as submitted: a list (task API), or JSON text (e.g. Spin JSON). */
  private List<?> asList(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list;
    }
    try {
      Object parsed = objectMapper.readValue(value.toString(), Object.class);
      return parsed instanceof List<?> list ? list : List.of(parsed);
    } catch (JsonProcessingException e) {
      return List.of(value);
    }
  }

  /** Computes the report from the submitted audits and completes the session, once. */
  @Transactional
  void computeReport(String calibrationId) {
    Calibration calibration = store.lock(calibrationId);
    if (QaCalibrationStore.COMPLETE.equals(calibration.status())) {
      return;
    }
    QaScorecard scorecard = store.scorecard(calibrationId);
    Map<String, Map<String, Double>> categoryScores = new HashMap<>();
    for (Rating rating : store.ratings(calibrationId)) {
      if (rating.categoryScore() != null) {
        categoryScores
            .computeIfAbsent(rating.auditId(), a -> new LinkedHashMap<>())
            .put(rating.category(), rating.categoryScore());
      }
    }
    List<CalibrationStatistics.ScoredAudit> scored =
        store.audits(calibrationId).stream()
            .filter(Audit::submitted)
            .map(
                a ->
                    new CalibrationStatistics.ScoredAudit(
                        a.analyst(),
                        a.interactionId(),
                        categoryScores.getOrDefault(a.id(), Map.of()),
                        a.score()))
            .toList();
    CalibrationStatistics.Report report =
        CalibrationStatistics.of(
            scorecard.categories().stream().map(QaCategory::key).toList(),
            store.analysts(calibrationId),
            store.interactionIds(calibrationId),
            scored);
    store.storeReport(calibrationId, report, clock.instant());
    auditLog.record(
        SYSTEM,
        "QA_CALIBRATION_REPORTED",
        "qa-calibration",
        calibrationId,
        report.analysts().stream()
            .map(a -> a.analyst() + " alignment " + a.alignment())
            .collect(Collectors.joining("; ")));
  }

  // --- views

  private QaCalibrationView.Summary summary(Calibration c) {
    Map<String, int[]> progress = store.progress(c.id());
    return new QaCalibrationView.Summary(
        c.id(),
        c.vendorId(),
        c.status(),
        c.requestedBy(),
        c.requestedAt(),
        c.completedAt(),
        store.interactionIds(c.id()),
        List.copyOf(progress.keySet()),
        progress.values().stream().mapToInt(p -> p[0]).sum(),
        progress.values().stream().mapToInt(p -> p[1]).sum());
  }

  private QaCalibrationView view(Calibration c) {
    QaScorecard scorecard = store.scorecard(c.id());
    Map<String, int[]> progress = store.progress(c.id());
    List<QaCalibrationView.AnalystProgress> analysts =
        progress.entrySet().stream()
            .map(
                e ->
                    new QaCalibrationView.AnalystProgress(
                        e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList();
    QaCalibrationView.Report report =
        QaCalibrationStore.COMPLETE.equals(c.status()) ? report(c.id(), scorecard) : null;
    return new QaCalibrationView(
        c.id(),
        c.vendorId(),
        c.status(),
        c.requestedBy(),
        c.requestedAt(),
        c.completedAt(),
        c.processInstanceId(),
        QaCalibrationView.answer(c.passMark()),
        QaScorecardView.categories(scorecard),
        store.interactionIds(c.id()),
        analysts,
        analysts.stream().mapToInt(QaCalibrationView.AnalystProgress::submittedAudits).sum(),
        analysts.stream().mapToInt(QaCalibrationView.AnalystProgress::totalAudits).sum(),
        report);
  }

  private QaCalibrationView.Report report(String id, QaScorecard scorecard) {
    Map<String, String> names = new HashMap<>();
    scorecard.categories().forEach(c -> names.put(c.key(), c.name()));
    List<QaCalibrationView.CategorySpread> categories =
        store.categoryResults(id).stream()
            .map(
                r ->
                    new QaCalibrationView.CategorySpread(
                        r.category(),
                        names.get(r.category()),
                        QaCalibrationView.answer(r.standardDeviation()),
                        r.ratedCount() == null ? 0 : r.ratedCount()))
            .toList();
    List<QaCalibrationView.AnalystAlignment> analysts =
        store.analystResults(id).stream()
            .map(
                r ->
                    new QaCalibrationView.AnalystAlignment(
                        r.analyst(),
                        QaCalibrationView.answer(r.alignment()),
                        r.comparedInteractions() == null ? 0 : r.comparedInteractions()))
            .toList();
    List<QaCalibrationView.InteractionMedian> interactions =
        store.interactionResults(id).stream()
            .map(
                r ->
                    new QaCalibrationView.InteractionMedian(
                        r.interactionId(),
                        QaCalibrationView.answer(r.medianScore()),
                        r.scoredAudits() == null ? 0 : r.scoredAudits()))
            .toList();
    Map<String, List<QaCalibrationView.CategoryRating>> ratings = new HashMap<>();
    for (Rating r : store.ratings(id)) {
      ratings
          .computeIfAbsent(r.auditId(), a -> new ArrayList<>())
          .add(
              new QaCalibrationView.CategoryRating(
                  r.category(),
                  r.rating(),
                  r.rating() == null,
                  QaCalibrationView.answer(r.categoryScore())));
    }
    List<QaCalibrationView.AuditResult> audits =
        store.audits(id).stream()
            .filter(Audit::submitted)
            .map(
                a ->
                    new QaCalibrationView.AuditResult(
                        a.analyst(),
                        a.interactionId(),
                        QaCalibrationView.answer(a.score()),
                        a.passed(),
                        a.autoFailed(),
                        a.remarks(),
                        ratings.getOrDefault(a.id(), List.of())))
            .toList();
    return new QaCalibrationView.Report(categories, analysts, interactions, audits);
  }
}
