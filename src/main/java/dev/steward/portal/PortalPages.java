package dev.steward.portal;

import dev.steward.bulletin.AcknowledgmentStatus;
import dev.steward.bulletin.BulletinProcess;
import dev.steward.bulletin.BulletinService;
import dev.steward.bulletin.VendorBulletinsView;
import dev.steward.escalation.EscalationService;
import dev.steward.escalation.EscalationStatus;
import dev.steward.escalation.EscalationView;
import dev.steward.kpi.Period;
import dev.steward.kpi.ScorecardService;
import dev.steward.kpi.ScorecardView;
import dev.steward.platform.BadRequestException;
import dev.steward.platform.CurrentUser;
import dev.steward.platform.StewardPrincipal;
import dev.steward.qa.QaCycleService;
import dev.steward.review.ReviewService;
import dev.steward.task.TaskSummary;
import dev.steward.task.WorkTasks;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's overview and its QA page. Everything is read for the signed-in lead's own vendor
 * ({@link StewardPrincipal#vendorId()}), through the same services as the API.
 */
@Controller
@RequestMapping("/portal")
class PortalPages {

  private final VendorService vendors;
  private final EscalationService escalations;
  private final WorkTasks tasks;
  private final BulletinService bulletins;
  private final QaCycleService qa;
  private final ScorecardService scorecards;
  private final ReviewService reviews;
  private final Clock clock;

  PortalPages(
      VendorService vendors,
      EscalationService escalations,
      WorkTasks tasks,
      BulletinService bulletins,
      QaCycleService qa,
      ScorecardService scorecards,
      ReviewService reviews,
      Clock clock) {
    this.vendors = vendors;
    this.escalations = escalations;
    this.tasks = tasks;
    this.bulletins = bulletins;
    this.qa = qa;
    this.scorecards = scorecards;
    this.reviews = reviews;
    this.clock = clock;
  }

  /** An escalation with its SLA clock. */
  public record EscalationRow(EscalationView escalation, SlaClock clock) {

    /** The status in words, e.g. "In progress". */
    public String statusText() {
      return words(escalation.status().name());
    }

    /** The category in words, e.g. "Product issue". */
    public String categoryText() {
      return words(escalation.category().name());
    }
  }

  /** The scorecard's KPI keys in words, with their units. */
  static final java.util.Map<String, String> KPI_LABELS =
      java.util.Map.of(
          "csat", "CSAT %",
          "nps", "NPS",
          "ces", "CES",
          "fcr", "FCR %",
          "aht", "AHT s",
          "serviceLevel", "Service level %",
          "abandonRate", "Abandon rate %");

  static String words(String constant) {
    String lower = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** A bulletin the vendor has not acknowledged yet, with the lead's task to acknowledge it. */
  public record BulletinToAcknowledge(VendorBulletinsView.Entry bulletin, String taskId) {}

  @GetMapping
  String overview(Model model) {
    StewardPrincipal lead = CurrentUser.get();
    Vendor vendor = vendors.find(lead.vendorId(), lead);
    List<TaskSummary> open = tasks.list(lead);
    List<EscalationRow> active =
        rows(escalations.list(lead, null, null)).stream()
            .filter(r -> isActive(r.escalation().status()))
            .toList();
    Period period = lastFullQuarter();
    model.addAttribute("vendor", vendor);
    model.addAttribute("tasks", open);
    model.addAttribute("escalations", active);
    model.addAttribute(
        "breached", active.stream().filter(r -> "bad".equals(r.clock().tone())).count());
    model.addAttribute("bulletins", toAcknowledge(lead, open));
    model.addAttribute("qa", qa.overview(vendor.getId(), lead));
    model.addAttribute("notices", reviews.notices(vendor.getId(), lead));
    model.addAttribute("period", period.toString());
    model.addAttribute("kpiLabels", KPI_LABELS);
    model.addAttribute("scorecard", scorecards.scorecard(vendor.getId(), period.toString(), lead));
    return "portal/overview";
  }

  @GetMapping("/qa")
  String qa(@RequestParam(required = false) String period, Model model) {
    StewardPrincipal lead = CurrentUser.get();
    Vendor vendor = vendors.find(lead.vendorId(), lead);
    String chosen = period == null || period.isBlank() ? lastFullQuarter().toString() : period;
    ScorecardView scorecard;
    try {
      scorecard = scorecards.scorecard(vendor.getId(), chosen, lead);
    } catch (BadRequestException e) {
      model.addAttribute("periodError", e.getMessage());
      chosen = lastFullQuarter().toString();
      scorecard = scorecards.scorecard(vendor.getId(), chosen, lead);
    }
    model.addAttribute("vendor", vendor);
    model.addAttribute("qa", qa.overview(vendor.getId(), lead));
    model.addAttribute("notices", reviews.notices(vendor.getId(), lead));
    model.addAttribute("period", chosen);
    model.addAttribute("periods", periods());
    model.addAttribute("kpiLabels", KPI_LABELS);
    model.addAttribute("scorecard", scorecard);
    return "portal/qa";
  }

  @GetMapping("/bulletins")
  String bulletins(Model model) {
    StewardPrincipal lead = CurrentUser.get();
    Vendor vendor = vendors.find(lead.vendorId(), lead);
    List<TaskSummary> open = tasks.list(lead);
    VendorBulletinsView all = bulletins.ofVendor(vendor.getId(), lead);
    model.addAttribute("vendor", vendor);
    model.addAttribute("all", all);
    model.addAttribute(
        "rows",
        all.bulletins().stream()
            .map(b -> new BulletinToAcknowledge(b, taskFor(b.bulletinId(), vendor.getId(), open)))
            .toList());
    return "portal/bulletins";
  }

  List<EscalationRow> rows(List<EscalationView> views) {
    Instant now = clock.instant();
    return views.stream().map(e -> new EscalationRow(e, SlaClock.of(e, now))).toList();
  }

  static boolean isActive(EscalationStatus status) {
    return status != EscalationStatus.CLOSED && status != EscalationStatus.RESOLVED;
  }

  private List<BulletinToAcknowledge> toAcknowledge(StewardPrincipal lead, List<TaskSummary> open) {
    return bulletins.ofVendor(lead.vendorId(), lead).bulletins().stream()
        .filter(b -> b.status() == AcknowledgmentStatus.OPEN)
        .map(b -> new BulletinToAcknowledge(b, taskFor(b.bulletinId(), lead.vendorId(), open)))
        .toList();
  }

  private static String taskFor(String bulletinId, String vendorId, List<TaskSummary> open) {
    String key = BulletinProcess.businessKey(bulletinId, vendorId);
    return open.stream()
        .filter(t -> BulletinProcess.PROCESS_KEY.equals(t.processKey()))
        .filter(t -> key.equals(t.businessKey()))
        .map(TaskSummary::id)
        .findFirst()
        .orElse(null);
  }

  /** The quarter before the current one (UTC): the latest quarter with complete numbers. */
  private Period lastFullQuarter() {
    Period current = Period.quarterOf(clock.instant());
    return Period.quarterOf(current.start().minusSeconds(1));
  }

  /** The periods the scorecard can be shown for: the last four quarters and six months. */
  private List<String> periods() {
    java.util.List<String> periods = new java.util.ArrayList<>();
    Period quarter = Period.quarterOf(clock.instant());
    for (int i = 0; i < 4; i++) {
      periods.add(quarter.toString());
      quarter = Period.quarterOf(quarter.start().minusSeconds(1));
    }
    Period month = Period.monthOf(clock.instant());
    for (int i = 0; i < 6; i++) {
      periods.add(month.toString());
      month = Period.monthOf(month.start().minusSeconds(1));
    }
    return periods;
  }
}
