package dev.steward.task;

import java.time.Instant;
import java.util.List;

/** A task with the fields its form asks for; complete it by posting those fields. */
public record TaskDetail(
    String id,
    String name,
    String taskKey,
    String description,
    String processKey,
    String processInstanceId,
    String businessKey,
    String vendorId,
    String assignee,
    Instant created,
    Instant due,
    String formKey,
    List<FormField> formFields) {}
