package dev.steward.qa;

import dev.steward.platform.AuditLog;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.VendorService;
import java.time.Clock;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and replaces a vendor's QA scorecard; every call is scoped by the caller's vendor. */
@Service
class QaScorecardService {

  private final QaScorecardStore store;
  private final VendorService vendors;
  private final AuditLog auditLog;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  QaScorecardService(
      QaScorecardStore store,
      VendorService vendors,
      AuditLog auditLog,
      JdbcTemplate jdbc,
      Clock clock) {
    this.store = store;
    this.vendors = vendors;
    this.auditLog = auditLog;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The vendor's QA scorecard; kpis.md's default set while none is stored. */
  @Transactional(readOnly = true)
  public QaScorecardView get(String vendorId, StewardPrincipal caller) {
    vendors.find(vendorId, caller);
    return QaScorecardView.of(vendorId, store.forVendor(vendorId));
  }

  /**
   * Replaces the vendor's QA scorecard after validating all of it; nothing is stored if invalid.
   */
  @Transactional
  public QaScorecardView replace(
      String vendorId, QaScorecardRequest request, StewardPrincipal actor) {
    vendors.find(vendorId, actor);
    QaScorecard scorecard = request.toScorecard();
    // one change of a vendor's scorecard at a time: the second waits, then replaces the first
    jdbc.queryForList("select id from vendor where id = ? for update", String.class, vendorId);
    store.replace(vendorId, scorecard, actor.username(), clock.instant());
    auditLog.record(
        actor.username(), "QA_SCORECARD_CHANGED", "vendor", vendorId, describe(scorecard));
    return QaScorecardView.of(vendorId, store.forVendor(vendorId));
  }

  static String describe(QaScorecard scorecard) {
    return "passMark="
        + scorecard.passMark()
        + "; "
        + scorecard.categories().stream()
            .map(
                c ->
                    c.key()
                        + " w"
                        + c.weight()
                        + " "
                        + c.min()
                        + "-"
                        + c.max()
                        + (c.critical() ? " critical" : ""))
            .collect(Collectors.joining(", "));
  }
}
