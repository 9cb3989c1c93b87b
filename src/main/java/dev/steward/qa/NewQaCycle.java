package dev.steward.qa;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/**
 * Body of {@code POST /api/vendors/{id}/qa-cycles}; every field is optional and defaults as the
 * monthly schedule does.
 */
@Schema(description = "How to size and draw the cycle's sample; every field is optional")
public record NewQaCycle(
    @Schema(
            description = "The month to sample (UTC); default: the previous calendar month",
            example = "2026-07")
        @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month like 2026-07")
        String period,
    @Schema(
            description = "Confidence level in percent; default 95",
            allowableValues = {"90", "95", "99"})
        Integer confidence,
    @Schema(description = "Margin of error, 0.01 to 0.2; default 0.05", example = "0.05")
        @DecimalMin(value = "0.01", message = "must be between 0.01 and 0.2")
        @DecimalMax(value = "0.2", message = "must be between 0.01 and 0.2")
        BigDecimal margin,
    @Schema(
            description =
                "Every agent with handled contacts gets at least this many audits (where they have"
                    + " that many); 0 to 20, default 1")
        @Min(value = 0, message = "must be between 0 and 20")
        @Max(value = 20, message = "must be between 0 and 20")
        Integer minPerAgent,
    @Schema(description = "Seed of the random draw, to reproduce a sample; default: a fresh one")
        Long seed) {

  public static NewQaCycle defaults() {
    return new NewQaCycle(null, null, null, null, null);
  }
}
