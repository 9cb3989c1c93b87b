package dev.steward.training;

import static dev.steward.training.TrainingProcess.*;

import dev.steward.platform.InvalidDataException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener on Task_CheckProficiency: a proficient agent needs the day they became
 * proficient, not before the cohort started and not after today (in the vendor's time zone); an
 * agent not yet proficient has no such day. Otherwise the task API answers 422 naming {@code
 * proficiencyDate}.
 */
@Component
class CheckProficiencyListener implements TaskListener {

  private final Clock clock;

  CheckProficiencyListener(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String field = PROFICIENCY_DATE.name();
    String text = PROFICIENCY_DATE.from(task);
    boolean given = text != null && !text.isBlank();
    if (!PROFICIENT_YES.equals(PROFICIENT.from(task))) {
      if (given) {
        throw InvalidDataException.of(field, "is given only when the agent is proficient");
      }
      return;
    }
    if (!given) {
      throw InvalidDataException.of(
          field, "is required when the agent is proficient: the day they became proficient");
    }
    LocalDate date = TrainingService.parseDate(text);
    if (date == null) {
      throw InvalidDataException.of(field, "must be a date such as 2026-12-01");
    }
    LocalDate started = LocalDate.parse(COHORT_STARTED_ON.requiredFrom(task));
    if (date.isBefore(started)) {
      throw InvalidDataException.of(
          field, "must not be before the cohort started (" + started + ")");
    }
    String zone = VENDOR_TIME_ZONE.from(task);
    LocalDate today =
        LocalDate.now(clock.withZone(zone == null ? ZoneId.of("UTC") : ZoneId.of(zone)));
    if (date.isAfter(today)) {
      throw InvalidDataException.of(field, "must not be in the future (today is " + today + ")");
    }
  }
}
