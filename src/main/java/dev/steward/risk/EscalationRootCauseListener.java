package dev.steward.risk;

import dev.steward.escalation.EscalationResolved;
import dev.steward.vendor.VendorService;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An escalation resolved with a root cause becomes a risk item (source ESCALATION_ROOT_CAUSE,
 * reference = escalation id) in the resolution's transaction: once, however often it is resolved.
 * Owner: the vendor's RM (else who resolved it); due in {@value #DUE_DAYS} days; severity from the
 * escalation's (P1 CRITICAL ... P4 LOW).
 */
@Component
class EscalationRootCauseListener {

  static final int DUE_DAYS = 30;

  private final RiskService risks;
  private final VendorService vendors;

  EscalationRootCauseListener(RiskService risks, VendorService vendors) {
    this.risks = risks;
    this.vendors = vendors;
  }

  @EventListener
  void on(EscalationResolved event) {
    String owner =
        vendors
            .findForSystem(event.vendorId())
            .map(v -> v.getRelationshipManager())
            .filter(rm -> rm != null && !rm.isBlank())
            .orElse(event.resolvedBy() == null ? "system" : event.resolvedBy());
    String detail = event.rootCauseDetail() == null ? "" : ": " + event.rootCauseDetail();
    risks.recordFromSource(
        event.vendorId(),
        RiskSource.ESCALATION_ROOT_CAUSE,
        event.escalationId(),
        "Root cause " + event.rootCause() + " of escalation \"" + event.title() + "\"",
        "Escalation "
            + event.escalationId()
            + " ("
            + event.severity()
            + ") resolved with root cause "
            + event.rootCause()
            + detail
            + ". Resolution: "
            + event.resolution(),
        owner,
        severityOf(event.severity()),
        LocalDate.ofInstant(event.resolvedAt(), ZoneOffset.UTC).plusDays(DUE_DAYS),
        event.resolvedBy() == null ? "system" : event.resolvedBy());
  }

  static RiskSeverity severityOf(String escalationSeverity) {
    return switch (escalationSeverity == null ? "" : escalationSeverity) {
      case "P1" -> RiskSeverity.CRITICAL;
      case "P2" -> RiskSeverity.HIGH;
      case "P3" -> RiskSeverity.MEDIUM;
      default -> RiskSeverity.LOW;
    };
  }
}
