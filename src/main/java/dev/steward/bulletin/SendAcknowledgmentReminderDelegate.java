package dev.steward.bulletin;

import static dev.steward.bulletin.BulletinProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SendAcknowledgmentReminder: the acknowledgment is still open when the reminder timer fires.
 * Each firing runs on its own execution, whose id keys the reminder: a job that runs twice records
 * one reminder.
 */
@Component
class SendAcknowledgmentReminderDelegate implements JavaDelegate {

  private final BulletinService bulletins;

  SendAcknowledgmentReminderDelegate(BulletinService bulletins) {
    this.bulletins = bulletins;
  }

  @Override
  public void execute(DelegateExecution execution) {
    bulletins.recordReminder(
        BULLETIN_ID.requiredFrom(execution), VENDOR_ID.requiredFrom(execution), execution.getId());
  }
}
