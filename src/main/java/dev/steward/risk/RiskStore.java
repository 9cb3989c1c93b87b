package dev.steward.risk;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code risk_item} table. */
@Repository
class RiskStore {

  /** One stored item. */
  record Item(
      String id,
      String vendorId,
      String title,
      String description,
      String owner,
      RiskSeverity severity,
      LocalDate dueDate,
      RiskStatus status,
      RiskSource source,
      String sourceRef,
      Instant reminderSentAt,
      String createdBy,
      Instant createdAt,
      String updatedBy,
      Instant updatedAt,
      long version) {

    boolean overdueOn(LocalDate today) {
      return !status.isClosed() && dueDate != null && dueDate.isBefore(today);
    }

    RiskItemView view(LocalDate today) {
      return new RiskItemView(
          id,
          vendorId,
          title,
          description,
          owner,
          severity,
          dueDate,
          status,
          source,
          sourceRef,
          overdueOn(today),
          reminderSentAt,
          createdBy,
          createdAt,
          updatedBy,
          updatedAt);
    }
  }

  private static final String COLUMNS =
      "id, vendor_id, title, description, owner, severity, due_date, status, source, source_ref,"
          + " reminder_sent_at, created_by, created_at, updated_by, updated_at, version";

  private static final RowMapper<Item> ITEM =
      (rs, row) ->
          new Item(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              RiskSeverity.valueOf(rs.getString(6)),
              date(rs, 7),
              RiskStatus.valueOf(rs.getString(8)),
              RiskSource.valueOf(rs.getString(9)),
              rs.getString(10),
              instant(rs, 11),
              rs.getString(12),
              instant(rs, 13),
              rs.getString(14),
              instant(rs, 15),
              rs.getLong(16));

  private final JdbcTemplate jdbc;

  RiskStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Item i) {
    jdbc.update(
        "insert into risk_item ("
            + COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        i.id(),
        i.vendorId(),
        i.title(),
        i.description(),
        i.owner(),
        i.severity().name(),
        i.dueDate() == null ? null : Date.valueOf(i.dueDate()),
        i.status().name(),
        i.source().name(),
        i.sourceRef(),
        ts(i.reminderSentAt()),
        i.createdBy(),
        ts(i.createdAt()),
        i.updatedBy(),
        ts(i.updatedAt()),
        i.version());
  }

  /** Writes the changeable fields; false if another writer changed the row first. */
  boolean update(Item i) {
    return jdbc.update(
            """
            update risk_item set owner = ?, due_date = ?, status = ?, reminder_sent_at = ?,
                   updated_by = ?, updated_at = ?, version = version + 1
            where id = ? and version = ?
            """,
            i.owner(),
            i.dueDate() == null ? null : Date.valueOf(i.dueDate()),
            i.status().name(),
            ts(i.reminderSentAt()),
            i.updatedBy(),
            ts(i.updatedAt()),
            i.id(),
            i.version())
        == 1;
  }

  Optional<Item> find(String id) {
    return jdbc.query("select " + COLUMNS + " from risk_item where id = ?", ITEM, id).stream()
        .findFirst();
  }

  Optional<Item> findBySource(RiskSource source, String sourceRef) {
    return jdbc
        .query(
            "select " + COLUMNS + " from risk_item where source = ? and source_ref = ?",
            ITEM,
            source.name(),
            sourceRef)
        .stream()
        .findFirst();
  }

  /**
   * Items filtered by vendor (null: all), status (null: all) and overdue on {@code today} (false:
   * no filter), most urgent first: due date (none last), then severity.
   */
  List<Item> list(String vendorId, RiskStatus status, boolean overdueOnly, LocalDate today) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from risk_item where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (vendorId != null) {
      sql.append(" and vendor_id = ?");
      args.add(vendorId);
    }
    if (status != null) {
      sql.append(" and status = ?");
      args.add(status.name());
    }
    if (overdueOnly) {
      sql.append(" and status in ('OPEN', 'IN_PROGRESS') and due_date < ?");
      args.add(Date.valueOf(today));
    }
    sql.append(
        " order by case when due_date is null then 1 else 0 end, due_date,"
            + " case severity when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end,"
            + " created_at, id");
    return jdbc.query(sql.toString(), ITEM, args.toArray());
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  private static LocalDate date(ResultSet rs, int column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
