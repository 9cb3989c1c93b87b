package dev.steward.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.bulletin.BulletinProcess;
import dev.steward.bulletin.BulletinService;
import dev.steward.escalation.EscalationProcess;
import dev.steward.escalation.EscalationService;
import dev.steward.platform.BadRequestException;
import dev.steward.platform.ConflictException;
import dev.steward.platform.CurrentUser;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.StewardPrincipal;
import dev.steward.qa.QaCycleProcess;
import dev.steward.task.FormField;
import dev.steward.task.TaskDetail;
import dev.steward.task.TaskSummary;
import dev.steward.task.WorkTasks;
import dev.steward.vendor.VendorService;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lead's open tasks and one task's form, rendered from the fields of its Camunda Form and
 * completed through the same {@link WorkTasks} as {@code POST /api/tasks/{id}/complete}: the same
 * checks, the same 422 field errors, the same 409 when it was completed already.
 */
@Controller
@RequestMapping("/portal/tasks")
class PortalTasks {

  private final WorkTasks tasks;
  private final VendorService vendors;
  private final EscalationService escalations;
  private final BulletinService bulletins;
  private final PortalPages pages;
  private final ObjectMapper objectMapper;

  PortalTasks(
      WorkTasks tasks,
      VendorService vendors,
      EscalationService escalations,
      BulletinService bulletins,
      PortalPages pages,
      ObjectMapper objectMapper) {
    this.tasks = tasks;
    this.vendors = vendors;
    this.escalations = escalations;
    this.bulletins = bulletins;
    this.pages = pages;
    this.objectMapper = objectMapper;
  }

  /** A task in the list, with what kind of work it is. */
  public record TaskRow(TaskSummary task, String kind) {}

  @GetMapping
  String list(Model model) {
    StewardPrincipal lead = CurrentUser.get();
    model.addAttribute("vendor", vendors.find(lead.vendorId(), lead));
    model.addAttribute(
        "tasks",
        tasks.list(lead).stream()
            .map(t -> new TaskRow(t, kind(t.processKey(), t.taskKey())))
            .toList());
    return "portal/tasks";
  }

  @GetMapping("/{id}")
  String show(@PathVariable String id, Model model) {
    StewardPrincipal lead = CurrentUser.get();
    TaskDetail task = tasks.get(id, lead);
    return showForm(model, lead, task, Map.of(), FieldErrors.NONE, null);
  }

  @PostMapping("/{id}")
  String complete(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> params,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    StewardPrincipal lead = CurrentUser.get();
    TaskDetail task;
    try {
      task = tasks.get(id, lead);
    } catch (NotFoundException gone) {
      // no longer open: completed already (409, if it was the lead's) or never theirs (404)
      try {
        tasks.complete(id, Map.of(), lead);
      } catch (ConflictException e) {
        return conflict(model, lead, e, response);
      }
      throw gone;
    }
    Map<String, Object> entered = entered(task.formFields(), params);
    Map<String, Object> values = values(task.formFields(), params);
    try {
      tasks.complete(id, values, lead);
    } catch (InvalidDataException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return showForm(model, lead, task, entered, FieldErrors.of(e.errors()), e.getMessage());
    } catch (BadRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return showForm(model, lead, task, entered, FieldErrors.of(e.errors()), e.getMessage());
    } catch (ConflictException e) {
      return conflict(model, lead, e, response);
    }
    redirect.addFlashAttribute("flash", "Done: “" + task.name() + "” is completed.");
    return "redirect:/portal/tasks";
  }

  private String conflict(
      Model model, StewardPrincipal lead, ConflictException e, HttpServletResponse response) {
    response.setStatus(HttpStatus.CONFLICT.value());
    model.addAttribute("vendor", vendors.find(lead.vendorId(), lead));
    model.addAttribute("message", e.getMessage());
    return "portal/task-conflict";
  }

  private String showForm(
      Model model,
      StewardPrincipal lead,
      TaskDetail task,
      Map<String, Object> entered,
      FieldErrors errors,
      String problem) {
    model.addAttribute("vendor", vendors.find(lead.vendorId(), lead));
    model.addAttribute("task", task);
    model.addAttribute("kind", kind(task.processKey(), task.taskKey()));
    model.addAttribute("values", entered);
    model.addAttribute("errors", errors);
    model.addAttribute("problem", problem);
    addContext(model, lead, task);
    return "portal/task";
  }

  /** What the task is about: the escalation or the bulletin it belongs to. */
  private void addContext(Model model, StewardPrincipal lead, TaskDetail task) {
    if (task.businessKey() == null) {
      return;
    }
    try {
      if (EscalationProcess.PROCESS_KEY.equals(task.processKey())) {
        model.addAttribute(
            "escalation", pages.rows(List.of(escalations.get(task.businessKey(), lead))).get(0));
      } else if (BulletinProcess.PROCESS_KEY.equals(task.processKey())) {
        String bulletinId = task.businessKey().split(":", 2)[0];
        model.addAttribute("bulletin", bulletins.get(bulletinId, lead));
      }
    } catch (NotFoundException e) {
      // the task's form still works without its context
    }
  }

  /** The values as typed, to show them again beside the errors. */
  private static Map<String, Object> entered(
      List<FormField> fields, MultiValueMap<String, String> params) {
    Map<String, Object> entered = new LinkedHashMap<>();
    for (FormField f : fields) {
      List<String> given = params.get(f.key());
      if (given == null) {
        continue;
      }
      entered.put(f.key(), "checklist".equals(f.type()) ? List.copyOf(given) : given.get(0));
    }
    return entered;
  }

  /**
   * The form's values as the task API takes them: numbers as numbers, a checkbox as true/false,
   * lists as lists; only the form's own fields (the CSRF token is not one). What cannot be read is
   * passed on as typed, so the task's form validation names it.
   */
  private Map<String, Object> values(List<FormField> fields, MultiValueMap<String, String> params) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FormField f : fields) {
      List<String> given = params.get(f.key());
      String first = given == null || given.isEmpty() ? null : given.get(0);
      switch (f.type()) {
        case "checkbox" -> values.put(f.key(), first != null && !first.isEmpty());
        case "checklist" -> {
          if (given != null) {
            values.put(f.key(), List.copyOf(given));
          }
        }
        case "taglist" -> {
          if (first != null && !first.isBlank()) {
            values.put(
                f.key(),
                Arrays.stream(first.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList());
          }
        }
        case "number" -> {
          if (first != null && !first.isBlank()) {
            values.put(f.key(), number(first.strip()));
          }
        }
        case "dynamiclist" -> {
          if (first != null && !first.isBlank()) {
            values.put(f.key(), json(first));
          }
        }
        default -> {
          if (first != null) {
            values.put(f.key(), first);
          }
        }
      }
    }
    return values;
  }

  private static Object number(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private Object json(String text) {
    try {
      return objectMapper.readValue(text, List.class);
    } catch (Exception e) {
      return text;
    }
  }

  /** What kind of work a task is, in the lead's words. */
  static String kind(String processKey, String taskKey) {
    if (EscalationProcess.PROCESS_KEY.equals(processKey)) {
      return "Escalation";
    }
    if (BulletinProcess.PROCESS_KEY.equals(processKey)) {
      return "Bulletin acknowledgment";
    }
    if (QaCycleProcess.PROCESS_KEY.equals(processKey)) {
      return taskKey != null && taskKey.toLowerCase().contains("dispute")
          ? "QA dispute"
          : "Coaching";
    }
    if (processKey == null) {
      return "Task";
    }
    return new ArrayList<>(List.of(processKey.split("(?=[A-Z])")))
        .stream().reduce((a, b) -> a + " " + b.toLowerCase()).orElse(processKey);
  }
}
