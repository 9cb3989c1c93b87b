package dev.steward.review;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A notice the vendor's team sees, e.g. recognition after an excellent quarter. */
public record NoticeView(
    String id,
    String vendorId,
    @Schema(allowableValues = {"RECOGNITION"}) String kind,
    String title,
    String message,
    String publishedBy,
    Instant publishedAt,
    @Schema(nullable = true) String reviewId) {

  static NoticeView of(ReviewStore.Notice n) {
    return new NoticeView(
        n.id(),
        n.vendorId(),
        n.kind(),
        n.title(),
        n.message(),
        n.publishedBy(),
        n.publishedAt(),
        n.reviewId());
  }
}
