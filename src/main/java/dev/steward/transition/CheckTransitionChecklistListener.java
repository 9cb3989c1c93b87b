package dev.steward.transition;

import dev.steward.platform.InvalidDataException;
import dev.steward.platform.ProcessVariable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener on the four plan tasks: a task completes only when every item of its checklist
 * is ticked; otherwise 422 naming the field and the missing items.
 */
@Component
class CheckTransitionChecklistListener implements TaskListener {

  record Checklist(ProcessVariable<Object> field, List<String> items) {}

  static final Map<String, Checklist> CHECKLISTS =
      Map.of(
          TransitionProcess.Elements.KNOWLEDGE_TRANSFER,
          new Checklist(
              TransitionProcess.KNOWLEDGE_TRANSFERRED,
              List.of("SOPS", "MACROS", "OPEN_CASES", "ESCALATION_CONTACTS", "TRAINING_MATERIAL")),
          TransitionProcess.Elements.CUSTOMER_COMMUNICATION,
          new Checklist(
              TransitionProcess.CUSTOMER_COMMUNICATION_PLANNED,
              List.of("MESSAGE_APPROVED", "ROUTING_PLANNED", "FAQ_UPDATED", "DATES_PUBLISHED")),
          TransitionProcess.Elements.ACCESS_REVOCATION,
          new Checklist(
              TransitionProcess.ACCESS_REVOCATION_PLANNED,
              List.of("CRM", "TELEPHONY", "TICKETING", "KNOWLEDGE_BASE", "SINGLE_SIGN_ON")),
          TransitionProcess.Elements.CONTRACT_NOTICE,
          new Checklist(
              TransitionProcess.CONTRACT_NOTICE_GIVEN,
              List.of("NOTICE_SENT", "EXIT_TERMS_CONFIRMED", "FINAL_INVOICE_AGREED")));

  @Override
  public void notify(DelegateTask task) {
    Checklist checklist = CHECKLISTS.get(task.getTaskDefinitionKey());
    if (checklist == null) {
      throw new IllegalStateException(
          "No checklist is defined for task " + task.getTaskDefinitionKey());
    }
    List<String> ticked = values(checklist.field().from(task));
    List<String> missing = checklist.items().stream().filter(i -> !ticked.contains(i)).toList();
    if (!missing.isEmpty()) {
      throw InvalidDataException.of(
          checklist.field().name(),
          "every item must be done before this task completes; not done: "
              + String.join(", ", missing));
    }
  }

  /** The task API stores a checklist as a JSON list; Tasklist may submit comma-separated text. */
  static List<String> values(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      collection.forEach(v -> values.add(String.valueOf(v).strip()));
    } else if (value != null) {
      for (String part : value.toString().replaceAll("[\\[\\]\"]", "").split(",")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
    }
    return values;
  }
}
