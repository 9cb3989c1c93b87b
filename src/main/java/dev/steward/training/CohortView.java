package dev.steward.training;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.steward.onboarding.Owner;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One training cohort as {@code GET /api/training-cohorts/{id}} shows it. */
public record CohortView(
    @JsonUnwrapped CohortSummary cohort,
    @Schema(description = "every agent of the cohort, by agent id") List<AgentView> agentResults,
    @Schema(description = "the steps waiting to be done, with their owner") List<Step> openSteps) {

  /** One agent: certification attempts, status, proficiency. */
  public record AgentView(
      String agentId,
      @Schema(
              description =
                  "IN_TRAINING, CERTIFIED, NOT_CERTIFIED (failed twice), PROFICIENT or"
                      + " NOT_PROFICIENT")
          String status,
      List<Attempt> certificationAttempts,
      LocalDate proficiencyDate,
      @Schema(description = "days from the cohort's start to proficiency")
          Integer daysToProficiency,
      String proficiencyCheckedBy) {}

  /** One certification attempt (1, or 2 for the retake); the pass mark is 80. */
  public record Attempt(
      int attempt, BigDecimal score, boolean passed, String recordedBy, Instant recordedAt) {}

  /** One open user task of the cohort. */
  public record Step(
      String taskKey,
      String name,
      @Schema(description = "BRAND or VENDOR") Owner owner,
      @Schema(description = "the agent, for a certification or proficiency check") String agentId,
      Instant createdAt) {}

  /** Rounded half-up to 2 decimals for the answer; the store keeps full precision. */
  static BigDecimal rounded(Double value) {
    return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
