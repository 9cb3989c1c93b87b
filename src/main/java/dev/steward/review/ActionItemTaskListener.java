package dev.steward.review;

import static dev.steward.review.QuarterlyReviewProcess.ACTION_ITEM_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of Task_CompleteActionItem: keeps the risk item id on the task itself, so closing
 * the risk item through the API can find and complete the task.
 */
@Component
class ActionItemTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(ACTION_ITEM_ID.name(), ACTION_ITEM_ID.requiredFrom(task.getExecution()));
  }
}
