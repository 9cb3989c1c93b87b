package dev.steward.vendor;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A BPO vendor the brand works with (or evaluates): its profile as product.md describes it. */
@Entity
@Table(name = "vendor")
public class Vendor {

  @Id private String id;

  private String code;
  private String name;

  @Enumerated(EnumType.STRING)
  private DeliveryModel deliveryModel;

  @Enumerated(EnumType.STRING)
  private TeamModel teamModel;

  @Enumerated(EnumType.STRING)
  private Involvement involvement;

  private String timeZone;
  private LocalTime businessHoursStart;
  private LocalTime businessHoursEnd;

  @Convert(converter = DaysOfWeekConverter.class)
  private Set<DayOfWeek> businessDays = EnumSet.noneOf(DayOfWeek.class);

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "vendor_language", joinColumns = @JoinColumn(name = "vendor_id"))
  @Column(name = "language")
  private Set<String> languages = new LinkedHashSet<>();

  private String relationshipManager;

  @Enumerated(EnumType.STRING)
  private LifecyclePhase lifecyclePhase;

  private Instant createdAt;
  private String createdBy;

  @Version private long version;

  protected Vendor() {}

  Vendor(
      String id,
      String code,
      String name,
      DeliveryModel deliveryModel,
      TeamModel teamModel,
      Involvement involvement,
      ZoneId timeZone,
      LocalTime businessHoursStart,
      LocalTime businessHoursEnd,
      Set<DayOfWeek> businessDays,
      List<String> languages,
      String relationshipManager,
      LifecyclePhase lifecyclePhase,
      Instant createdAt,
      String createdBy) {
    this.id = id;
    this.code = code;
    this.name = name;
    this.deliveryModel = deliveryModel;
    this.teamModel = teamModel;
    this.involvement = involvement;
    this.timeZone = timeZone.getId();
    this.businessHoursStart = businessHoursStart;
    this.businessHoursEnd = businessHoursEnd;
    this.businessDays = EnumSet.copyOf(businessDays);
    this.languages = new LinkedHashSet<>(languages);
    this.relationshipManager = relationshipManager;
    this.lifecyclePhase = lifecyclePhase;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  /** Onboarding assigns the relationship manager who owns the vendor day to day. */
  void assignRelationshipManager(String username) {
    this.relationshipManager = username;
  }

  public String getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public DeliveryModel getDeliveryModel() {
    return deliveryModel;
  }

  public TeamModel getTeamModel() {
    return teamModel;
  }

  public Involvement getInvolvement() {
    return involvement;
  }

  public ZoneId getTimeZone() {
    return ZoneId.of(timeZone);
  }

  public LocalTime getBusinessHoursStart() {
    return businessHoursStart;
  }

  public LocalTime getBusinessHoursEnd() {
    return businessHoursEnd;
  }

  public Set<DayOfWeek> getBusinessDays() {
    return businessDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(businessDays);
  }

  public List<String> getLanguages() {
    return List.copyOf(languages);
  }

  public String getRelationshipManager() {
    return relationshipManager;
  }

  public LifecyclePhase getLifecyclePhase() {
    return lifecyclePhase;
  }

  /** Only the vendor's lifecycle process moves it from phase to phase. */
  void enterPhase(LifecyclePhase phase) {
    this.lifecyclePhase = phase;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }
}
