package dev.steward.bulletin;

import static dev.steward.bulletin.BulletinProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordAcknowledgment: records who acknowledged and when, in the completion's transaction (an
 * unticked box is refused with 422 and the task stays open).
 */
@Component
class RecordAcknowledgmentDelegate implements JavaDelegate {

  private final BulletinService bulletins;

  RecordAcknowledgmentDelegate(BulletinService bulletins) {
    this.bulletins = bulletins;
  }

  @Override
  public void execute(DelegateExecution execution) {
    bulletins.recordAcknowledgment(
        BULLETIN_ID.requiredFrom(execution),
        VENDOR_ID.requiredFrom(execution),
        ACKNOWLEDGED.from(execution),
        ACK_COMMENT.from(execution),
        ACKNOWLEDGED_BY.from(execution));
  }
}
