package dev.steward.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.steward.platform.AuditLog;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.vendor.VendorService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The steps of the QA cycle process on the real schema (an in-memory H2 database migrated by
 * Flyway, no Spring context): each step run twice, as a retried job would, changes nothing the
 * second time; points are awarded once, a repeat failure is flagged and published once.
 */
class QaCycleStepsTest {

  static final Instant NOW = Instant.parse("2026-08-03T09:00:00Z");
  static final String ANALYST = "quinn";

  JdbcTemplate jdbc;
  QaStore store;
  QaPoints points;
  QaCycleSteps steps;
  List<Object> events;
  String vendorId;

  @BeforeEach
  void migrate() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            "jdbc:h2:mem:qa-steps-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    store = new QaStore(jdbc);
    points = new QaPoints(jdbc, clock);
    VendorService vendors = mock(VendorService.class);
    when(vendors.exists(anyString())).thenReturn(true);
    when(vendors.findForSystem(anyString())).thenReturn(Optional.empty());
    events = new ArrayList<>();
    steps =
        new QaCycleSteps(
            store,
            points,
            new InteractionSampler(jdbc),
            new QaScorecardStore(jdbc),
            vendors,
            new AuditLog(jdbc, clock),
            events::add,
            clock,
            Duration.ofDays(5));
    vendorId = UUID.randomUUID().toString();
    jdbc.update(
        """
        insert into vendor (id, code, name, delivery_model, team_model, involvement, time_zone,
            business_hours_start, business_hours_end, business_days, lifecycle_phase, created_at,
            created_by, version)
        values (?, ?, 'Steps Vendor', 'OFFSHORE', 'DEDICATED', 'PARTIAL', 'Asia/Manila', '08:00:00',
            '18:00:00', 'MONDAY', 'OPERATING', ?, 'test', 0)
        """,
        vendorId,
        "STEPS-" + vendorId.substring(0, 8),
        QaStore.ts(NOW));
  }

  @Test
  void theSampleIsDrawnOnceFromHandledInteractionsOfTheMonth() {
    // 3 agents with 40 handled contacts in July; abandoned ones and June/August ones do not count
    for (int i = 0; i < 120; i++) {
      interaction("C-" + i, "agent-" + (i % 3), "2026-07-" + day(i) + "T10:00:00Z", false);
    }
    interaction("C-abandoned", "agent-0", "2026-07-10T10:00:00Z", true);
    interaction("C-june", "agent-0", "2026-06-30T23:59:59Z", false);
    interaction("C-august", "agent-0", "2026-08-01T00:00:00Z", false);
    QaCycle cycle = open(YearMonth.of(2026, 7), Confidence.NINETY, 0.15, 1, 42L);

    QaCycleSteps.Sampled first = steps.drawSample(cycle.id(), vendorId, "process-1");
    QaCycleSteps.Sampled again = steps.drawSample(cycle.id(), vendorId, "process-1");

    QaCycle drawn = store.cycle(cycle.id()).orElseThrow();
    int expected = SampleSize.cochran(120, Confidence.NINETY, 0.15);
    assertThat(drawn.population()).isEqualTo(120);
    assertThat(drawn.requiredSampleSize()).isEqualTo(expected).isEqualTo(25);
    assertThat(drawn.sampleSize()).isEqualTo(first.auditIds().size()).isGreaterThanOrEqualTo(25);
    assertThat(drawn.processInstanceId()).isEqualTo("process-1");
    assertThat(again.auditIds()).isEqualTo(first.auditIds());
    assertThat(store.audits(cycle.id()))
        .extracting(QaAudit::interactionId)
        .doesNotContain("C-abandoned", "C-june", "C-august");

    // the same seed on the same month draws the same interactions again
    QaCycle twin = open(YearMonth.of(2026, 7), Confidence.NINETY, 0.15, 1, 42L);
    steps.drawSample(twin.id(), vendorId, "process-2");
    assertThat(store.audits(twin.id()))
        .extracting(QaAudit::interactionId)
        .containsExactlyElementsOf(
            store.audits(cycle.id()).stream().map(QaAudit::interactionId).toList());
  }

  @Test
  void startedWithOnlyTheVendorTheCycleIsThePreviousMonthWithTheDefaults() {
    interaction("C-1", "agent-0", "2026-07-15T10:00:00Z", false);

    QaCycleSteps.Sampled sampled = steps.drawSample(null, vendorId, "lifecycle-process");
    QaCycleSteps.Sampled retried = steps.drawSample(null, vendorId, "lifecycle-process");

    QaCycle cycle = store.cycle(sampled.cycleId()).orElseThrow();
    assertThat(retried.cycleId()).as("a retried job opens no second cycle").isEqualTo(cycle.id());
    assertThat(cycle.period()).isEqualTo("2026-07");
    assertThat(cycle.confidence()).isEqualTo(95);
    assertThat(cycle.margin()).isEqualTo(0.05);
    assertThat(cycle.minPerAgent()).isEqualTo(1);
    assertThat(cycle.createdBy()).isEqualTo("system");
    assertThat(cycle.population()).isEqualTo(1);
    assertThat(sampled.auditIds()).hasSize(1);
    assertThat(store.scorecard(cycle).categories()).hasSize(6);
  }

  @Test
  void invalidRatingsStoreNothing() {
    QaCycle cycle = cycleWith("agent-0");
    String audit = store.audits(cycle.id()).get(0).id();
    List<Map<String, Object>> ratings = AuditRatingsTest.filled(5);
    ratings.get(2).put("rating", 6);

    assertThatThrownBy(() -> steps.recordAudit(audit, ratings, "Good", ANALYST))
        .isInstanceOfSatisfying(
            InvalidDataException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("ratings[2].rating"));
    assertThat(store.audit(audit).orElseThrow().status()).isEqualTo(QaAudit.Status.OPEN);
    assertThat(store.revisions(audit)).isEmpty();
  }

  @Test
  void anAuditIsScoredAndStoredOnceEvenWhenTheStepRunsTwice() {
    QaCycle cycle = cycleWith("agent-0");
    String audit = store.audits(cycle.id()).get(0).id();

    steps.recordAudit(audit, AuditRatingsTest.filled(4), "Clear answer", ANALYST);
    steps.recordAudit(audit, AuditRatingsTest.filled(1), "Ignored", "someone-else");

    QaAudit stored = store.audit(audit).orElseThrow();
    // 1-5 categories at 4 → 75, policy compliance 1 → 100: (80·75 + 20·100) / 100 = 80
    assertThat(stored.score()).isEqualTo(80.0);
    assertThat(stored.passed()).isTrue();
    assertThat(stored.analyst()).isEqualTo(ANALYST);
    assertThat(stored.feedback()).isEqualTo("Clear answer");
    assertThat(store.revisions(audit)).hasSize(1);
  }

  @Test
  void pointsAreAwardedOnceEvenWhenTheJobRunsTwice() {
    QaCycle cycle = cycleWith("agent-0", "agent-0", "agent-1");
    List<QaAudit> audits = store.audits(cycle.id());
    steps.recordAudit(audits.get(0).id(), AuditRatingsTest.filled(5), "Great", ANALYST);
    steps.recordAudit(audits.get(1).id(), AuditRatingsTest.filled(5), "Great", ANALYST);
    steps.recordAudit(audits.get(2).id(), AuditRatingsTest.filled(2), "Weak", ANALYST);
    steps.publishResults(cycle.id());

    int first = steps.awardPoints(cycle.id());
    int second = steps.awardPoints(cycle.id());

    assertThat(first).isEqualTo(2);
    assertThat(second).isZero();
    String passingAgent = audits.get(0).agentId();
    assertThat(points.ledger(vendorId, passingAgent))
        .extracting(QaPoints.Entry::points)
        .containsExactly(10, 10);
    assertThat(points.leaderboard(vendorId))
        .containsExactly(new QaPoints.Standing(passingAgent, 20));
  }

  @Test
  void publishingTwiceKeepsTheWindowAndOpensCoachingOnce() {
    QaCycle cycle = cycleWith("agent-0", "agent-1");
    List<QaAudit> audits = store.audits(cycle.id());
    steps.recordAudit(audits.get(0).id(), AuditRatingsTest.filled(2), "Rushed", ANALYST);
    steps.recordAudit(audits.get(1).id(), AuditRatingsTest.filled(5), "Great", ANALYST);

    QaCycleSteps.Publication first = steps.publishResults(cycle.id());
    QaCycleSteps.Publication again = steps.publishResults(cycle.id());

    assertThat(first.disputeWindowEndsAt()).isEqualTo(NOW.plus(Duration.ofDays(5)));
    assertThat(again).isEqualTo(first);
    assertThat(first.coachingIds()).hasSize(1);
    QaCoaching coaching = store.coaching(first.coachingIds().get(0)).orElseThrow();
    assertThat(coaching.agentId()).isEqualTo(audits.get(0).agentId());
    // 1-5 categories at 2 → 25: the critical correctness below 50 zeroes the audit
    assertThat(coaching.qaScore()).isZero();
    assertThat(coaching.focus()).startsWith("Greeting (mean 25)");
    assertThat(steps.coachingForm(coaching.id()).brief())
        .contains("QA score of 0", "Coach on: Greeting (mean 25)", "scored 0 (failed): \"Rushed\"");
  }

  @Test
  void anAgentFailingTwoConsecutiveCyclesIsFlaggedAndPublishedOnce() {
    QaCycle june = cycleWith(YearMonth.of(2026, 6), "agent-7", "agent-8");
    recordAll(june, Map.of("agent-7", 2, "agent-8", 5));
    steps.publishResults(june.id());
    assertThat(steps.flagRepeatFailures(june.id())).as("no earlier cycle").isEmpty();

    QaCycle july = cycleWith(YearMonth.of(2026, 7), "agent-7", "agent-8");
    recordAll(july, Map.of("agent-7", 3, "agent-8", 3));
    steps.publishResults(july.id());

    List<String> flagged = steps.flagRepeatFailures(july.id());
    List<String> retried = steps.flagRepeatFailures(july.id());

    // agent-8 passed in June, so failing July alone is not a repeat failure
    assertThat(flagged).containsExactly("agent-7");
    assertThat(retried).containsExactly("agent-7");
    assertThat(events)
        .containsExactly(new AgentFlaggedForRefresher(vendorId, "agent-7", july.id(), NOW));
  }

  @Test
  void anUpheldDisputeAddsARevisionAndCorrectsThePointsOnce() {
    QaCycle cycle = cycleWith("agent-0");
    String audit = store.audits(cycle.id()).get(0).id();
    steps.recordAudit(audit, AuditRatingsTest.filled(3), "Too slow", ANALYST);
    steps.publishResults(cycle.id());
    steps.awardPoints(cycle.id());
    assertThat(points.ledger(vendorId, "agent-0")).isEmpty();
    QaDispute dispute = dispute(cycle, audit);

    steps.upholdDispute(dispute.id(), AuditRatingsTest.filled(5), "Fair point", "rachel");
    steps.upholdDispute(dispute.id(), AuditRatingsTest.filled(1), "Ignored", "rachel");

    QaAudit rescored = store.audit(audit).orElseThrow();
    assertThat(rescored.revision()).isEqualTo(2);
    assertThat(rescored.score()).isEqualTo(100.0);
    assertThat(rescored.analyst()).as("who audited stays").isEqualTo(ANALYST);
    List<AuditRevision> history = store.revisions(audit);
    assertThat(history).extracting(AuditRevision::score).containsExactly(60.0, 100.0);
    assertThat(history.get(1).reason()).isEqualTo(AuditRevision.DISPUTE_UPHELD);
    assertThat(history.get(0).ratings()).extracting(AuditRevision.Rating::rating).contains(3);
    assertThat(store.dispute(dispute.id()).orElseThrow().status())
        .isEqualTo(QaDispute.Status.UPHELD);
    assertThat(store.hasOpenDispute(audit)).isFalse();
    assertThat(points.ledger(vendorId, "agent-0"))
        .extracting(QaPoints.Entry::reason, QaPoints.Entry::points)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(QaPoints.DISPUTE_CORRECTION, 10));

    // awarding again after the correction changes nothing: the audit holds what it earns
    assertThat(steps.awardPoints(cycle.id())).isZero();
    assertThat(points.ledger(vendorId, "agent-0")).hasSize(1);
    assertThat(points.leaderboard(vendorId)).containsExactly(new QaPoints.Standing("agent-0", 10));

    // a second dispute that turns the pass back into a fail takes the points back, once
    QaDispute second = dispute(cycle, audit);
    steps.upholdDispute(second.id(), AuditRatingsTest.filled(1), "Recount", "rachel");
    steps.upholdDispute(second.id(), AuditRatingsTest.filled(1), "Recount", "rachel");
    assertThat(store.revisions(audit))
        .extracting(AuditRevision::score)
        .containsExactly(60.0, 100.0, 0.0);
    assertThat(points.ledger(vendorId, "agent-0"))
        .extracting(QaPoints.Entry::points)
        .containsExactly(10, -10);
    assertThat(points.leaderboard(vendorId)).containsExactly(new QaPoints.Standing("agent-0", 0));
  }

  // --- helpers

  private QaCycle open(
      YearMonth month, Confidence confidence, double margin, int minPerAgent, long seed) {
    return steps.open(
        vendorId, new QaCycleSteps.Parameters(month, confidence, margin, minPerAgent, seed), "rm");
  }

  /** A July cycle whose sample is exactly one interaction per given agent (the whole month). */
  private QaCycle cycleWith(String... agents) {
    return cycleWith(YearMonth.of(2026, 7), agents);
  }

  private QaCycle cycleWith(YearMonth month, String... agents) {
    for (int i = 0; i < agents.length; i++) {
      interaction(
          month + "-C" + i + "-" + UUID.randomUUID().toString().substring(0, 4),
          agents[i],
          month.atDay(10).atTime(9, i).toInstant(ZoneOffset.UTC).toString(),
          false);
    }
    // 99 % ± 1 % on a handful of contacts: n = N, the whole month
    QaCycle cycle = open(month, Confidence.NINETY_NINE, 0.01, 0, 1L);
    steps.drawSample(cycle.id(), vendorId, "process-" + cycle.id());
    assertThat(store.audits(cycle.id())).hasSize(agents.length);
    return cycle;
  }

  private void recordAll(QaCycle cycle, Map<String, Integer> ratingByAgent) {
    for (QaAudit audit : store.audits(cycle.id())) {
      steps.recordAudit(
          audit.id(),
          AuditRatingsTest.filled(ratingByAgent.get(audit.agentId())),
          "Feedback",
          ANALYST);
    }
  }

  private QaDispute dispute(QaCycle cycle, String auditId) {
    QaDispute dispute =
        new QaDispute(
            UUID.randomUUID().toString(),
            auditId,
            cycle.id(),
            vendorId,
            "The customer asked for it",
            QaDispute.Status.OPEN,
            "lena",
            NOW,
            null,
            null,
            null);
    store.insertDispute(dispute);
    assertThat(store.hasOpenDispute(auditId)).isTrue();
    return dispute;
  }

  private void interaction(String id, String agent, String startedAt, boolean abandoned) {
    Instant at = Instant.parse(startedAt);
    jdbc.update(
        """
        insert into interaction (vendor_id, interaction_id, agent_id, channel, started_at, started_day,
            handle_seconds, first_contact_resolved, wait_seconds, abandoned)
        values (?, ?, ?, 'PHONE', ?, ?, 300, true, 10, ?)
        """,
        vendorId,
        id,
        agent,
        QaStore.ts(at),
        at.atOffset(ZoneOffset.UTC).toLocalDate(),
        abandoned);
  }

  private static String day(int i) {
    return String.format("%02d", 1 + i % 31);
  }
}
