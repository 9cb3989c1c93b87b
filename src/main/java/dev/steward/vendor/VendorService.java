package dev.steward.vendor;

import dev.steward.platform.AuditLog;
import dev.steward.platform.ConflictException;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Role;
import dev.steward.platform.StewardPrincipal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor registry. Every read is scoped by the caller: a BPO lead sees only their own vendor.
 */
@Service
public class VendorService {

  static final LocalTime DEFAULT_DAY_START = LocalTime.of(8, 0);
  static final LocalTime DEFAULT_DAY_END = LocalTime.of(18, 0);

  private final VendorRepository vendors;
  private final IdentityService identityService;
  private final AuditLog auditLog;
  private final Clock clock;
  private final VendorLifecycles lifecycles;
  private final PhaseHistory phaseHistory;

  VendorService(
      VendorRepository vendors,
      IdentityService identityService,
      AuditLog auditLog,
      Clock clock,
      VendorLifecycles lifecycles,
      PhaseHistory phaseHistory) {
    this.vendors = vendors;
    this.identityService = identityService;
    this.auditLog = auditLog;
    this.clock = clock;
    this.lifecycles = lifecycles;
    this.phaseHistory = phaseHistory;
  }

  @Transactional
  public VendorView register(NewVendor request, StewardPrincipal actor) {
    List<FieldError> errors = new ArrayList<>();
    ZoneId zone = null;
    try {
      zone = ZoneId.of(request.timeZone());
    } catch (DateTimeException e) {
      errors.add(
          FieldError.field(
              "timeZone", "must be an IANA time zone such as Europe/Berlin or Asia/Manila"));
    }
    LocalTime start = Optional.ofNullable(request.businessHoursStart()).orElse(DEFAULT_DAY_START);
    LocalTime end = Optional.ofNullable(request.businessHoursEnd()).orElse(DEFAULT_DAY_END);
    if (!end.isAfter(start)) {
      errors.add(
          FieldError.field("businessHoursEnd", "must be after businessHoursStart (" + start + ")"));
    }
    EnumSet<DayOfWeek> days =
        request.businessDays() == null || request.businessDays().isEmpty()
            ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
            : EnumSet.copyOf(request.businessDays());
    String rm = request.relationshipManager();
    if (rm != null
        && identityService
                .createUserQuery()
                .userId(rm)
                .memberOfGroup(Role.RELATIONSHIP_MANAGER.groupId())
                .count()
            == 0) {
      errors.add(
          FieldError.field("relationshipManager", "'" + rm + "' is not a relationship manager"));
    }
    List<String> languages = request.languages().stream().distinct().toList();
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The vendor has invalid data", errors);
    }
    if (vendors.existsByCode(request.code())) {
      throw new ConflictException("A vendor with code '" + request.code() + "' already exists");
    }
    Vendor vendor =
        new Vendor(
            UUID.randomUUID().toString(),
            request.code(),
            request.name().strip(),
            request.deliveryModel(),
            request.teamModel(),
            request.involvement(),
            zone,
            start,
            end,
            days,
            languages,
            rm,
            Optional.ofNullable(request.lifecyclePhase()).orElse(LifecyclePhase.EVALUATION),
            // stored with microseconds (both databases): answer with exactly what a later read
            // returns
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            actor.username());
    try {
      vendors.saveAndFlush(vendor);
    } catch (DataIntegrityViolationException e) {
      // two registrations of one code at the same moment: the unique constraint decides
      throw new ConflictException("A vendor with code '" + request.code() + "' already exists");
    }
    auditLog.record(
        actor.username(),
        "VENDOR_REGISTERED",
        "vendor",
        vendor.getId(),
        "code=" + vendor.getCode());
    phaseHistory.entered(vendor.getId(), vendor.getLifecyclePhase(), vendor.getCreatedAt());
    // in the same transaction: a vendor without its lifecycle is never committed
    lifecycles.start(vendor);
    return VendorView.of(vendor);
  }

  /**
   * Moves the vendor to a phase of its lifecycle (called by the lifecycle process only);
   * idempotent: entering the phase it is in changes nothing.
   */
  @Transactional
  void enterPhase(String vendorId, LifecyclePhase phase) {
    Vendor vendor =
        vendors.findById(vendorId).orElseThrow(() -> new NotFoundException("Vendor", vendorId));
    if (vendor.getLifecyclePhase() == phase) {
      return;
    }
    LifecyclePhase before = vendor.getLifecyclePhase();
    vendor.enterPhase(phase);
    phaseHistory.entered(vendorId, phase, clock.instant());
    auditLog.record("system", "VENDOR_PHASE_CHANGED", "vendor", vendorId, before + " -> " + phase);
  }

  /** The vendor's lifecycle: current phase and steps, and when it entered each phase. */
  @Transactional(readOnly = true)
  public LifecycleView lifecycle(String vendorId, StewardPrincipal caller) {
    Vendor vendor = find(vendorId, caller);
    return lifecycles.view(vendor, phaseHistory.of(vendorId));
  }

  /**
   * Makes {@code username} the vendor's relationship manager (the onboarding process does this),
   * audit-logged; setting the one it already has changes nothing.
   *
   * @throws NotFoundException if there is no such vendor
   * @throws InvalidDataException if the user is not a relationship manager
   */
  @Transactional
  public VendorView assignRelationshipManager(String vendorId, String username, String actor) {
    Vendor vendor =
        vendors.findById(vendorId).orElseThrow(() -> new NotFoundException("Vendor", vendorId));
    if (!isRelationshipManager(username)) {
      throw InvalidDataException.of(
          "relationshipManager", "'" + username + "' is not a relationship manager");
    }
    String previous = vendor.getRelationshipManager();
    if (!username.equals(previous)) {
      vendor.assignRelationshipManager(username);
      vendors.saveAndFlush(vendor);
      auditLog.record(
          actor,
          "VENDOR_RELATIONSHIP_MANAGER_ASSIGNED",
          "vendor",
          vendorId,
          "relationshipManager=" + username + (previous == null ? "" : " (was " + previous + ")"));
    }
    return VendorView.of(vendor);
  }

  /** Whether a user of that name exists and is a relationship manager. */
  @Transactional(readOnly = true)
  public boolean isRelationshipManager(String username) {
    return username != null
        && !username.isBlank()
        && identityService
                .createUserQuery()
                .userId(username)
                .memberOfGroup(Role.RELATIONSHIP_MANAGER.groupId())
                .count()
            > 0;
  }

  @Transactional(readOnly = true)
  public List<VendorView> list(StewardPrincipal caller) {
    return vendors.findAllVisible(caller.scopeVendorId()).stream().map(VendorView::of).toList();
  }

  @Transactional(readOnly = true)
  public VendorView get(String id, StewardPrincipal caller) {
    return VendorView.of(find(id, caller));
  }

  /** The vendor if the caller may see it; otherwise 404, exactly as if it did not exist. */
  @Transactional(readOnly = true)
  public Vendor find(String id, StewardPrincipal caller) {
    return vendors
        .findVisible(id, caller.scopeVendorId())
        .orElseThrow(() -> new NotFoundException("Vendor", id));
  }

  @Transactional(readOnly = true)
  public boolean exists(String id) {
    return id != null && vendors.existsById(id);
  }

  /** For process delegates, which act for the system rather than a user. */
  @Transactional(readOnly = true)
  public Optional<Vendor> findForSystem(String id) {
    return vendors.findById(id);
  }

  @Transactional(readOnly = true)
  public Optional<VendorView> findByCode(String code) {
    return vendors.findByCode(code).map(VendorView::of);
  }
}
