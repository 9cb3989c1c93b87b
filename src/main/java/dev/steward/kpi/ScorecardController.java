package dev.steward.kpi;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/vendors/{id}")
@Tag(
    name = "Scorecards",
    description = "A vendor's balanced scorecard, contract terms and service credits (kpis.md)")
class ScorecardController {

  private final ScorecardService scorecards;
  private final ContractService contracts;

  ScorecardController(ScorecardService scorecards, ContractService contracts) {
    this.scorecards = scorecards;
    this.contracts = contracts;
  }

  @PutMapping("/scorecard")
  @Operation(
      summary =
          "Set the vendor's scorecard: targets, zero points and weights (relationship managers, administrators)",
      description =
          "Replaces the previous definition. Weights are whole numbers ≥ 0 adding up to 100; higher-is-better KPIs"
              + " need target > zero, lower-is-better ones (aht, abandonRate) target < zero. Unknown KPI keys or"
              + " properties → 400, invalid values → 422 naming each field.")
  ScorecardDefinitionView define(@PathVariable String id, @RequestBody ScorecardRequest request) {
    return scorecards.replaceDefinition(id, request, CurrentUser.get());
  }

  @GetMapping("/scorecard")
  @Operation(
      summary = "The vendor's balanced scorecard and service credits over a month or a quarter",
      description =
          "Computed from the daily rollups. value, score and total are null where there is no data. A BPO lead may"
              + " read only their own vendor's (404 otherwise).")
  ScorecardView scorecard(
      @PathVariable String id,
      @Parameter(
              description = "a month like 2026-07 or a quarter like 2026-Q3, bounded in UTC",
              example = "2026-Q3")
          @RequestParam(required = false)
          String period) {
    return scorecards.scorecard(id, period, CurrentUser.get());
  }

  @GetMapping("/scorecard/definition")
  @Operation(
      summary = "The vendor's scorecard definition: targets, zero points and weights",
      description =
          "The kpis.md default until a definition is set. A BPO lead may read only their own (404 otherwise).")
  ScorecardDefinitionView definition(@PathVariable String id) {
    return scorecards.definition(id, CurrentUser.get());
  }

  @PutMapping("/contract")
  @Operation(
      summary = "Set the vendor's contract terms (relationship managers, administrators)",
      description =
          "Monthly fee, at-risk share, service-level threshold and the share of the at-risk amount credited per"
              + " missed KPI. A changed threshold recomputes the vendor's rollups.")
  ContractView setContract(@PathVariable String id, @RequestBody ContractRequest request) {
    return contracts.replace(id, request, CurrentUser.get());
  }

  @GetMapping("/contract")
  @Operation(summary = "The vendor's contract terms (internal roles)")
  ContractView contract(@PathVariable String id) {
    return contracts.get(id, CurrentUser.get());
  }
}
