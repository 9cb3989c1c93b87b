package dev.steward.evaluation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Body of {@code POST /api/evaluations}. */
public record NewEvaluation(
    @Schema(example = "2026 EMEA German-language support", description = "1-200 characters")
        String name,
    @Schema(
            nullable = true,
            description =
                "the criteria matrix; weights are whole numbers adding up to 100. Absent: product.md's eight"
                    + " criteria (industryExperience 15, technology 10, serviceCapabilities 15,"
                    + " languageProficiency 15, cultureFit 10, security 10, price 15, references 10)")
        List<Criterion> criteria,
    @Schema(description = "ids of vendors in lifecycle phase EVALUATION; at least one")
        List<String> candidateVendorIds,
    @Schema(
            description =
                "user names of relationship managers, executives or QA analysts; at least one")
        List<String> evaluators,
    @Schema(nullable = true, description = "when the evaluators' scores are due") Instant dueAt) {}
