package dev.steward.qa;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/vendors/{id}/qa-scorecard")
@Tag(
    name = "QA",
    description = "QA scorecards and calibration sessions (kpis.md \"QA audits\", \"Calibration\")")
class QaScorecardController {

  private final QaScorecardService scorecards;

  QaScorecardController(QaScorecardService scorecards) {
    this.scorecards = scorecards;
  }

  @GetMapping
  @Operation(
      summary = "The vendor's QA scorecard: categories and pass mark",
      description =
          "The default set of kpis.md until one is set. Internal roles, and a BPO lead for their own vendor"
              + " (404 otherwise).")
  QaScorecardView get(@PathVariable String id) {
    return scorecards.get(id, CurrentUser.get());
  }

  @PutMapping
  @Operation(
      summary =
          "Set the vendor's QA scorecard (relationship managers, QA analysts, administrators)",
      description =
          "Replaces the categories and the pass mark. Each category has a unique key, a name, a whole weight > 0"
              + " and a whole rating scale min < max within 0..100; critical is optional (false). Unknown"
              + " properties → 400; invalid values → 422 naming every field, e.g. categories[2].weight. Running"
              + " calibration sessions keep the scorecard they started with.")
  QaScorecardView put(@PathVariable String id, @RequestBody QaScorecardRequest request) {
    return scorecards.replace(id, request, CurrentUser.get());
  }
}
