package dev.steward.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One criterion of an RFP matrix: a key, a display name and an integer weight; the weights of a
 * round add up to 100. The criterion {@code price} is not rated by the evaluators but scored from
 * the bids.
 */
public record Criterion(
    @Schema(
            example = "languageProficiency",
            description = "letters and digits, starting with a letter")
        String key,
    @Schema(example = "Language proficiency") String name,
    @Schema(example = "15", description = "a whole number 0–100; the weights add up to 100")
        Integer weight) {

  /** The key of the criterion scored from the bids rather than rated. */
  public static final String PRICE = "price";

  public boolean isPrice() {
    return PRICE.equals(key);
  }
}
