package dev.steward.bulletin;

import static dev.steward.bulletin.BulletinProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordMissedAcknowledgment: the deadline passed and the vendor did not acknowledge. */
@Component
class RecordMissedAcknowledgmentDelegate implements JavaDelegate {

  private final BulletinService bulletins;

  RecordMissedAcknowledgmentDelegate(BulletinService bulletins) {
    this.bulletins = bulletins;
  }

  @Override
  public void execute(DelegateExecution execution) {
    bulletins.recordMissed(BULLETIN_ID.requiredFrom(execution), VENDOR_ID.requiredFrom(execution));
  }
}
