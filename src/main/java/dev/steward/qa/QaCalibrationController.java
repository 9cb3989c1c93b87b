package dev.steward.qa;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "QA",
    description = "QA scorecards and calibration sessions (kpis.md \"QA audits\", \"Calibration\")")
class QaCalibrationController {

  private final QaCalibrationService calibrations;

  QaCalibrationController(QaCalibrationService calibrations) {
    this.calibrations = calibrations;
  }

  @PostMapping("/api/vendors/{id}/qa-calibrations")
  @Operation(
      summary = "Start a calibration session (relationship managers, QA analysts, administrators)",
      description =
          "Every analyst audits every listed interaction with the vendor's current QA scorecard, each in a task"
              + " of their own (GET /api/tasks). 1-20 of the vendor's interaction ids, 2-20 distinct QA analysts;"
              + " anything else → 422 naming each field, e.g. interactionIds[1].")
  ResponseEntity<QaCalibrationView> start(
      @PathVariable String id, @RequestBody NewQaCalibration request) {
    QaCalibrationView started = calibrations.start(id, request, CurrentUser.get());
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/qa-calibrations/" + started.id()))
        .body(started);
  }

  @GetMapping("/api/vendors/{id}/qa-calibrations")
  @Operation(summary = "The vendor's calibration sessions, newest first (internal roles)")
  List<QaCalibrationView.Summary> list(@PathVariable String id) {
    return calibrations.list(id, CurrentUser.get());
  }

  @GetMapping("/api/qa-calibrations/{id}")
  @Operation(
      summary = "One calibration session: its progress and, once complete, its report",
      description =
          "While the audits are in progress only the number submitted per analyst is shown, never a"
              + " rating. When all are in, report holds per category the (population) standard deviation"
              + " of the analysts' category scores, per analyst the alignment (100 − mean distance from the"
              + " interaction medians), per interaction the median audit score, and every audit.")
  QaCalibrationView get(@PathVariable String id) {
    return calibrations.get(id, CurrentUser.get());
  }
}
