package dev.steward.identity;

import dev.steward.platform.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/users}. */
public record NewUser(
    @NotBlank
        @Pattern(
            regexp = "[a-z0-9][a-z0-9._-]{1,63}",
            message =
                "2-64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
        String username,
    @NotBlank
        @Size(max = 128)
        @Schema(
            description =
                "at least 10 characters with an upper-case and a lower-case letter, a digit and a symbol")
        String password,
    @NotBlank @Size(max = 100) String displayName,
    @NotNull Role role,
    @Schema(description = "required for, and only for, BPO_LEAD") String vendorId,
    @Schema(
            description =
                "also member of the on-call group that takes escalations outside business hours")
        Boolean onCall) {}
