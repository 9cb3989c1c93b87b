package dev.steward.transition;

import dev.steward.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Transitions",
    description =
        "Replacing a vendor: proposal, approval by two different executives, plan work, a parallel"
            + " run comparing both vendors' scorecards, and the cut-over that offboards the old vendor")
class TransitionController {

  private final TransitionService transitions;

  TransitionController(TransitionService transitions) {
    this.transitions = transitions;
  }

  @PostMapping("/api/vendors/{id}/transitions")
  @Operation(
      summary = "Propose replacing an operating vendor",
      description =
          "RM or admin. Exactly one of successorVendorId (another vendor that is not OFFBOARDED or"
              + " REJECTED) and newEvaluation=true; 422 naming every invalid field. 409 when the vendor"
              + " is not OPERATING or already has an open transition. Starts the process"
              + " VendorTransition (business key = transition id): two different executives approve,"
              + " neither of them the proposer.")
  ResponseEntity<TransitionView> propose(
      @PathVariable String id, @RequestBody NewTransition request) {
    TransitionView created = transitions.propose(id, request, CurrentUser.get());
    return ResponseEntity.created(URI.create("/api/transitions/" + created.id())).body(created);
  }

  @GetMapping("/api/vendors/{id}/transitions")
  @Operation(
      summary = "A vendor's transitions (as the outgoing vendor), newest first",
      description = "Brand staff; 404 for a BPO lead and for a vendor that does not exist.")
  List<TransitionView> ofVendor(@PathVariable String id) {
    return transitions.ofVendor(id, CurrentUser.get());
  }

  @GetMapping("/api/transitions/{id}")
  @Operation(
      summary = "One transition: proposal, approvals, parallel run comparison and cut-over",
      description =
          "Brand staff; 404 for a BPO lead (of the outgoing vendor, the successor or any other) and"
              + " for a transition that does not exist. Scores rounded half-up to 2 decimals.")
  TransitionView get(@PathVariable String id) {
    return transitions.get(id, CurrentUser.get());
  }
}
