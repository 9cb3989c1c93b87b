package dev.steward.training;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A training cohort as {@code GET /api/vendors/{id}/training-cohorts} lists it. */
public record CohortSummary(
    String id,
    String vendorId,
    @Schema(description = "COHORT or REFRESHER (one agent QA flagged)") String kind,
    @Schema(description = "IN_PROGRESS or COMPLETED") String status,
    @Schema(description = "the QA cycle that requested a refresher") String qaCycleId,
    Instant startedAt,
    @Schema(
            description =
                "the start day in the vendor's time zone: speed to proficiency counts from it")
        LocalDate startedOn,
    @Schema(description = "ISO-8601 duration of the nesting period; null for a refresher")
        String nestingPeriod,
    int agents,
    int certified,
    int notCertified,
    int proficient,
    @Schema(description = "median days from the cohort's start to proficiency; null until known")
        BigDecimal medianDaysToProficiency,
    @Schema(description = "mean days from the cohort's start to proficiency; null until known")
        BigDecimal meanDaysToProficiency,
    Instant completedAt) {

  static CohortSummary of(TrainingStore.Cohort cohort, List<TrainingStore.Agent> agents) {
    long certified =
        agents.stream()
            .filter(
                a ->
                    a.status() == AgentStatus.CERTIFIED
                        || a.status() == AgentStatus.PROFICIENT
                        || a.status() == AgentStatus.NOT_PROFICIENT)
            .count();
    long notCertified =
        agents.stream().filter(a -> a.status() == AgentStatus.NOT_CERTIFIED).count();
    long proficient = agents.stream().filter(a -> a.status() == AgentStatus.PROFICIENT).count();
    return new CohortSummary(
        cohort.id(),
        cohort.vendorId(),
        cohort.kind().name(),
        cohort.completedAt() == null ? "IN_PROGRESS" : "COMPLETED",
        cohort.qaCycleId(),
        cohort.startedAt(),
        cohort.startedOn(),
        cohort.nestingPeriod(),
        agents.size(),
        (int) certified,
        (int) notCertified,
        (int) proficient,
        CohortView.rounded(cohort.medianDaysToProficiency()),
        CohortView.rounded(cohort.meanDaysToProficiency()),
        cohort.completedAt());
  }
}
