package dev.steward.bulletin;

import dev.steward.bulletin.BulletinStore.BulletinRow;
import dev.steward.bulletin.BulletinStore.RecipientRow;
import dev.steward.platform.AuditLog;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidDataException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.Vendor;
import dev.steward.vendor.VendorService;
import dev.steward.vendor.VendorView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Change bulletins: publishing (rows and one process instance per addressed vendor in one
 * transaction), the steps the process takes (acknowledgment, reminders, missed deadline: each
 * guarded, so a step that runs twice changes nothing twice), and the scoped reads with their
 * acknowledgment rates.
 */
@Service
public class BulletinService {

  /** The acknowledgment deadline when the publisher sets none. */
  public static final Duration DEFAULT_ACK_WINDOW = Duration.ofDays(14);

  private static final Logger log = LoggerFactory.getLogger(BulletinService.class);
  private static final String SYSTEM = "system";

  private final BulletinStore store;
  private final VendorService vendors;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final AuditLog auditLog;
  private final Clock clock;

  BulletinService(
      BulletinStore store,
      VendorService vendors,
      RuntimeService runtimeService,
      IdentityService identityService,
      AuditLog auditLog,
      Clock clock) {
    this.store = store;
    this.vendors = vendors;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  /**
   * Publishes the bulletin to the named vendors (or every vendor whose lifecycle has not ended) and
   * starts one acknowledgment process per vendor, all in one transaction. 422 naming every problem:
   * unknown or ended vendors, a deadline not in the future, nobody to address.
   */
  @Transactional
  public BulletinView publish(NewBulletin request, StewardPrincipal actor) {
    Instant now = now();
    List<FieldError> errors = new ArrayList<>();
    Set<String> addressed = new LinkedHashSet<>();
    List<String> requested = request.vendorIds() == null ? List.of() : request.vendorIds();
    for (int i = 0; i < requested.size(); i++) {
      String vendorId = requested.get(i);
      String field = "vendorIds[" + i + "]";
      Optional<Vendor> vendor =
          vendorId == null || vendorId.isBlank()
              ? Optional.empty()
              : vendors.findForSystem(vendorId);
      if (vendor.isEmpty()) {
        errors.add(FieldError.field(field, "no vendor has id '" + vendorId + "'"));
      } else if (vendor.get().getLifecyclePhase().isFinal()) {
        errors.add(
            FieldError.field(
                field,
                vendor.get().getCode()
                    + " is "
                    + vendor.get().getLifecyclePhase()
                    + ": its lifecycle has ended"));
      } else {
        addressed.add(vendorId);
      }
    }
    if (requested.isEmpty()) {
      vendors.list(actor).stream()
          .filter(v -> !v.lifecyclePhase().isFinal())
          .map(VendorView::id)
          .forEach(addressed::add);
      if (addressed.isEmpty()) {
        errors.add(FieldError.field("vendorIds", "there is no vendor to address"));
      }
    }
    Instant ackDueAt =
        request.ackDueAt() == null
            ? now.plus(DEFAULT_ACK_WINDOW)
            : request.ackDueAt().truncatedTo(ChronoUnit.MICROS);
    if (!ackDueAt.isAfter(now)) {
      errors.add(FieldError.field("ackDueAt", "must be in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidDataException("The bulletin has invalid data", errors);
    }
    Instant effectiveAt =
        request.effectiveAt() == null ? null : request.effectiveAt().truncatedTo(ChronoUnit.MICROS);
    BulletinRow bulletin =
        new BulletinRow(
            UUID.randomUUID().toString(),
            request.title().strip(),
            request.body().strip(),
            request.kind(),
            effectiveAt,
            ackDueAt,
            actor.username(),
            now);
    store.insert(bulletin);
    for (String vendorId : addressed) {
      store.insertRecipient(bulletin.id(), vendorId);
      VariableMap variables = Variables.createVariables();
      BulletinProcess.BULLETIN_ID.on(variables, bulletin.id());
      BulletinProcess.VENDOR_ID.on(variables, vendorId);
      BulletinProcess.TITLE.on(variables, bulletin.title());
      BulletinProcess.KIND.on(variables, bulletin.kind().name());
      BulletinProcess.BODY.on(variables, bulletin.body());
      BulletinProcess.EFFECTIVE_AT.on(
          variables, effectiveAt == null ? "immediately" : effectiveAt.toString());
      BulletinProcess.ACK_DUE_AT.on(variables, Date.from(ackDueAt));
      BulletinProcess.REMINDER_CYCLE.on(variables, bulletin.kind().reminderCycle());
      ProcessInstance instance =
          runtimeService.startProcessInstanceByKey(
              BulletinProcess.PROCESS_KEY,
              BulletinProcess.businessKey(bulletin.id(), vendorId),
              variables);
      store.started(bulletin.id(), vendorId, instance.getId());
    }
    auditLog.record(
        actor.username(),
        "BULLETIN_PUBLISHED",
        "bulletin",
        bulletin.id(),
        bulletin.kind() + " to " + addressed.size() + " vendor(s): " + bulletin.title());
    return view(bulletin, store.recipients(bulletin.id(), null), true);
  }

  // --- called by the process

  /**
   * Records the vendor's acknowledgment with who and when. 422 if the acknowledgment box is not
   * ticked (the task then stays open); a repeated step changes nothing.
   */
  @Transactional
  public void recordAcknowledgment(
      String bulletinId, String vendorId, Boolean acknowledged, String comment, String by) {
    if (!Boolean.TRUE.equals(acknowledged)) {
      throw InvalidDataException.of(
          BulletinProcess.ACKNOWLEDGED.name(), "tick it to acknowledge the bulletin");
    }
    String who = by == null ? SYSTEM : by;
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    if (store.acknowledged(bulletinId, vendorId, who, now(), text)) {
      auditLog.record(who, "BULLETIN_ACKNOWLEDGED", "bulletin", bulletinId, "vendor " + vendorId);
    }
  }

  /**
   * Records one reminder to the vendor's leads, once per reminder key (the timer firing's
   * execution): a job that runs twice records one reminder. Nothing once the bulletin is no longer
   * open for the vendor.
   *
   * @return whether a reminder was recorded now
   */
  @Transactional
  public boolean recordReminder(String bulletinId, String vendorId, String reminderKey) {
    RecipientRow recipient =
        store
            .recipient(bulletinId, vendorId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Bulletin " + bulletinId + " is not addressed to vendor " + vendorId));
    if (recipient.status() != AcknowledgmentStatus.OPEN || store.hasReminder(reminderKey)) {
      return false;
    }
    store.insertReminder(bulletinId, vendorId, reminderKey, now());
    log.info(
        "Bulletin {}: reminder {} to the leads of {}",
        bulletinId,
        recipient.reminders() + 1,
        recipient.vendorCode());
    auditLog.record(SYSTEM, "BULLETIN_REMINDER_SENT", "bulletin", bulletinId, "vendor " + vendorId);
    return true;
  }

  /** The deadline passed without an acknowledgment; a repeated step changes nothing. */
  @Transactional
  public void recordMissed(String bulletinId, String vendorId) {
    if (store.missed(bulletinId, vendorId, now())) {
      auditLog.record(
          SYSTEM, "BULLETIN_ACKNOWLEDGMENT_MISSED", "bulletin", bulletinId, "vendor " + vendorId);
    }
  }

  // --- API

  /** Bulletins the caller may see (a BPO lead: those addressed to their vendor), newest first. */
  @Transactional(readOnly = true)
  public List<BulletinView> list(StewardPrincipal caller) {
    return store.list(caller.scopeVendorId()).stream()
        .map(b -> view(b, store.recipients(b.id(), caller.scopeVendorId()), false))
        .toList();
  }

  /** One bulletin; 404 if it does not exist or is not addressed to the caller's vendor. */
  @Transactional(readOnly = true)
  public BulletinView get(String id, StewardPrincipal caller) {
    BulletinRow bulletin = store.find(id).orElseThrow(() -> new NotFoundException("Bulletin", id));
    List<RecipientRow> recipients = store.recipients(id, caller.scopeVendorId());
    if (caller.isVendorScoped() && recipients.isEmpty()) {
      throw new NotFoundException("Bulletin", id);
    }
    return view(bulletin, recipients, true);
  }

  /** The vendor's bulletins and rate; 404 for a vendor the caller may not see. */
  @Transactional(readOnly = true)
  public VendorBulletinsView ofVendor(String vendorId, StewardPrincipal caller) {
    Vendor vendor = vendors.find(vendorId, caller);
    List<VendorBulletinsView.Entry> entries = new ArrayList<>();
    for (RecipientRow r : store.ofVendor(vendorId)) {
      BulletinRow b = store.find(r.bulletinId()).orElseThrow();
      entries.add(
          new VendorBulletinsView.Entry(
              b.id(),
              b.title(),
              b.kind(),
              b.publishedAt(),
              b.effectiveAt(),
              b.ackDueAt(),
              r.status(),
              r.acknowledgedBy(),
              r.acknowledgedAt(),
              r.missedAt(),
              r.reminders()));
    }
    Counts counts = Counts.of(entries.stream().map(VendorBulletinsView.Entry::status).toList());
    return new VendorBulletinsView(
        vendor.getId(),
        vendor.getCode(),
        counts.addressed(),
        counts.acknowledged(),
        counts.missed(),
        counts.open(),
        AcknowledgmentRate.answer(counts.acknowledged(), counts.addressed()),
        entries);
  }

  private BulletinView view(BulletinRow b, List<RecipientRow> recipients, boolean detail) {
    Counts counts = Counts.of(recipients.stream().map(RecipientRow::status).toList());
    return new BulletinView(
        b.id(),
        b.title(),
        b.body(),
        b.kind(),
        b.effectiveAt(),
        b.ackDueAt(),
        b.publishedBy(),
        b.publishedAt(),
        counts.addressed(),
        counts.acknowledged(),
        counts.missed(),
        counts.open(),
        AcknowledgmentRate.answer(counts.acknowledged(), counts.addressed()),
        detail ? recipients.stream().map(this::recipient).toList() : null);
  }

  private BulletinView.Recipient recipient(RecipientRow r) {
    return new BulletinView.Recipient(
        r.vendorId(),
        r.vendorCode(),
        r.vendorName(),
        r.status(),
        r.acknowledgedBy(),
        displayName(r.acknowledgedBy()),
        r.acknowledgedAt(),
        r.comment(),
        r.missedAt(),
        r.reminders(),
        r.lastReminderAt());
  }

  private String displayName(String username) {
    if (username == null) {
      return null;
    }
    User user = identityService.createUserQuery().userId(username).singleResult();
    if (user == null) {
      return null;
    }
    String name =
        ((user.getFirstName() == null ? "" : user.getFirstName())
                + " "
                + (user.getLastName() == null ? "" : user.getLastName()))
            .strip();
    return name.isEmpty() ? username : name;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private record Counts(int addressed, int acknowledged, int missed, int open) {
    static Counts of(List<AcknowledgmentStatus> statuses) {
      int acknowledged = 0;
      int missed = 0;
      int open = 0;
      for (AcknowledgmentStatus s : statuses) {
        switch (s) {
          case ACKNOWLEDGED -> acknowledged++;
          case MISSED -> missed++;
          case OPEN -> open++;
        }
      }
      return new Counts(statuses.size(), acknowledged, missed, open);
    }
  }
}
