package dev.steward.vendor;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/** A vendor as the API shows it. */
public record VendorView(
    String id,
    String code,
    String name,
    DeliveryModel deliveryModel,
    TeamModel teamModel,
    Involvement involvement,
    String timeZone,
    LocalTime businessHoursStart,
    LocalTime businessHoursEnd,
    List<DayOfWeek> businessDays,
    List<String> languages,
    String relationshipManager,
    LifecyclePhase lifecyclePhase,
    Instant createdAt) {

  static VendorView of(Vendor v) {
    return new VendorView(
        v.getId(),
        v.getCode(),
        v.getName(),
        v.getDeliveryModel(),
        v.getTeamModel(),
        v.getInvolvement(),
        v.getTimeZone().getId(),
        v.getBusinessHoursStart(),
        v.getBusinessHoursEnd(),
        v.getBusinessDays().stream().sorted().toList(),
        // a set in the database: sorted, so every read shows the same order
        v.getLanguages().stream().sorted().toList(),
        v.getRelationshipManager(),
        v.getLifecyclePhase(),
        v.getCreatedAt());
  }
}
