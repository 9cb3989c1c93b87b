package dev.steward.qa;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
    name = "QA cycles",
    description =
        "Statistically sized samples of a vendor's interactions, audited against the QA scorecard;"
            + " results with confidence intervals, coaching, disputes and recognition points")
class QaCycleController {

  private final QaCycleService cycles;

  QaCycleController(QaCycleService cycles) {
    this.cycles = cycles;
  }

  @PostMapping("/api/vendors/{id}/qa-cycles")
  @Operation(
      summary = "Start a QA cycle for a vendor (RMs, QA analysts, administrators)",
      description =
          "Sizes the sample with Cochran's formula for the vendor's handled interactions of the month"
              + " (N), draws it uniformly at random from the seed (every agent gets at least"
              + " minPerAgent audits where they have that many) and starts the cycle's process: one"
              + " audit task per sampled interaction for the QA analysts. The body and each field are"
              + " optional: the previous calendar month (UTC), 95 %, margin 0.05, minPerAgent 1, a"
              + " fresh seed. 201 with the cycle; 404 unknown vendor; 422 invalid values.")
  ResponseEntity<QaCycleView> start(
      @PathVariable String id, @Valid @RequestBody(required = false) NewQaCycle request) {
    QaCycleView cycle = cycles.start(id, request, CurrentUser.get());
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/qa-cycles/" + cycle.id()))
        .body(cycle);
  }

  @GetMapping("/api/vendors/{id}/qa-cycles")
  @Operation(summary = "A vendor's QA cycles, the latest month first (a BPO lead: their vendor's)")
  List<QaCycleView> list(@PathVariable String id) {
    return cycles.list(id, CurrentUser.get());
  }

  @GetMapping("/api/qa-cycles/{id}")
  @Operation(
      summary = "One QA cycle with its results, coaching and flagged agents",
      description =
          "Results per agent and for the vendor: audits, completed, scored, passed, QA score (mean"
              + " audit score), pass rate in percent with its 95 % Wilson interval. 404 if the cycle"
              + " is not the caller's vendor's.")
  QaCycleDetail get(@PathVariable String id) {
    return cycles.get(id, CurrentUser.get());
  }

  @GetMapping("/api/qa-cycles/{id}/audits")
  @Operation(summary = "The audits of a QA cycle, with scores and the analysts' feedback")
  List<QaAuditView> audits(@PathVariable String id) {
    return cycles.audits(id, CurrentUser.get());
  }

  @GetMapping("/api/qa/audits/{id}")
  @Operation(
      summary =
          "One audit: ratings, category scores, score, pass/fail, feedback, history, disputes",
      description =
          "history lists every revision, the analyst's first; an upheld dispute adds a revision and"
              + " leaves the earlier ones as they were.")
  QaAuditDetail audit(@PathVariable String id) {
    return cycles.audit(id, CurrentUser.get());
  }

  @PostMapping("/api/qa/audits/{id}/disputes")
  @Operation(
      summary = "Dispute an audit of your vendor (BPO leads)",
      description =
          "Within the cycle's dispute window (5 days from the publication of its results) the"
              + " vendor's relationship manager arbitrates it: upheld re-scores the audit. 201 with the"
              + " dispute; 404 not your vendor's audit; 409 outside the window or while the audit has"
              + " an open dispute.")
  ResponseEntity<QaDisputeView> dispute(
      @PathVariable String id, @Valid @RequestBody NewQaDispute request) {
    QaDisputeView dispute = cycles.dispute(id, request, CurrentUser.get());
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/qa/audits/" + id))
        .body(dispute);
  }

  @GetMapping("/api/vendors/{id}/qa-leaderboard")
  @Operation(summary = "The vendor's agents by recognition points (10 per passing audit)")
  List<QaLeaderboardEntry> leaderboard(@PathVariable String id) {
    return cycles.leaderboard(id, CurrentUser.get());
  }

  @GetMapping("/api/vendors/{id}/agents/{agentId}/points")
  @Operation(summary = "An agent's recognition points: the balance and the ledger")
  QaPointsView points(
      @PathVariable String id,
      @Parameter(description = "The agent id as in the interaction data") @PathVariable
          String agentId) {
    return cycles.points(id, agentId, CurrentUser.get());
  }
}
