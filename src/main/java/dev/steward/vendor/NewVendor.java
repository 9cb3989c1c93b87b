package dev.steward.vendor;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** Body of {@code POST /api/vendors}; only the first seven fields are required. */
public record NewVendor(
    @NotBlank
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}",
            message =
                "1-32 characters: letters, digits, '.', '_' or '-', starting with a letter or digit")
        String code,
    @NotBlank @Size(max = 200) String name,
    @NotNull DeliveryModel deliveryModel,
    @NotNull TeamModel teamModel,
    @NotNull Involvement involvement,
    @NotBlank @Schema(example = "Asia/Manila", description = "IANA time zone of the vendor's sites")
        String timeZone,
    @NotEmpty
        @Size(max = 20)
        @Schema(
            example = "[\"en\", \"es-MX\"]",
            description = "BCP 47 language tags the vendor's agents serve")
        List<
                @NotBlank
                @Pattern(
                    regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}",
                    message = "must be a BCP 47 language tag such as en or es-MX")
                String>
            languages,
    @Schema(
            type = "string",
            example = "08:00",
            description = "start of the vendor's business day, default 08:00")
        LocalTime businessHoursStart,
    @Schema(
            type = "string",
            example = "18:00",
            description = "end of the vendor's business day, default 18:00")
        LocalTime businessHoursEnd,
    @Schema(description = "working days, default Monday to Friday")
        Set<@NotNull DayOfWeek> businessDays,
    @Schema(description = "user name of the relationship manager who owns this vendor")
        String relationshipManager,
    @Schema(description = "default EVALUATION") LifecyclePhase lifecyclePhase) {}
