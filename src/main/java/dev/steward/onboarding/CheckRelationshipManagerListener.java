package dev.steward.onboarding;

import static dev.steward.onboarding.OnboardingProcess.RELATIONSHIP_MANAGER;

import dev.steward.platform.InvalidDataException;
import dev.steward.vendor.VendorService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener on Task_AssignRelationshipManager: the user name must belong to a relationship
 * manager; otherwise the task API answers 422 naming {@code relationshipManager}.
 */
@Component
class CheckRelationshipManagerListener implements TaskListener {

  private final VendorService vendors;

  CheckRelationshipManagerListener(VendorService vendors) {
    this.vendors = vendors;
  }

  @Override
  public void notify(DelegateTask task) {
    String username = RELATIONSHIP_MANAGER.from(task);
    if (!vendors.isRelationshipManager(username)) {
      throw InvalidDataException.of(
          RELATIONSHIP_MANAGER.name(),
          "'" + username + "' is not a relationship manager: give the user name of one");
    }
  }
}
