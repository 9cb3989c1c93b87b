package dev.steward.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** Body of {@code PUT /api/evaluations/{id}/bids/{vendorId}}. */
public record NewBid(
    @Schema(
            example = "48500.00",
            description = "the vendor's monthly price; > 0, at most 2 decimals")
        BigDecimal monthlyPrice) {}
