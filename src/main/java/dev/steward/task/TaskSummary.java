package dev.steward.task;

import java.time.Instant;

/** An open user task the caller may work on. */
public record TaskSummary(
    String id,
    String name,
    String taskKey,
    String processKey,
    String processInstanceId,
    String businessKey,
    String vendorId,
    String assignee,
    Instant created,
    Instant due) {}
