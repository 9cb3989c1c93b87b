package dev.steward.training;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Training",
    description =
        "Agent training cohorts and refreshers: certification, proficiency, speed to proficiency")
class TrainingController {

  private final TrainingService training;

  TrainingController(TrainingService training) {
    this.training = training;
  }

  @GetMapping("/api/vendors/{id}/training-cohorts")
  @Operation(
      summary = "The vendor's training cohorts and refreshers, newest first",
      description =
          "Internal roles; a BPO lead only for their own vendor (404 otherwise). Median and mean days"
              + " to proficiency are rounded half-up to 2 decimals.")
  List<CohortSummary> list(@PathVariable String id) {
    return training.cohortsOf(id, CurrentUser.get());
  }

  @GetMapping("/api/training-cohorts/{id}")
  @Operation(
      summary = "One cohort with every agent's certification attempts and proficiency",
      description =
          "404 if it does not exist or belongs to another vendor than a BPO lead's own. Pass mark"
              + " 80, one retake.")
  CohortView get(@PathVariable String id) {
    return training.cohort(id, CurrentUser.get());
  }
}
