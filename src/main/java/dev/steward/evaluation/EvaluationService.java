package dev.steward.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.evaluation.EvaluationProcess.ScoreItem;
import dev.steward.evaluation.EvaluationStore.CandidateRow;
import dev.steward.evaluation.EvaluationStore.EvaluatorRow;
import dev.steward.evaluation.EvaluationStore.RatingRow;
import dev.steward.evaluation.EvaluationStore.RoundRow;
import dev.steward.platform.AuditLog;
import dev.steward.platform.ConflictException;
import dev.steward.platform.DecisionLog;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.LifecyclePhase;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluation rounds: opening one (rows and process instance in one transaction), bids, scoped
 * reads, and the steps the process takes: closing the bids, storing each evaluator's ratings,
 * ranking, and recording the executive's selection. Every step the process repeats on a retried job
 * changes nothing twice.
 */
@Service
public class EvaluationService {

  /** Who may evaluate: relationship managers, executives and QA analysts. */
  static final Set<String> EVALUATOR_GROUPS =
      Set.of(
          Role.RELATIONSHIP_MANAGER.groupId(), Role.EXECUTIVE.groupId(), Role.QA_ANALYST.groupId());

  private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000000");

  private final EvaluationStore store;
  private final VendorService vendors;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final AuditLog auditLog;
  private final Clock clock;
  private final ObjectMapper json;
  private final DecisionLog decisionLog;
  private final HistoryService historyService;

  EvaluationService(
      EvaluationStore store,
      VendorService vendors,
      IdentityService identityService,
      RuntimeService runtimeService,
      AuditLog auditLog,
      Clock clock,
      ObjectMapper json,
      DecisionLog decisionLog,
      HistoryService historyService) {
    this.store = store;
    this.vendors = vendors;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.auditLog = auditLog;
    this.clock = clock;
    this.json = json;
    this.decisionLog = decisionLog;
    this.historyService = historyService;
  }

  /**
   * Opens a round and starts its process. 422 naming every problem: name, criteria, candidates
   * (must exist and be in phase EVALUATION), evaluators (RMs, executives or QA analysts), due date
   * (in the future).
   */
  @Transactional
  public EvaluationView open(NewEvaluation request, StewardPrincipal actor) {
    List<FieldError> errors = new ArrayList<>();
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      errors.add(FieldError.field("name", "1-200 characters"));
    }
    List<Criterion> criteria =
        request.criteria() == null ? EvaluationCriteria.defaults() : request.criteria();
    errors.addAll(EvaluationCriteria.problems(criteria));
    List<String> candidates = distinct(request.candidateVendorIds());
    if (candidates.isEmpty()) {
      errors.add(FieldError.field("candidateVendorIds", "name at least one vendor"));
    }
    for (int i = 0; i < candidates.size(); i++) {
      String vendorId = candidates.get(i);
      Optional<Vendor> vendor =
          vendorId == null ? Optional.empty() : vendors.findForSystem(vendorId);
      String field = "candidateVendorIds[" + i + "]";
      if (vendor.isEmpty()) {
        errors.add(FieldError.field(field, "no vendor has id '" + vendorId + "'"));
      } else if (vendor.get().getLifecyclePhase() != LifecyclePhase.EVALUATION) {
        errors.add(
            FieldError.field(
                field,
                vendor.get().getCode()
                    + " is in phase "
                    + vendor.get().getLifecyclePhase()
                    + "; only vendors in phase EVALUATION can be candidates"));
      }
    }
    List<String> evaluators = distinct(request.evaluators());
    if (evaluators.isEmpty()) {
      errors.add(FieldError.field("evaluators", "name at least one evaluator"));
    }
    for (int i = 0; i < evaluators.size(); i++) {
      String username = evaluators.get(i);
      if (username == null || !isEvaluator(username)) {
        errors.add(
            FieldError.field(
                "evaluators[" + i + "]",
                "'" + username + "' is not a relationship manager, executive or QA analyst"));
      }
    }
    Instant now = now();
    if (request.dueAt() != null && !request.dueAt().isAfter(now)) {
      errors.add(FieldError.field("dueAt", "must be in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The evaluation round has invalid data", errors);
    }

    String id = UUID.randomUUID().toString();
    Instant dueAt = request.dueAt() == null ? null : request.dueAt().truncatedTo(ChronoUnit.MICROS);
    store.insertRound(id, name, dueAt, now, actor.username(), criteria, candidates, evaluators);
    VariableMap variables = Variables.createVariables();
    EvaluationProcess.ROUND_ID.on(variables, id);
    EvaluationProcess.ROUND_OWNER.on(variables, actor.username());
    EvaluationProcess.EVALUATORS.on(variables, evaluators);
    EvaluationProcess.DUE_AT.on(variables, dueAt == null ? null : Date.from(dueAt));
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(EvaluationProcess.PROCESS_KEY, id, variables);
    store.started(id, instance.getId());
    auditLog.record(
        actor.username(),
        "EVALUATION_OPENED",
        "evaluation",
        id,
        name + "; candidates " + candidates.size() + "; evaluators " + evaluators);
    return view(load(id), actor);
  }

  /** Enters or replaces a candidate's bid while the round takes bids (409 afterwards). */
  @Transactional
  public EvaluationView.Candidate putBid(
      String roundId, String vendorId, NewBid bid, StewardPrincipal actor) {
    RoundRow round = store.lock(roundId).orElseThrow(() -> notFound(roundId));
    CandidateRow candidate =
        store.candidates(roundId).stream()
            .filter(c -> c.vendorId().equals(vendorId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Candidate vendor", vendorId));
    BigDecimal price = bid.monthlyPrice();
    if (price == null
        || price.signum() <= 0
        || price.stripTrailingZeros().scale() > 2
        || price.compareTo(MAX_PRICE) >= 0) {
      throw InvalidDataException.of(
          "monthlyPrice", "a price above 0 and below 1,000,000,000,000 with at most 2 decimals");
    }
    if (round.status() != RoundStatus.BIDDING) {
      throw new ConflictException(
          "The bids of this round are closed (status " + round.status() + ")");
    }
    store.putBid(roundId, vendorId, price, now(), actor.username());
    auditLog.record(
        actor.username(),
        "EVALUATION_BID_ENTERED",
        "evaluation",
        roundId,
        candidate.vendorCode() + " monthly " + price.toPlainString());
    return store.candidates(roundId).stream()
        .filter(c -> c.vendorId().equals(vendorId))
        .map(EvaluationService::candidateView)
        .findFirst()
        .orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<EvaluationSummary> list(StewardPrincipal caller) {
    return store.rounds().stream()
        .map(
            r -> {
              List<EvaluatorRow> evaluators = store.evaluators(r.id());
              return new EvaluationSummary(
                  r.id(),
                  r.name(),
                  r.status(),
                  r.createdAt(),
                  r.createdBy(),
                  r.dueAt(),
                  store.candidates(r.id()).size(),
                  evaluators.size(),
                  (int) evaluators.stream().filter(e -> e.submittedAt() != null).count());
            })
        .toList();
  }

  @Transactional(readOnly = true)
  public EvaluationView get(String roundId, StewardPrincipal caller) {
    return view(load(roundId), caller);
  }

  /** The ranking; 409 while the round is not ranked yet. */
  @Transactional(readOnly = true)
  public RankingView ranking(String roundId) {
    RoundRow round = load(roundId);
    if (!round.status().isRanked()) {
      long submitted =
          store.evaluators(roundId).stream().filter(e -> e.submittedAt() != null).count();
      throw new ConflictException(
          "The round is not ranked yet (status "
              + round.status()
              + ", "
              + submitted
              + " of "
              + store.evaluators(roundId).size()
              + " evaluators submitted)");
    }
    return new RankingView(
        round.id(),
        round.name(),
        round.status(),
        round.rankedAt(),
        store.criteria(roundId),
        rounded(readRanking(round.ranking())));
  }

  // --- called by the process
  // -----------------------------------------------------------------------------------

  /**
   * Closes the bids when the RM confirms them: refused (422, naming the vendors) while a candidate
   * has no bid. Does nothing once the bids are closed.
   */
  @Transactional
  public void closeBidding(String roundId, String by) {
    RoundRow round = store.lock(roundId).orElseThrow(() -> missing(roundId));
    if (round.status() != RoundStatus.BIDDING) {
      return;
    }
    List<CandidateRow> withoutBid =
        store.candidates(roundId).stream().filter(c -> c.monthlyPrice() == null).toList();
    if (!withoutBid.isEmpty()) {
      throw new InvalidDataException(
          "Bids are missing for "
              + withoutBid.stream().map(CandidateRow::vendorCode).collect(Collectors.joining(", "))
              + "; enter them with PUT /api/evaluations/"
              + roundId
              + "/bids/{vendorId} first",
          withoutBid.stream()
              .map(
                  c ->
                      FieldError.field(
                          "bids." + c.vendorCode(),
                          "no monthly price for " + c.vendorCode() + " (" + c.vendorName() + ")"))
              .toList());
    }
    store.closeBidding(roundId, now(), by);
    auditLog.record(
        by == null ? "system" : by, "EVALUATION_BIDS_CLOSED", "evaluation", roundId, null);
  }

  /**
   * An evaluator's empty score sheet: one item per candidate and rated criterion, in the round's
   * order, as the form's dynamic list shows it.
   */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> scoreSheet(String roundId) {
    List<Criterion> criteria = store.criteria(roundId);
    List<Map<String, Object>> items = new ArrayList<>();
    for (CandidateRow candidate : store.candidates(roundId)) {
      for (Criterion criterion : criteria) {
        if (criterion.isPrice()) {
          continue;
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(ScoreItem.VENDOR_CODE, candidate.vendorCode());
        item.put(ScoreItem.VENDOR_NAME, candidate.vendorName());
        item.put(ScoreItem.CRITERION, criterion.key());
        item.put(ScoreItem.CRITERION_NAME, criterion.name());
        item.put(ScoreItem.RATING, null);
        item.put(ScoreItem.SKIPPED, false);
        items.add(item);
      }
    }
    return items;
  }

  /**
   * Stores an evaluator's submitted score sheet: every candidate rated 1-5 or skipped on every
   * rated criterion, exactly once. 422 naming every problem otherwise (the task stays open).
   */
  @Transactional
  public void recordScores(String roundId, String evaluator, List<Map<String, Object>> items) {
    store.lock(roundId).orElseThrow(() -> missing(roundId));
    Map<String, CandidateRow> byCode = new LinkedHashMap<>();
    store.candidates(roundId).forEach(c -> byCode.put(c.vendorCode(), c));
    List<Criterion> rated = store.criteria(roundId).stream().filter(c -> !c.isPrice()).toList();
    Set<String> ratedKeys = rated.stream().map(Criterion::key).collect(Collectors.toSet());

    List<FieldError> errors = new ArrayList<>();
    List<RatingRow> ratings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Map<String, Object>> list = items == null ? List.of() : items;
    for (int i = 0; i < list.size(); i++) {
      Map<String, Object> item = list.get(i);
      String field = "scores[" + i + "]";
      String code = text(item.get(ScoreItem.VENDOR_CODE));
      String criterion = text(item.get(ScoreItem.CRITERION));
      CandidateRow candidate = code == null ? null : byCode.get(code);
      boolean valid = true;
      if (candidate == null) {
        errors.add(
            FieldError.field(
                field + "." + ScoreItem.VENDOR_CODE,
                "'" + code + "' is not a candidate; candidates: " + byCode.keySet()));
        valid = false;
      }
      if (criterion == null || !ratedKeys.contains(criterion)) {
        errors.add(
            FieldError.field(
                field + "." + ScoreItem.CRITERION,
                "'" + criterion + "' is not a rated criterion; rated criteria: " + ratedKeys));
        valid = false;
      }
      if (valid && !seen.add(code + "/" + criterion)) {
        errors.add(FieldError.field(field, code + " on " + criterion + " is rated more than once"));
        valid = false;
      }
      boolean skipped = Boolean.TRUE.equals(item.get(ScoreItem.SKIPPED));
      Object rating = item.get(ScoreItem.RATING);
      Integer value = null;
      if (skipped && rating != null) {
        errors.add(
            FieldError.field(field + "." + ScoreItem.RATING, "rate it or skip it, not both"));
        valid = false;
      } else if (!skipped) {
        if (rating instanceof Number n
            && n.doubleValue() == Math.rint(n.doubleValue())
            && n.intValue() >= 1
            && n.intValue() <= 5) {
          value = n.intValue();
        } else {
          errors.add(
              FieldError.field(
                  field + "." + ScoreItem.RATING,
                  rating == null
                      ? "rate it 1-5, or skip it"
                      : "must be a whole number from 1 to 5"));
          valid = false;
        }
      }
      if (valid) {
        ratings.add(new RatingRow(evaluator, candidate.vendorId(), criterion, value));
      }
    }
    for (CandidateRow candidate : byCode.values()) {
      for (Criterion criterion : rated) {
        if (!seen.contains(candidate.vendorCode() + "/" + criterion.key())) {
          errors.add(
              FieldError.field(
                  "scores",
                  "no rating for "
                      + candidate.vendorCode()
                      + " on "
                      + criterion.key()
                      + ": rate it 1-5, or skip it"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The score sheet is incomplete or invalid", errors);
    }
    store.replaceRatings(roundId, evaluator, ratings, now());
    auditLog.record(
        evaluator,
        "EVALUATION_SCORES_SUBMITTED",
        "evaluation",
        roundId,
        ratings.size()
            + " ratings, "
            + ratings.stream().filter(r -> r.rating() == null).count()
            + " skipped");
  }

  /**
   * Ranks the candidates (kpis.md) from the stored ratings and bids and stores the ranking. Once
   * ranked, answers with the stored ranking: a retried job computes nothing twice.
   */
  @Transactional
  public Ranking rank(String roundId) {
    RoundRow round = store.lock(roundId).orElseThrow(() -> missing(roundId));
    List<RankingEntry> entries;
    if (round.status().isRanked()) {
      entries = readRanking(round.ranking());
    } else {
      List<RfpRanking.Candidate> candidates =
          store.candidates(roundId).stream()
              .map(
                  c ->
                      new RfpRanking.Candidate(
                          c.vendorId(), c.vendorCode(), c.vendorName(), c.monthlyPrice()))
              .toList();
      List<RfpRanking.Rating> ratings =
          store.ratings(roundId).stream()
              .map(
                  r -> new RfpRanking.Rating(r.username(), r.vendorId(), r.criterion(), r.rating()))
              .toList();
      entries =
          RfpRanking.rank(store.criteria(roundId), candidates, ratings).stream()
              .map(RankingEntry::of)
              .toList();
      store.ranked(roundId, writeRanking(entries), now());
      auditLog.record(
          "system",
          "EVALUATION_RANKED",
          "evaluation",
          roundId,
          entries.stream()
              .map(
                  e ->
                      e.rank() + ". " + e.vendorCode() + " " + plain(RankingEntry.round(e.total())))
              .collect(Collectors.joining("; ")));
    }
    return new Ranking(summary(round.name(), store.criteria(roundId), entries), options(entries));
  }

  /** What the selection task shows: the ranking as text, and the checklist's options. */
  public record Ranking(String summary, List<Map<String, Object>> options) {}

  /**
   * Checks the executive's selection before their task completes: every code must be a candidate of
   * the round (422 otherwise).
   */
  @Transactional(readOnly = true)
  public void checkSelection(String roundId, String selectedCodes) {
    resolveSelection(roundId, selectedCodes);
  }

  /** Who was selected for a pilot and who was not: vendor ids. */
  public record PilotSelection(List<String> selected, List<String> notSelected) {}

  /**
   * Records the executive's selection with the ranking they saw and marks the candidates. Empty if
   * it was recorded already (a retried job): the caller then notifies nobody again.
   */
  @Transactional
  public Optional<PilotSelection> recordSelection(
      String roundId, String selectedCodes, String reason, String by) {
    RoundRow round = store.lock(roundId).orElseThrow(() -> missing(roundId));
    if (store.selection(roundId).isPresent()) {
      return Optional.empty();
    }
    if (!round.status().isRanked()) {
      throw new IllegalStateException("Round " + roundId + " is not ranked: " + round.status());
    }
    PilotSelection selection = resolveSelection(roundId, selectedCodes);
    String who = by == null ? "system" : by;
    Instant decidedAt = now();
    store.decided(roundId, who, decidedAt, reason, round.ranking(), selection.selected());
    recordDecisions(round, selection, who, decidedAt, reason);
    auditLog.record(
        who,
        "EVALUATION_SELECTION_RECORDED",
        "evaluation",
        roundId,
        "selected "
            + codes(roundId, selection.selected())
            + "; not selected "
            + codes(roundId, selection.notSelected())
            + "; reason: "
            + reason);
    return Optional.of(selection);
  }

  /**
   * The decision record (one per candidate: SELECTED or NOT_SELECTED) with the ranking the
   * executive saw; written once, with the selection.
   */
  private void recordDecisions(
      RoundRow round, PilotSelection selection, String who, Instant at, String reason) {
    String shown =
        summary(round.name(), store.criteria(round.id()), readRanking(round.ranking())).strip();
    String taskId = selectionTaskId(round.processInstanceId());
    for (CandidateRow candidate : store.candidates(round.id())) {
      boolean selected = selection.selected().contains(candidate.vendorId());
      decisionLog.record(
          new DecisionLog.Decision(
              candidate.vendorId(),
              DecisionLog.Kind.VENDOR_SELECTION,
              selected ? "SELECTED" : "NOT_SELECTED",
              who,
              at,
              reason,
              shown,
              round.processInstanceId(),
              taskId,
              round.id()));
    }
  }

  /** The executive's selection task (completed before the async recording step), if any. */
  private String selectionTaskId(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    return historyService
        .createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(EvaluationProcess.Elements.SELECT_FOR_PILOT)
        .orderByHistoricActivityInstanceStartTime()
        .desc()
        .list()
        .stream()
        .findFirst()
        .map(HistoricTaskInstance::getId)
        .orElse(null);
  }

  // --- helpers

  private PilotSelection resolveSelection(String roundId, String selectedCodes) {
    List<CandidateRow> candidates = store.candidates(roundId);
    Map<String, String> idsByCode = new HashMap<>();
    candidates.forEach(c -> idsByCode.put(c.vendorCode(), c.vendorId()));
    Set<String> selected = new LinkedHashSet<>();
    List<FieldError> errors = new ArrayList<>();
    if (selectedCodes != null && !selectedCodes.isBlank()) {
      for (String code : Arrays.stream(selectedCodes.split(",")).map(String::strip).toList()) {
        if (code.isEmpty()) {
          continue;
        }
        String id = idsByCode.get(code);
        if (id == null) {
          errors.add(
              FieldError.field(
                  EvaluationProcess.SELECTED_VENDOR_CODES.name(),
                  "'" + code + "' is not a candidate; candidates: " + idsByCode.keySet()));
        } else {
          selected.add(id);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The selection names vendors that are not candidates", errors);
    }
    List<String> notSelected =
        candidates.stream()
            .map(CandidateRow::vendorId)
            .filter(id -> !selected.contains(id))
            .toList();
    return new PilotSelection(List.copyOf(selected), notSelected);
  }

  private String codes(String roundId, List<String> vendorIds) {
    Map<String, String> codes = new HashMap<>();
    store.candidates(roundId).forEach(c -> codes.put(c.vendorId(), c.vendorCode()));
    return vendorIds.isEmpty()
        ? "none"
        : vendorIds.stream().map(codes::get).collect(Collectors.joining(", "));
  }

  private EvaluationView view(RoundRow round, StewardPrincipal caller) {
    String id = round.id();
    List<CandidateRow> candidates = store.candidates(id);
    Map<String, String> codes = new HashMap<>();
    candidates.forEach(c -> codes.put(c.vendorId(), c.vendorCode()));
    Map<String, List<RatingRow>> ratingsByEvaluator =
        store.ratings(id).stream().collect(Collectors.groupingBy(RatingRow::username));
    List<EvaluationView.Evaluator> evaluators = new ArrayList<>();
    for (EvaluatorRow e : store.evaluators(id)) {
      boolean submitted = e.submittedAt() != null;
      // before the ranking nobody sees another evaluator's numbers; your own once you submitted
      boolean visible =
          submitted && (round.status().isRanked() || e.username().equals(caller.username()));
      List<EvaluationView.Score> scores =
          visible
              ? ratingsByEvaluator.getOrDefault(e.username(), List.of()).stream()
                  .map(
                      r ->
                          new EvaluationView.Score(
                              r.vendorId(),
                              codes.get(r.vendorId()),
                              r.criterion(),
                              r.rating(),
                              r.rating() == null))
                  .sorted(
                      Comparator.comparing(EvaluationView.Score::vendorCode)
                          .thenComparing(EvaluationView.Score::criterion))
                  .toList()
              : null;
      evaluators.add(
          new EvaluationView.Evaluator(
              e.username(), submitted ? "SUBMITTED" : "PENDING", e.submittedAt(), scores));
    }
    List<RankingEntry> ranking =
        round.status().isRanked() ? rounded(readRanking(round.ranking())) : null;
    EvaluationView.Selection selection =
        store
            .selection(id)
            .map(
                s ->
                    new EvaluationView.Selection(
                        s.selectedBy(),
                        s.selectedAt(),
                        s.reason(),
                        candidates.stream()
                            .filter(c -> Boolean.TRUE.equals(c.selected()))
                            .map(CandidateRow::vendorId)
                            .toList(),
                        rounded(readRanking(s.rankingShown()))))
            .orElse(null);
    return new EvaluationView(
        id,
        round.name(),
        round.status(),
        round.dueAt(),
        round.createdAt(),
        round.createdBy(),
        round.processInstanceId(),
        round.bidsClosedAt(),
        store.criteria(id),
        candidates.stream().map(EvaluationService::candidateView).toList(),
        evaluators,
        ranking,
        selection);
  }

  private static EvaluationView.Candidate candidateView(CandidateRow c) {
    return new EvaluationView.Candidate(
        c.vendorId(),
        c.vendorCode(),
        c.vendorName(),
        c.monthlyPrice(),
        c.bidAt(),
        c.bidBy(),
        c.selected());
  }

  static String summary(String roundName, List<Criterion> criteria, List<RankingEntry> entries) {
    Map<String, String> names = new HashMap<>();
    criteria.forEach(c -> names.put(c.key(), c.name()));
    StringBuilder text =
        new StringBuilder("Ranking of \"")
            .append(roundName)
            .append("\" (weighted RFP matrix, total out of 100):\n\n");
    for (RankingEntry e : entries) {
      text.append(e.rank())
          .append(". ")
          .append(e.vendorCode())
          .append(" (")
          .append(e.vendorName())
          .append("): ")
          .append(e.total() == null ? "no total" : plain(RankingEntry.round(e.total())))
          .append(", bid ")
          .append(e.monthlyPrice() == null ? "none" : money(e.monthlyPrice()))
          .append(" per month");
      if (!e.unrated().isEmpty()) {
        text.append("; nobody rated ")
            .append(
                e.unrated().stream()
                    .map(k -> names.getOrDefault(k, k))
                    .collect(Collectors.joining(", ")))
            .append(" (left out of its total)");
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static List<Map<String, Object>> options(List<RankingEntry> entries) {
    List<Map<String, Object>> options = new ArrayList<>();
    for (RankingEntry e : entries) {
      Map<String, Object> option = new LinkedHashMap<>();
      option.put(
          "label",
          e.rank()
              + ". "
              + e.vendorCode()
              + " ("
              + (e.total() == null ? "no total" : plain(RankingEntry.round(e.total())))
              + ")");
      option.put("value", e.vendorCode());
      options.add(option);
    }
    return options;
  }

  private static String plain(BigDecimal value) {
    return value.toPlainString();
  }

  private static String money(BigDecimal value) {
    return String.format(Locale.ROOT, "%,.2f", value);
  }

  private List<RankingEntry> readRanking(String text) {
    if (text == null) {
      return List.of();
    }
    try {
      return json.readValue(text, new TypeReference<List<RankingEntry>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored ranking is unreadable", e);
    }
  }

  private String writeRanking(List<RankingEntry> entries) {
    try {
      return json.writeValueAsString(entries);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store the ranking", e);
    }
  }

  private static List<RankingEntry> rounded(List<RankingEntry> entries) {
    return entries.stream().map(RankingEntry::rounded).toList();
  }

  private boolean isEvaluator(String username) {
    return identityService.createGroupQuery().groupMember(username).list().stream()
        .map(Group::getId)
        .anyMatch(EVALUATOR_GROUPS::contains);
  }

  private RoundRow load(String roundId) {
    return store.round(roundId).orElseThrow(() -> notFound(roundId));
  }

  private static NotFoundException notFound(String roundId) {
    return new NotFoundException("Evaluation round", roundId);
  }

  private static IllegalStateException missing(String roundId) {
    return new IllegalStateException("No evaluation round " + roundId);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString().strip();
  }

  private static <T> List<T> distinct(List<T> values) {
    return values == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(values));
  }
}
