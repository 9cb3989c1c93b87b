package dev.steward.evaluation;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/evaluations")
@Tag(
    name = "Vendor evaluation",
    description =
        "RFP rounds: a weighted criteria matrix, bids, independent evaluators, a ranking and an executive's"
            + " selection for a pilot (kpis.md \"Vendor evaluation\")")
class EvaluationController {

  private final EvaluationService evaluations;

  EvaluationController(EvaluationService evaluations) {
    this.evaluations = evaluations;
  }

  @PostMapping
  @Operation(
      summary = "Open an evaluation round (relationship managers, administrators)",
      description =
          "Starts the VendorEvaluation process: the caller confirms the bids (task Task_ConfirmBids), then every"
              + " evaluator scores every candidate (Task_ScoreCandidates), the candidates are ranked and an"
              + " executive selects who goes to a pilot (Task_SelectForPilot). Without criteria, product.md's"
              + " eight with default weights. Candidates must be vendors in phase EVALUATION; evaluators"
              + " relationship managers, executives or QA analysts. Every problem → 422 naming the field.")
  ResponseEntity<EvaluationView> open(@RequestBody NewEvaluation request) {
    EvaluationView round = evaluations.open(request, CurrentUser.get());
    return ResponseEntity.created(URI.create("/api/evaluations/" + round.id())).body(round);
  }

  @PutMapping("/{id}/bids/{vendorId}")
  @Operation(
      summary = "Enter or replace a candidate's bid (relationship managers, administrators)",
      description =
          "Only while the round takes bids (status BIDDING): 409 once the bids are confirmed. 404 if the vendor"
              + " is not a candidate of the round.")
  EvaluationView.Candidate bid(
      @PathVariable String id, @PathVariable String vendorId, @RequestBody NewBid bid) {
    return evaluations.putBid(id, vendorId, bid, CurrentUser.get());
  }

  @GetMapping
  @Operation(summary = "Evaluation rounds, newest first (internal roles)")
  List<EvaluationSummary> list() {
    return evaluations.list(CurrentUser.get());
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "One evaluation round (internal roles)",
      description =
          "Until the round is ranked, each evaluator shows only PENDING or SUBMITTED: nobody sees another"
              + " evaluator's ratings (the caller sees their own once submitted). The ranking once computed, the"
              + " selection once made.")
  EvaluationView get(@PathVariable String id) {
    return evaluations.get(id, CurrentUser.get());
  }

  @GetMapping("/{id}/ranking")
  @Operation(
      summary = "The round's ranking, best first (internal roles)",
      description =
          "total = Σ w·points / 100 with points = 100 × (mean rating − 1) / 4 and price points = 100 × lowest"
              + " bid / bid; ties by lower price. 409 while the round is not ranked yet.")
  RankingView ranking(@PathVariable String id) {
    return evaluations.ranking(id);
  }
}
