package dev.steward.qa;

import dev.steward.platform.AuditLog;
import dev.steward.platform.InvalidDataException;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work of the QA cycle process, one method per step, each in the job's (or the completing
 * user's) transaction. Every step is idempotent: a retried job changes nothing twice.
 */
@Service
class QaCycleSteps {

  static final String SYSTEM = "system";

  /** Most categories the coaching brief names. */
  static final int COACHING_FOCUS = 3;

  /** Task descriptions and string variables stay below the engine's 4,000-character columns. */
  static final int BRIEF_LIMIT = 3_900;

  static final int FEEDBACK_LIMIT = 4_000;
  static final int DECISION_NOTE_LIMIT = 2_000;

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final QaStore store;
  private final QaPoints points;
  private final InteractionSampler sampler;
  private final QaScorecardStore scorecards;
  private final VendorService vendors;
  private final AuditLog auditLog;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Duration disputeWindow;

  QaCycleSteps(
      QaStore store,
      QaPoints points,
      InteractionSampler sampler,
      QaScorecardStore scorecards,
      VendorService vendors,
      AuditLog auditLog,
      ApplicationEventPublisher events,
      Clock clock,
      @Value("${steward.qa.dispute-window:P5D}") Duration disputeWindow) {
    this.store = store;
    this.points = points;
    this.sampler = sampler;
    this.scorecards = scorecards;
    this.vendors = vendors;
    this.auditLog = auditLog;
    this.events = events;
    this.clock = clock;
    this.disputeWindow = disputeWindow;
  }

  /** How a cycle is sized and drawn; the API's body with its defaults applied. */
  record Parameters(
      YearMonth period, Confidence confidence, double margin, int minPerAgent, long seed) {

    static final int DEFAULT_MIN_PER_AGENT = 1;

    /** The defaults of the monthly schedule: the previous calendar month in UTC. */
    static Parameters defaults(Instant now) {
      return new Parameters(
          YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(1),
          Confidence.DEFAULT,
          SampleSize.DEFAULT_MARGIN,
          DEFAULT_MIN_PER_AGENT,
          freshSeed());
    }

    /** A fresh seed below 2^53, so it survives a JSON number in any client. */
    static long freshSeed() {
      return ThreadLocalRandom.current().nextLong(1L << 53);
    }
  }

  /** Opens a cycle: its row and a copy of the vendor's QA scorecard. No sample yet. */
  @Transactional
  QaCycle open(String vendorId, Parameters p, String createdBy) {
    sampler.lockVendor(vendorId);
    QaScorecard scorecard = scorecards.forVendor(vendorId);
    Instant start = p.period().atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = p.period().plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    QaCycle cycle =
        new QaCycle(
            UUID.randomUUID().toString(),
            vendorId,
            p.period().toString(),
            start,
            end,
            p.confidence().percent(),
            p.margin(),
            p.minPerAgent(),
            p.seed(),
            scorecard.passMark(),
            null,
            null,
            null,
            QaCycle.Status.AUDITING,
            null,
            clock.instant(),
            createdBy,
            null,
            null,
            null,
            null);
    store.insertCycle(cycle);
    store.insertCategories(cycle.id(), scorecard);
    auditLog.record(
        createdBy,
        "QA_CYCLE_OPENED",
        "qa_cycle",
        cycle.id(),
        "vendor "
            + vendorId
            + ", "
            + cycle.period()
            + ", "
            + cycle.confidence()
            + " % ± "
            + cycle.margin()
            + ", seed "
            + cycle.seed());
    return cycle;
  }

  /**
   * Task_DrawSample. The cycle of this process instance, opened with the defaults when the process
   * was started with only a vendor (the monthly schedule), and its sample, drawn once.
   *
   * @param cycleId the cycle the API opened, or {@code null}
   * @return the cycle id and its audit ids, by interaction id
   */
  @Transactional
  Sampled drawSample(String cycleId, String vendorId, String processInstanceId) {
    if (!vendors.exists(vendorId)) {
      throw new IllegalStateException("No vendor '" + vendorId + "' for a QA cycle");
    }
    sampler.lockVendor(vendorId);
    QaCycle cycle;
    if (cycleId != null) {
      cycle = lockedCycle(cycleId);
    } else {
      Optional<QaCycle> existing =
          processInstanceId == null ? Optional.empty() : store.cycleOfProcess(processInstanceId);
      if (existing.isPresent()) {
        cycle = lockedCycle(existing.get().id());
      } else {
        cycle = open(vendorId, Parameters.defaults(clock.instant()), SYSTEM);
      }
    }
    if (processInstanceId != null && cycle.processInstanceId() == null) {
      store.attachProcess(cycle.id(), processInstanceId);
    }
    if (!cycle.sampleDrawn()) {
      InteractionSampler.Draw draw = sampler.draw(cycle);
      List<QaAudit> audits = new ArrayList<>();
      for (ReservoirSample.Drawn d : draw.drawn()) {
        ReservoirSample.Candidate c = d.candidate();
        audits.add(
            new QaAudit(
                UUID.randomUUID().toString(),
                cycle.id(),
                cycle.vendorId(),
                c.interactionId(),
                c.agentId(),
                c.channel(),
                c.startedAt(),
                d.topUp() ? QaAudit.DRAWN_AS_TOP_UP : QaAudit.DRAWN_AT_RANDOM,
                QaAudit.Status.OPEN,
                0,
                null,
                null,
                null,
                null,
                null,
                null));
      }
      store.insertAudits(audits);
      store.sampleDrawn(
          cycle.id(), draw.population(), draw.requiredSampleSize(), draw.drawn().size());
      auditLog.record(
          SYSTEM,
          "QA_SAMPLE_DRAWN",
          "qa_cycle",
          cycle.id(),
          draw.drawn().size()
              + " of "
              + draw.population()
              + " interactions (Cochran n = "
              + draw.requiredSampleSize()
              + ")");
    }
    String rm =
        vendors.findForSystem(cycle.vendorId()).map(Vendor::getRelationshipManager).orElse(null);
    return new Sampled(cycle.id(), store.audits(cycle.id()).stream().map(QaAudit::id).toList(), rm);
  }

  /** The result of Task_DrawSample. */
  record Sampled(String cycleId, List<String> auditIds, String relationshipManager) {}

  /** What the audit form starts from: every category of the cycle's scorecard, unrated. */
  record AuditForm(List<Map<String, Object>> ratings, String brief) {}

  /** Task_PrepareAudit. */
  @Transactional(readOnly = true)
  AuditForm auditForm(String auditId) {
    QaAudit audit = audit(auditId);
    QaCycle cycle = cycle(audit.cycleId());
    String brief =
        "Interaction "
            + audit.interactionId()
            + " of agent "
            + audit.agentId()
            + ": "
            + audit.channel()
            + ", started "
            + SHOWN.format(audit.interactionStartedAt())
            + ". Drawn "
            + (QaAudit.DRAWN_AS_TOP_UP.equals(audit.drawnBy())
                ? "so that the agent has at least " + cycle.minPerAgent() + " audit(s)"
                : "at random")
            + " for the QA cycle "
            + cycle.period()
            + "; the pass mark is "
            + number(cycle.passMark())
            + ".";
    return new AuditForm(
        AuditRatings.prefill(store.scorecard(cycle), store.currentRatings(audit)), brief);
  }

  /**
   * Task_RecordAudit, in the transaction of the analyst's completion: checks the ratings against
   * the cycle's scorecard (422 naming every bad field, and the completion rolls back), scores the
   * audit as kpis.md says and stores it as revision 1.
   */
  @Transactional
  void recordAudit(String auditId, Object ratings, String comment, String analyst) {
    QaAudit audit = store.lockAudit(auditId).orElseThrow(() -> missing("audit", auditId));
    if (audit.status() == QaAudit.Status.DONE) {
      return;
    }
    QaCycle cycle = cycle(audit.cycleId());
    QaScorecard scorecard = store.scorecard(cycle);
    Map<String, Integer> parsed = AuditRatings.parse(ratings, scorecard);
    String feedback = text(comment, QaCycleProcess.COMMENT.name(), FEEDBACK_LIMIT);
    AuditScoring.Result result = AuditScoring.score(scorecard, parsed);
    store.addRevision(
        revision(
            auditId,
            1,
            AuditRevision.AUDIT,
            null,
            result,
            parsed,
            feedback,
            analyst == null ? SYSTEM : analyst));
    auditLog.record(
        analyst == null ? SYSTEM : analyst,
        "QA_AUDIT_RECORDED",
        "qa_audit",
        auditId,
        result.score() == null ? "all N/A" : "score " + number(result.score()));
  }

  /** The result of Task_PublishResults. */
  record Publication(Instant disputeWindowEndsAt, List<String> coachingIds) {}

  /**
   * Task_PublishResults: every audit is done. Publishes the results, opens the dispute window and
   * opens coaching for every agent whose QA score is below the pass mark.
   */
  @Transactional
  Publication publishResults(String cycleId) {
    QaCycle cycle = lockedCycle(cycleId);
    Instant windowEnds = cycle.disputeWindowEndsAt();
    if (cycle.resultsPublishedAt() == null) {
      Instant now = clock.instant();
      windowEnds = now.plus(disputeWindow);
      store.published(cycleId, now, windowEnds);
      auditLog.record(
          SYSTEM, "QA_RESULTS_PUBLISHED", "qa_cycle", cycleId, "disputes until " + windowEnds);
    }
    List<QaAudit> audits = store.audits(cycleId);
    Map<String, CycleResults.Summary> perAgent = CycleResults.perAgent(outcomes(audits));
    Map<String, Map<String, Double>> categoryScores = store.categoryScores(cycleId);
    QaScorecard scorecard = store.scorecard(cycle);
    List<String> coached = store.coachingOf(cycleId).stream().map(QaCoaching::agentId).toList();
    for (Map.Entry<String, CycleResults.Summary> agent : perAgent.entrySet()) {
      CycleResults.Summary summary = agent.getValue();
      if (!summary.below(cycle.passMark()) || coached.contains(agent.getKey())) {
        continue;
      }
      List<Map<String, Double>> scores =
          audits.stream()
              .filter(a -> a.agentId().equals(agent.getKey()) && categoryScores.containsKey(a.id()))
              .map(a -> categoryScores.get(a.id()))
              .toList();
      String focus =
          CycleResults.weakest(scores, scorecard, COACHING_FOCUS).stream()
              .map(f -> f.name() + " (mean " + number(f.meanScore()) + ")")
              .collect(Collectors.joining(", "));
      store.insertCoaching(
          new QaCoaching(
              UUID.randomUUID().toString(),
              cycleId,
              cycle.vendorId(),
              agent.getKey(),
              summary.qaScore(),
              focus.length() > 500 ? focus.substring(0, 497) + "..." : focus,
              QaCoaching.Status.OPEN,
              null,
              null,
              clock.instant(),
              null));
    }
    return new Publication(
        windowEnds, store.coachingOf(cycleId).stream().map(QaCoaching::id).toList());
  }

  /** Task_AwardPoints: recognition points for every passed audit, once. */
  @Transactional
  int awardPoints(String cycleId) {
    QaCycle cycle = cycle(cycleId);
    return points.awardCycle(cycle, store.audits(cycleId));
  }

  /**
   * Task_FlagRepeatFailures: an agent below the pass mark in this cycle and in the vendor's
   * previous cycle is flagged and sent to refresher training ({@link AgentFlaggedForRefresher},
   * published in this transaction). A flag is stored once, and the event is published only when the
   * flag is stored, so a job that runs again publishes nothing.
   *
   * @return the agents flagged in this cycle
   */
  @Transactional
  List<String> flagRepeatFailures(String cycleId) {
    QaCycle cycle = lockedCycle(cycleId);
    Optional<QaCycle> previous = store.previousPublished(cycle);
    if (previous.isPresent()) {
      Map<String, CycleResults.Summary> now =
          CycleResults.perAgent(outcomes(store.audits(cycleId)));
      Map<String, CycleResults.Summary> before =
          CycleResults.perAgent(outcomes(store.audits(previous.get().id())));
      for (Map.Entry<String, CycleResults.Summary> agent : now.entrySet()) {
        CycleResults.Summary earlier = before.get(agent.getKey());
        if (agent.getValue().below(cycle.passMark())
            && earlier != null
            && earlier.below(previous.get().passMark())
            && !store.isFlagged(cycleId, agent.getKey())) {
          Instant at = clock.instant();
          store.flag(cycleId, agent.getKey(), cycle.vendorId(), previous.get().id(), at);
          auditLog.record(
              SYSTEM,
              "QA_AGENT_FLAGGED",
              "qa_cycle",
              cycleId,
              "agent "
                  + agent.getKey()
                  + " below the pass mark in "
                  + previous.get().period()
                  + " and "
                  + cycle.period());
          events.publishEvent(
              new AgentFlaggedForRefresher(cycle.vendorId(), agent.getKey(), cycleId, at));
        }
      }
    }
    return store.flaggedAgents(cycleId);
  }

  /** What the coaching task shows. */
  record CoachingForm(String agentId, String brief) {}

  /** Task_PrepareCoaching: the weakest categories and the audits behind them. */
  @Transactional(readOnly = true)
  CoachingForm coachingForm(String coachingId) {
    QaCoaching coaching =
        store.coaching(coachingId).orElseThrow(() -> missing("coaching", coachingId));
    QaCycle cycle = cycle(coaching.cycleId());
    StringBuilder brief =
        new StringBuilder()
            .append("Agent ")
            .append(coaching.agentId())
            .append(" has a QA score of ")
            .append(number(coaching.qaScore()))
            .append(" in the QA cycle ")
            .append(cycle.period())
            .append(" (pass mark ")
            .append(number(cycle.passMark()))
            .append("). Coach on: ")
            .append(coaching.focus())
            .append(". Audits behind it:");
    store.audits(cycle.id()).stream()
        .filter(a -> a.agentId().equals(coaching.agentId()) && a.score() != null)
        .sorted(Comparator.comparing(QaAudit::score))
        .forEach(
            a ->
                brief
                    .append(" interaction ")
                    .append(a.interactionId())
                    .append(" scored ")
                    .append(number(a.score()))
                    .append(Boolean.TRUE.equals(a.passed()) ? " (passed)" : " (failed)")
                    .append(a.feedback() == null ? "" : ": \"" + a.feedback() + "\"")
                    .append(";"));
    return new CoachingForm(coaching.agentId(), limit(brief.toString()));
  }

  /** Task_RecordCoaching: the lead's coaching note. */
  @Transactional
  void recordCoaching(String coachingId, String note, String by) {
    String text = text(note, QaCycleProcess.NOTE.name(), FEEDBACK_LIMIT);
    if (store.coached(coachingId, text, by, clock.instant())) {
      auditLog.record(
          by == null ? SYSTEM : by, "QA_AGENT_COACHED", "qa_coaching", coachingId, null);
    }
  }

  /** Task_CloseDisputeWindow: no more disputes; open arbitrations still finish. */
  @Transactional
  void closeDisputeWindow(String cycleId) {
    store.disputeWindowClosed(cycleId, clock.instant());
  }

  /** What the arbitration form starts from: the audit's current ratings and the dispute. */
  record DisputeForm(String auditId, List<Map<String, Object>> ratings, String brief) {}

  @Transactional(readOnly = true)
  DisputeForm disputeForm(QaDispute dispute) {
    QaAudit audit = audit(dispute.auditId());
    QaCycle cycle = cycle(audit.cycleId());
    String brief =
        dispute.filedBy()
            + " disputes the audit of interaction "
            + audit.interactionId()
            + " (agent "
            + audit.agentId()
            + "), scored "
            + (audit.score() == null ? "N/A" : number(audit.score()))
            + (Boolean.TRUE.equals(audit.passed()) ? ", passed" : ", failed")
            + " by "
            + audit.analyst()
            + ": \""
            + dispute.reason()
            + "\". Uphold it to re-score the audit with the ratings below, or reject it to let the"
            + " audit stand.";
    return new DisputeForm(
        audit.id(),
        AuditRatings.prefill(store.scorecard(cycle), store.currentRatings(audit)),
        limit(brief));
  }

  /**
   * Task_RescoreAudit: the relationship manager upheld the dispute. The audit gets a new revision
   * with the new ratings (the old one stays), the cycle's results follow, and the agent's points
   * are corrected if pass/fail changed.
   */
  @Transactional
  void upholdDispute(String disputeId, Object ratings, String note, String by) {
    QaDispute dispute = store.dispute(disputeId).orElseThrow(() -> missing("dispute", disputeId));
    if (dispute.status() != QaDispute.Status.OPEN) {
      return;
    }
    QaAudit audit =
        store.lockAudit(dispute.auditId()).orElseThrow(() -> missing("audit", dispute.auditId()));
    QaScorecard scorecard = store.scorecard(cycle(audit.cycleId()));
    Map<String, Integer> parsed = AuditRatings.parse(ratings, scorecard);
    String decisionNote = text(note, QaCycleProcess.NOTE.name(), DECISION_NOTE_LIMIT);
    AuditScoring.Result result = AuditScoring.score(scorecard, parsed);
    String arbiter = by == null ? SYSTEM : by;
    store.addRevision(
        revision(
            audit.id(),
            audit.revision() + 1,
            AuditRevision.DISPUTE_UPHELD,
            disputeId,
            result,
            parsed,
            audit.feedback(),
            arbiter));
    store.decide(disputeId, QaDispute.Status.UPHELD, arbiter, clock.instant(), decisionNote);
    points.correct(audit(audit.id()), disputeId);
    auditLog.record(
        arbiter,
        "QA_DISPUTE_UPHELD",
        "qa_audit",
        audit.id(),
        "re-scored from "
            + (audit.score() == null ? "N/A" : number(audit.score()))
            + " to "
            + (result.score() == null ? "N/A" : number(result.score())));
  }

  /** Task_RecordDisputeRejected: the audit stands. */
  @Transactional
  void rejectDispute(String disputeId, String note, String by) {
    String decisionNote = text(note, QaCycleProcess.NOTE.name(), DECISION_NOTE_LIMIT);
    String arbiter = by == null ? SYSTEM : by;
    if (store.decide(
        disputeId, QaDispute.Status.REJECTED, arbiter, clock.instant(), decisionNote)) {
      auditLog.record(arbiter, "QA_DISPUTE_REJECTED", "qa_dispute", disputeId, decisionNote);
    }
  }

  /** Task_CloseCycle. */
  @Transactional
  void closeCycle(String cycleId) {
    store.closed(cycleId, clock.instant());
  }

  // --- helpers

  static List<CycleResults.Outcome> outcomes(List<QaAudit> audits) {
    return audits.stream()
        .map(
            a ->
                new CycleResults.Outcome(
                    a.agentId(), a.status() == QaAudit.Status.DONE, a.score(), a.passed()))
        .toList();
  }

  private AuditRevision revision(
      String auditId,
      int revision,
      String reason,
      String disputeId,
      AuditScoring.Result result,
      Map<String, Integer> ratings,
      String feedback,
      String by) {
    List<AuditRevision.Rating> rows = new ArrayList<>();
    ratings.forEach(
        (category, rating) ->
            rows.add(
                new AuditRevision.Rating(category, rating, result.categoryScores().get(category))));
    return new AuditRevision(
        auditId,
        revision,
        reason,
        disputeId,
        result.score(),
        result.passed(),
        result.autoFailed(),
        feedback,
        by,
        clock.instant(),
        rows);
  }

  private QaCycle cycle(String cycleId) {
    return store.cycle(cycleId).orElseThrow(() -> missing("cycle", cycleId));
  }

  private QaCycle lockedCycle(String cycleId) {
    return store.lockCycle(cycleId).orElseThrow(() -> missing("cycle", cycleId));
  }

  private QaAudit audit(String auditId) {
    return store.audit(auditId).orElseThrow(() -> missing("audit", auditId));
  }

  private static IllegalStateException missing(String what, String id) {
    return new IllegalStateException("No QA " + what + " '" + id + "'");
  }

  private static String text(String value, String field, int limit) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > limit) {
      throw InvalidDataException.of(field, "must have at most " + limit + " characters");
    }
    return value.strip();
  }

  private static String limit(String text) {
    return text.length() <= BRIEF_LIMIT ? text : text.substring(0, BRIEF_LIMIT - 3) + "...";
  }

  /** A score as people read it: half-up to 2 decimals, no trailing zeros. */
  static String number(double value) {
    return BigDecimal.valueOf(value)
        .setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
