package dev.steward.review;

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
    name = "Quarterly business reviews",
    description =
        "QBRs per vendor (processes/quarterly-review.bpmn): facts, outcome, action items; notices the"
            + " vendor's team sees")
class ReviewController {

  private final ReviewService reviews;

  ReviewController(ReviewService reviews) {
    this.reviews = reviews;
  }

  @PostMapping("/api/vendors/{id}/reviews")
  @Operation(
      summary = "Start a quarterly review now (RM, admin)",
      description =
          "Reviews the given quarter (default: the last full calendar quarter, UTC). The facts are"
              + " assembled by a job; the vendor's RM then holds the QBR through /api/tasks. 409 if a"
              + " review of that quarter is still waiting to be held.")
  ResponseEntity<ReviewView> start(
      @PathVariable String id, @RequestBody(required = false) NewReview request) {
    ReviewView review = reviews.request(id, request, CurrentUser.get());
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/reviews/" + review.id()))
        .body(review);
  }

  @GetMapping("/api/vendors/{id}/reviews")
  @Operation(summary = "The vendor's reviews, newest first (brand staff)")
  List<ReviewView> list(@PathVariable String id) {
    return reviews.list(id, CurrentUser.get());
  }

  @GetMapping("/api/reviews/{id}")
  @Operation(summary = "One review with the facts the RM saw (brand staff)")
  ReviewView get(@PathVariable String id) {
    return reviews.get(id, CurrentUser.get());
  }

  @GetMapping("/api/vendors/{id}/notices")
  @Operation(
      summary = "Notices for the vendor's team, newest first (every role; a BPO lead: own vendor)")
  List<NoticeView> notices(@PathVariable String id) {
    return reviews.notices(id, CurrentUser.get());
  }
}
