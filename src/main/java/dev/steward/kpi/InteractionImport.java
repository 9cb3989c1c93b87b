package dev.steward.kpi;

import dev.steward.platform.AuditLog;
import dev.steward.platform.BadRequestException;
import dev.steward.platform.StewardPrincipal;
import dev.steward.vendor.VendorService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a vendor's interaction CSV file (kpis.md), all or nothing, in one transaction: the file
 * streams through the parser into a temporary staging table (COPY on PostgreSQL), duplicate ids are
 * looked for there, then one set-based merge replaces rows by interaction id and the rollups of
 * every UTC day touched are recomputed. No row is held in memory, whatever the file size.
 */
@Service
class InteractionImport {

  private static final Logger log = LoggerFactory.getLogger(InteractionImport.class);

  private final DataSource dataSource;
  private final ScorecardStore store;
  private final VendorService vendors;
  private final StagedInteractions staged;
  private final InteractionRollups rollups;
  private final AuditLog auditLog;
  private final MeterRegistry meters;
  private volatile ImportDialect dialect;

  InteractionImport(
      DataSource dataSource,
      ScorecardStore store,
      VendorService vendors,
      StagedInteractions staged,
      InteractionRollups rollups,
      AuditLog auditLog,
      MeterRegistry meters) {
    this.dataSource = dataSource;
    this.store = store;
    this.vendors = vendors;
    this.staged = staged;
    this.rollups = rollups;
    this.auditLog = auditLog;
    this.meters = meters;
    // registered up front, so a scrape shows them (at 0) before the first import
    for (String outcome : new String[] {"accepted", "refused"}) {
      record(System.nanoTime(), outcome, 0, false);
    }
  }

  /**
   * @throws dev.steward.platform.NotFoundException when the caller may not see the vendor
   * @throws dev.steward.platform.InvalidDataException listing the file's errors; nothing is stored
   */
  @Transactional
  public ImportSummary importCsv(String vendorId, InputStream csv, StewardPrincipal caller) {
    String vendor = vendors.find(vendorId, caller).getId();
    // one import per vendor at a time, and never beside a contract change of its threshold
    int serviceLevelThreshold = store.lockVendor(vendor);
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      long start = System.nanoTime();
      ImportDialect dialect = dialect(connection);
      InteractionCsv.Result file;
      try (InteractionStaging staging = InteractionStaging.open(dialect, connection)) {
        file = InteractionCsv.read(csv, staging::add);
        staging.finish();
      }
      long stagedAt = System.nanoTime();
      ImportErrors errors = file.errors();
      if (file.idColumn() != null) {
        staged.reportDuplicates(errors, file.idColumn());
      }
      if (errors.any()) {
        record(start, "refused", file.received());
        throw errors.toException();
      }
      StagedInteractions.Impact impact = staged.impact(vendor);
      long checkedAt = System.nanoTime();
      staged.mergeInto(vendor, dialect, impact);
      long mergedAt = System.nanoTime();
      rollups.refresh(vendor, impact.days(), serviceLevelThreshold);
      long rolledUpAt = System.nanoTime();
      ImportSummary summary =
          new ImportSummary(
              file.received(), file.received() - impact.replaced(), impact.replaced());
      auditLog.record(
          caller.username(),
          "INTERACTIONS_IMPORTED",
          "vendor",
          vendor,
          "received="
              + summary.received()
              + ",inserted="
              + summary.inserted()
              + ",replaced="
              + summary.replaced());
      record(start, "accepted", file.received());
      log.info(
          "Imported interactions of vendor {}: {} in {} ms (parse and stage {} ms, duplicates and"
              + " impact {} ms, merge {} ms, rollups {} ms)",
          vendor,
          summary,
          (System.nanoTime() - start) / 1_000_000,
          (stagedAt - start) / 1_000_000,
          (checkedAt - stagedAt) / 1_000_000,
          (mergedAt - checkedAt) / 1_000_000,
          (rolledUpAt - mergedAt) / 1_000_000);
      return summary;
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot stage the interaction file", e);
    } catch (IOException e) {
      throw new BadRequestException(
          "The upload broke off before the end of the file; nothing was stored");
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /**
   * The import metrics (operations.md): {@code steward.import.rows} counts data rows by outcome
   * (accepted: stored; refused: in a file refused as a whole) and {@code steward.import.duration}
   * times each file by outcome. Files that break off or fail on our side are not counted.
   */
  private void record(long start, String outcome, long rows) {
    record(start, outcome, rows, true);
  }

  private void record(long start, String outcome, long rows, boolean timed) {
    Counter.builder("steward.import.rows")
        .description("Interaction rows in imported files, by outcome")
        .tag("outcome", outcome)
        .register(meters)
        .increment(rows);
    Timer timer =
        Timer.builder("steward.import.duration")
            .description("Interaction file imports, by outcome")
            .tag("outcome", outcome)
            .register(meters);
    if (timed) {
      timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Locks the vendor for the import (one import per vendor at a time) and reads its service-level
   * threshold.
   */
  private ImportDialect dialect(Connection connection) throws SQLException {
    ImportDialect known = dialect;
    if (known == null) {
      known = ImportDialect.of(connection);
      dialect = known;
    }
    return known;
  }
}
