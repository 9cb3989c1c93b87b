package dev.steward.decision;

import java.time.Instant;

/**
 * One decision as the API shows it: what was decided, by whom (user name and display name), when,
 * why, what the decider saw, and where it happened in the engine (process, task).
 *
 * @param processDefinitionKey the process the decision was made in (from engine history)
 * @param processStartedAt when that process instance started (from engine history)
 * @param taskName the deciding user task's name (from engine history)
 * @param subjectId the round, pilot, review or transition id
 */
public record DecisionView(
    String kind,
    String outcome,
    String decidedBy,
    String decidedByName,
    Instant decidedAt,
    String reason,
    String inputs,
    String processInstanceId,
    String processDefinitionKey,
    Instant processStartedAt,
    String taskId,
    String taskName,
    String subjectId) {}
