package dev.steward.onboarding;

import dev.steward.platform.InvalidDataException;
import dev.steward.platform.ProcessVariable;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener on the checklist tasks (system access, knowledge-base handover): the task
 * completes only when every item is ticked; otherwise the task API answers 422 naming the field and
 * the missing items.
 */
@Component
class CheckChecklistCompleteListener implements TaskListener {

  /** A checklist field and the items it must hold, as in its form. */
  record Checklist(ProcessVariable<Object> field, List<String> items) {}

  static final Map<String, Checklist> CHECKLISTS =
      Map.of(
          OnboardingProcess.Elements.GRANT_SYSTEM_ACCESS,
          new Checklist(
              OnboardingProcess.SYSTEM_ACCESS_GRANTED,
              List.of("CRM", "TELEPHONY", "TICKETING", "KNOWLEDGE_BASE", "SINGLE_SIGN_ON")),
          OnboardingProcess.Elements.HAND_OVER_KNOWLEDGE_BASE,
          new Checklist(
              OnboardingProcess.KNOWLEDGE_BASE_HANDED_OVER,
              List.of("SOPS", "MACROS", "PRODUCT_CATALOG", "POLICIES", "ESCALATION_MATRIX")));

  @Override
  public void notify(DelegateTask task) {
    Checklist checklist = CHECKLISTS.get(task.getTaskDefinitionKey());
    if (checklist == null) {
      throw new IllegalStateException(
          "No checklist is defined for task " + task.getTaskDefinitionKey());
    }
    List<String> ticked = ChecklistValues.of(checklist.field().from(task));
    List<String> missing = checklist.items().stream().filter(i -> !ticked.contains(i)).toList();
    if (!missing.isEmpty()) {
      throw InvalidDataException.of(
          checklist.field().name(),
          "every item must be done before this task completes; not done: "
              + String.join(", ", missing));
    }
  }
}
