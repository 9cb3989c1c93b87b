package dev.steward.risk;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Risk and issue log",
    description =
        "Risks and issues per vendor: entered by hand, from escalation root causes and from QBR action"
            + " items; overdue = open or in progress with a due date before today (UTC)")
class RiskController {

  private final RiskService risks;

  RiskController(RiskService risks) {
    this.risks = risks;
  }

  @PostMapping("/api/vendors/{id}/risks")
  @Operation(summary = "Enter a risk or issue for the vendor (brand staff); source MANUAL")
  ResponseEntity<RiskItemView> create(@PathVariable String id, @RequestBody NewRiskItem request) {
    RiskItemView item = risks.create(id, request, CurrentUser.get());
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/risks/" + item.id()))
        .body(item);
  }

  @GetMapping("/api/vendors/{id}/risks")
  @Operation(
      summary = "The vendor's risk log, most urgent first (a BPO lead: only their own vendor)")
  List<RiskItemView> list(
      @PathVariable String id,
      @Parameter(description = "OPEN, IN_PROGRESS, DONE or CANCELLED")
          @RequestParam(required = false)
          String status,
      @Parameter(description = "only overdue items") @RequestParam(defaultValue = "false")
          boolean overdue) {
    return risks.list(id, status, overdue, CurrentUser.get());
  }

  @GetMapping("/api/risks")
  @Operation(
      summary = "Every vendor's risk log (brand staff), e.g. ?overdue=true for the weekly sync")
  List<RiskItemView> listAll(
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "false") boolean overdue) {
    return risks.listAll(status, overdue);
  }

  @GetMapping("/api/risks/{id}")
  @Operation(summary = "One risk item (brand staff)")
  RiskItemView get(@PathVariable String id) {
    return risks.get(id, CurrentUser.get());
  }

  @PatchMapping("/api/risks/{id}")
  @Operation(
      summary = "Change a risk item's status, owner or due date (brand staff)",
      description =
          "Only the fields present change. Closing a QBR action item here also completes its task in"
              + " the quarterly review.")
  RiskItemView patch(@PathVariable String id, @RequestBody RiskItemPatch patch) {
    return risks.patch(id, patch, CurrentUser.get());
  }
}
