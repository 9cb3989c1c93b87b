package dev.steward.portal;

import dev.steward.escalation.EscalationCategory;
import dev.steward.escalation.EscalationProcess;
import dev.steward.escalation.EscalationService;
import dev.steward.escalation.EscalationView;
import dev.steward.escalation.NewEscalation;
import dev.steward.escalation.Severity;
import dev.steward.platform.BadRequestException;
import dev.steward.platform.CurrentUser;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.StewardPrincipal;
import dev.steward.task.TaskSummary;
import dev.steward.task.WorkTasks;
import dev.steward.vendor.VendorService;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lead's escalations: the list with SLA clocks, one escalation, and filing a new one through
 * the same service and the same bean validation as {@code POST /api/escalations}, so a refused
 * field shows the very message the API's problem detail carries.
 */
@Controller
@RequestMapping("/portal/escalations")
class PortalEscalations {

  /** The form's fields in page order: errors are listed in this order. */
  static final List<String> FIELDS =
      List.of("severity", "category", "title", "description", "customerImpact");

  private final EscalationService escalations;
  private final VendorService vendors;
  private final PortalPages pages;
  private final Validator validator;
  private final WorkTasks tasks;

  PortalEscalations(
      EscalationService escalations,
      VendorService vendors,
      PortalPages pages,
      Validator validator,
      WorkTasks tasks) {
    this.tasks = tasks;
    this.escalations = escalations;
    this.vendors = vendors;
    this.pages = pages;
    this.validator = validator;
  }

  @GetMapping
  String list(Model model) {
    StewardPrincipal lead = CurrentUser.get();
    model.addAttribute("vendor", vendors.find(lead.vendorId(), lead));
    model.addAttribute("escalations", pages.rows(escalations.list(lead, null, null)));
    return "portal/escalations";
  }

  /** The table alone, for htmx to refresh the SLA clocks in place. */
  @GetMapping("/table")
  String table(Model model) {
    StewardPrincipal lead = CurrentUser.get();
    model.addAttribute("escalations", pages.rows(escalations.list(lead, null, null)));
    return "portal/escalations :: table";
  }

  @GetMapping("/new")
  String form(Model model) {
    StewardPrincipal lead = CurrentUser.get();
    model.addAttribute("form", new EscalationForm());
    return showForm(model, lead, FieldErrors.NONE, null);
  }

  @PostMapping
  String file(
      @ModelAttribute("form") EscalationForm form,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    StewardPrincipal lead = CurrentUser.get();
    if (form.getIdempotencyKey() == null
        || !form.getIdempotencyKey().matches("[\\x21-\\x7E]{1,200}")) {
      form.setIdempotencyKey(UUID.randomUUID().toString());
    }
    List<FieldError> errors = new ArrayList<>();
    Severity severity = parse(Severity.class, "severity", form.getSeverity(), errors);
    EscalationCategory category =
        parse(EscalationCategory.class, "category", form.getCategory(), errors);
    NewEscalation request =
        new NewEscalation(
            lead.vendorId(),
            severity,
            category,
            form.getTitle(),
            form.getDescription(),
            form.getCustomerImpact());
    for (ConstraintViolation<NewEscalation> v : validator.validate(request)) {
      String field = v.getPropertyPath().toString();
      if (errors.stream().noneMatch(e -> field.equals(e.field()))) {
        errors.add(FieldError.field(field, v.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(e -> order(e.field())));
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return showForm(model, lead, FieldErrors.of(errors), "The escalation has invalid data");
    }
    EscalationService.Filed filed;
    try {
      filed = escalations.file(request, lead, form.getIdempotencyKey());
    } catch (InvalidDataException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      return showForm(model, lead, FieldErrors.of(e.errors()), e.getMessage());
    } catch (BadRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return showForm(model, lead, FieldErrors.of(e.errors()), e.getMessage());
    }
    EscalationView escalation = filed.escalation();
    redirect.addFlashAttribute(
        "flash",
        filed.replayed()
            ? "This escalation was already filed: “" + escalation.title() + "”."
            : "Escalation filed: “"
                + escalation.title()
                + "”. Your relationship manager has been asked to respond.");
    return "redirect:/portal/escalations/" + escalation.id();
  }

  @GetMapping("/{id}")
  String show(@PathVariable String id, Model model) {
    StewardPrincipal lead = CurrentUser.get();
    EscalationView escalation = escalations.get(id, lead);
    model.addAttribute("vendor", vendors.find(lead.vendorId(), lead));
    model.addAttribute("row", pages.rows(List.of(escalation)).get(0));
    // the lead's open task on this escalation (confirming its resolution), if there is one
    model.addAttribute(
        "taskId",
        tasks.list(lead).stream()
            .filter(t -> EscalationProcess.PROCESS_KEY.equals(t.processKey()))
            .filter(t -> id.equals(t.businessKey()))
            .map(TaskSummary::id)
            .findFirst()
            .orElse(null));
    return "portal/escalation";
  }

  private String showForm(Model model, StewardPrincipal lead, FieldErrors errors, String problem) {
    model.addAttribute("vendor", vendors.find(lead.vendorId(), lead));
    model.addAttribute("severities", Severity.values());
    model.addAttribute("categories", EscalationCategory.values());
    model.addAttribute("errors", errors);
    model.addAttribute("problem", problem);
    return "portal/escalation-form";
  }

  /**
   * A select's value as its enum: blank is "no value" (bean validation then says so, as for a
   * missing JSON property); an unknown value gets the API's message for an unreadable enum.
   */
  private static <E extends Enum<E>> E parse(
      Class<E> type, String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      errors.add(
          FieldError.field(
              field,
              "cannot be read as "
                  + type.getSimpleName()
                  + "; allowed: "
                  + Arrays.stream(type.getEnumConstants())
                      .map(Object::toString)
                      .collect(Collectors.joining(", "))));
      return null;
    }
  }

  private static int order(String field) {
    int i = FIELDS.indexOf(field);
    return i < 0 ? FIELDS.size() : i;
  }
}
