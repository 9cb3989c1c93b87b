package dev.steward.risk;

import dev.steward.platform.AuditLog;
import dev.steward.platform.ConflictException;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk and issue log (product.md §12): items entered by hand, from escalation root causes and
 * from QBR action items; scoped reads (a BPO lead sees only their own vendor's items), changes by
 * brand staff, and the calls the quarterly review makes for its action items. "Overdue" means open
 * or in progress with a due date before today (UTC).
 */
@Service
public class RiskService {

  static final int TITLE_MAX = 200;
  static final int DESCRIPTION_MAX = 4000;

  private final RiskStore store;
  private final VendorService vendors;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;
  private final AuditLog auditLog;
  private final Clock clock;

  RiskService(
      RiskStore store,
      VendorService vendors,
      IdentityService identityService,
      ApplicationEventPublisher events,
      AuditLog auditLog,
      Clock clock) {
    this.store = store;
    this.vendors = vendors;
    this.identityService = identityService;
    this.events = events;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  // --- API
  // -----------------------------------------------------------------------------------------

  /** A manual item; 422 naming every invalid field. */
  @Transactional
  public RiskItemView create(String vendorId, NewRiskItem request, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    List<FieldError> errors = new ArrayList<>();
    String title = text(request.title(), "title", TITLE_MAX, true, errors);
    String description = text(request.description(), "description", DESCRIPTION_MAX, false, errors);
    String owner = owner(request.owner(), "owner", errors);
    RiskSeverity severity = severity(request.severity(), "severity", errors);
    LocalDate due = date(request.dueDate(), "dueDate", errors);
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The risk item has invalid data", errors);
    }
    RiskStore.Item item =
        newItem(
            vendor.getId(),
            title,
            description,
            owner,
            severity,
            due,
            RiskSource.MANUAL,
            null,
            caller.username());
    store.insert(item);
    auditLog.record(caller.username(), "RISK_ITEM_CREATED", "risk_item", item.id(), title);
    return item.view(today());
  }

  /** The vendor's items; 404 for a vendor the caller may not see. */
  @Transactional(readOnly = true)
  public List<RiskItemView> list(
      String vendorId, String status, boolean overdueOnly, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    LocalDate today = today();
    return store.list(vendor.getId(), statusFilter(status), overdueOnly, today).stream()
        .map(i -> i.view(today))
        .toList();
  }

  /** Every vendor's items (brand staff only). */
  @Transactional(readOnly = true)
  public List<RiskItemView> listAll(String status, boolean overdueOnly) {
    LocalDate today = today();
    return store.list(null, statusFilter(status), overdueOnly, today).stream()
        .map(i -> i.view(today))
        .toList();
  }

  @Transactional(readOnly = true)
  public RiskItemView get(String id, StewardPrincipal caller) {
    RiskStore.Item item = visible(id, caller);
    return item.view(today());
  }

  /**
   * Changes status, owner and/or due date; 422 for invalid values or an empty patch, 409 if the
   * item changed concurrently. Closing an item (DONE, CANCELLED) publishes {@link RiskItemClosed}.
   */
  @Transactional
  public RiskItemView patch(String id, RiskItemPatch patch, StewardPrincipal caller) {
    RiskStore.Item item = visible(id, caller);
    List<FieldError> errors = new ArrayList<>();
    if (patch == null
        || (patch.status() == null && patch.owner() == null && patch.dueDate() == null)) {
      throw new InvalidDataException(
          "Nothing to change",
          List.of(FieldError.field("status", "give at least one of status, owner, dueDate")));
    }
    RiskStatus status =
        patch.status() == null ? item.status() : status(patch.status(), "status", errors);
    String owner = patch.owner() == null ? item.owner() : owner(patch.owner(), "owner", errors);
    LocalDate due =
        patch.dueDate() == null ? item.dueDate() : date(patch.dueDate(), "dueDate", errors);
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The change has invalid data", errors);
    }
    Instant now = clock.instant();
    RiskStore.Item changed =
        new RiskStore.Item(
            item.id(),
            item.vendorId(),
            item.title(),
            item.description(),
            owner,
            item.severity(),
            due,
            status,
            item.source(),
            item.sourceRef(),
            item.reminderSentAt(),
            item.createdBy(),
            item.createdAt(),
            caller.username(),
            now,
            item.version());
    if (!store.update(changed)) {
      throw new ConflictException("The risk item " + id + " was changed meanwhile; read it again");
    }
    auditLog.record(
        caller.username(),
        "RISK_ITEM_CHANGED",
        "risk_item",
        id,
        "status=" + status + " owner=" + owner + " dueDate=" + due);
    if (status.isClosed() && !item.status().isClosed()) {
      events.publishEvent(
          new RiskItemClosed(
              id,
              item.vendorId(),
              item.source(),
              item.sourceRef(),
              status,
              caller.username(),
              now));
    }
    return store.find(id).orElseThrow().view(today());
  }

  // --- for other slices
  // ----------------------------------------------------------------------------

  /** Whether a user of that name exists (e.g. to check an action item's owner). */
  @Transactional(readOnly = true)
  public boolean userExists(String username) {
    return username != null
        && !username.isBlank()
        && identityService.createUserQuery().userId(username).count() > 0;
  }

  /**
   * Records an item that another slice owns the source of (e.g. a QBR action item, reference {@code
   * reviewId#n}); idempotent per (source, reference): returns the existing item's id.
   */
  @Transactional
  public String recordFromSource(
      String vendorId,
      RiskSource source,
      String sourceRef,
      String title,
      String description,
      String owner,
      RiskSeverity severity,
      LocalDate dueDate,
      String createdBy) {
    return store
        .findBySource(source, sourceRef)
        .map(RiskStore.Item::id)
        .orElseGet(
            () -> {
              RiskStore.Item item =
                  newItem(
                      vendorId,
                      cut(title, TITLE_MAX),
                      cut(description, DESCRIPTION_MAX),
                      owner,
                      severity,
                      dueDate,
                      source,
                      sourceRef,
                      createdBy);
              store.insert(item);
              auditLog.record(
                  createdBy,
                  "RISK_ITEM_CREATED",
                  "risk_item",
                  item.id(),
                  source + " " + sourceRef + ": " + item.title());
              return item.id();
            });
  }

  /**
   * Marks the item DONE unless it is already closed (the owner completed its task); publishes
   * nothing, since the caller is the one who would listen.
   */
  @Transactional
  public void markDone(String riskItemId, String by) {
    RiskStore.Item item = load(riskItemId);
    if (item.status().isClosed()) {
      return;
    }
    store.update(
        withStatus(item, RiskStatus.DONE, item.reminderSentAt(), by == null ? "system" : by));
    auditLog.record(by == null ? "system" : by, "RISK_ITEM_DONE", "risk_item", riskItemId, null);
  }

  /**
   * Records that the due-date reminder went out; false (and nothing changes) if one already did or
   * the item is closed.
   */
  @Transactional
  public boolean recordReminder(String riskItemId) {
    RiskStore.Item item = load(riskItemId);
    if (item.reminderSentAt() != null || item.status().isClosed()) {
      return false;
    }
    store.update(withStatus(item, item.status(), clock.instant(), item.updatedBy()));
    auditLog.record(
        "system",
        "RISK_ITEM_REMINDER_SENT",
        "risk_item",
        riskItemId,
        "to " + item.owner() + ", due " + item.dueDate());
    return true;
  }

  /** The vendor's open and in-progress items, not scoped (the caller is the system). */
  @Transactional(readOnly = true)
  public List<RiskItemView> openItems(String vendorId) {
    LocalDate today = today();
    return store.list(vendorId, null, false, today).stream()
        .filter(i -> !i.status().isClosed())
        .map(i -> i.view(today))
        .toList();
  }

  // --- helpers
  // -------------------------------------------------------------------------------------

  private RiskStore.Item newItem(
      String vendorId,
      String title,
      String description,
      String owner,
      RiskSeverity severity,
      LocalDate due,
      RiskSource source,
      String sourceRef,
      String by) {
    Instant now = clock.instant();
    return new RiskStore.Item(
        UUID.randomUUID().toString(),
        vendorId,
        title,
        description,
        owner,
        severity,
        due,
        RiskStatus.OPEN,
        source,
        sourceRef,
        null,
        by,
        now,
        by,
        now,
        0);
  }

  private RiskStore.Item withStatus(
      RiskStore.Item i, RiskStatus status, Instant reminderSentAt, String by) {
    return new RiskStore.Item(
        i.id(),
        i.vendorId(),
        i.title(),
        i.description(),
        i.owner(),
        i.severity(),
        i.dueDate(),
        status,
        i.source(),
        i.sourceRef(),
        reminderSentAt,
        i.createdBy(),
        i.createdAt(),
        by,
        clock.instant(),
        i.version());
  }

  private RiskStore.Item visible(String id, StewardPrincipal caller) {
    return store
        .find(id)
        .filter(i -> caller.canSeeVendor(i.vendorId()))
        .orElseThrow(() -> new NotFoundException("Risk item", id));
  }

  private RiskStore.Item load(String id) {
    return store.find(id).orElseThrow(() -> new IllegalStateException("No risk item " + id));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static RiskStatus statusFilter(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    List<FieldError> errors = new ArrayList<>();
    RiskStatus parsed = status(status, "status", errors);
    if (!errors.isEmpty()) {
      throw new InvalidDataException("Invalid filter", errors);
    }
    return parsed;
  }

  private String owner(String owner, String field, List<FieldError> errors) {
    if (owner == null || owner.isBlank()) {
      errors.add(FieldError.field(field, "is required"));
      return null;
    }
    if (!userExists(owner.strip())) {
      errors.add(FieldError.field(field, "no user is called '" + owner + "'"));
      return null;
    }
    return owner.strip();
  }

  static String text(
      String value, String field, int max, boolean required, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(FieldError.field(field, "is required"));
      }
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      errors.add(FieldError.field(field, "must have at most " + max + " characters"));
    }
    return stripped;
  }

  static RiskSeverity severity(String value, String field, List<FieldError> errors) {
    return parse(RiskSeverity.class, value, field, errors);
  }

  static RiskStatus status(String value, String field, List<FieldError> errors) {
    return parse(RiskStatus.class, value, field, errors);
  }

  static LocalDate date(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(FieldError.field(field, "must be an ISO date like 2026-08-31"));
      return null;
    }
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(FieldError.field(field, "is required"));
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(
          FieldError.field(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
