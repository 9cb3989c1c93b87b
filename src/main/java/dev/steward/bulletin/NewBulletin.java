package dev.steward.bulletin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/bulletins}.
 *
 * @param vendorIds the vendors addressed; absent or empty: every vendor whose lifecycle has not
 *     ended
 * @param effectiveAt when the change takes effect (optional)
 * @param ackDueAt the acknowledgment deadline (optional: 14 days after publishing)
 */
public record NewBulletin(
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 4000) String body,
    @NotNull BulletinKind kind,
    @Size(max = 500) List<String> vendorIds,
    Instant effectiveAt,
    Instant ackDueAt) {}
