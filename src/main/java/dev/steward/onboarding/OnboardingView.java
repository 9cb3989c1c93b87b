package dev.steward.onboarding;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A vendor's onboarding as {@code GET /api/vendors/{id}/onboarding} shows it. */
public record OnboardingView(
    String onboardingId,
    String vendorId,
    @Schema(description = "IN_PROGRESS or COMPLETED") String status,
    Instant startedAt,
    Instant completedAt,
    @Schema(description = "the vendor's involvement level when the split was decided")
        String involvement,
    @Schema(
            description =
                "who owns each responsibility (recruiting, onboardingSessions, training, coaching,"
                    + " qa): BRAND (relationship managers) or VENDOR (the vendor's BPO leads)")
        Map<String, Owner> responsibilities,
    @Schema(description = "null until the ground rules are set") GroundRules groundRules,
    ContractStatus contract,
    RelationshipManager relationshipManager,
    Vetting vetting,
    @Schema(description = "the steps waiting to be done, with their owner") List<Step> openSteps,
    @Schema(description = "the steps done, in the order they were done")
        List<Step> completedSteps) {

  /** The communication ground rules. */
  public record GroundRules(
      @Schema(description = "WEEKLY, BIWEEKLY or MONTHLY") String syncCadence,
      @Schema(description = "DAILY, WEEKLY or MONTHLY") String reportingCadence,
      String escalationPath,
      String setBy,
      Instant setAt) {}

  /** Whether the agreed contract and KPI targets are applied (the amounts: GET .../contract). */
  public record ContractStatus(
      @Schema(description = "PENDING or APPLIED") String status,
      Boolean defaultKpiTargets,
      String appliedBy,
      Instant appliedAt) {}

  /** The relationship manager assigned during onboarding. */
  public record RelationshipManager(String username, String assignedBy, Instant assignedAt) {}

  /** The vetting interviews: who was approved for training, who was rejected and why. */
  public record Vetting(
      List<String> approved, List<Candidate> rejected, List<String> awaitingInterview) {}

  /** One rejected candidate. */
  public record Candidate(String agentId, String note, String decidedBy, Instant decidedAt) {}

  /** One user task of the onboarding. */
  public record Step(
      String taskKey,
      String name,
      @Schema(description = "BRAND or VENDOR; null when the task is offered to neither")
          Owner owner,
      @Schema(description = "the candidate, for an interview") String candidateId,
      Instant createdAt,
      String completedBy,
      Instant completedAt) {}
}
