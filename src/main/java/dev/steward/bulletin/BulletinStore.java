package dev.steward.bulletin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables of change bulletins (V12). Reads take the caller's vendor scope (null: all). */
@Repository
class BulletinStore {

  record BulletinRow(
      String id,
      String title,
      String body,
      BulletinKind kind,
      Instant effectiveAt,
      Instant ackDueAt,
      String publishedBy,
      Instant publishedAt) {}

  record RecipientRow(
      String bulletinId,
      String vendorId,
      String vendorCode,
      String vendorName,
      AcknowledgmentStatus status,
      String processInstanceId,
      String acknowledgedBy,
      Instant acknowledgedAt,
      String comment,
      Instant missedAt,
      int reminders,
      Instant lastReminderAt) {}

  private static final String BULLETIN_COLUMNS =
      "b.id, b.title, b.body, b.kind, b.effective_at, b.ack_due_at, b.published_by, b.published_at";

  private static final String RECIPIENT_SELECT =
      """
      select r.bulletin_id, r.vendor_id, v.code, v.name, r.status, r.process_instance_id,
             r.acknowledged_by, r.acknowledged_at, r.ack_comment, r.missed_at,
             (select count(*) from bulletin_reminder m
               where m.bulletin_id = r.bulletin_id and m.vendor_id = r.vendor_id),
             (select max(m.sent_at) from bulletin_reminder m
               where m.bulletin_id = r.bulletin_id and m.vendor_id = r.vendor_id)
      from bulletin_recipient r join vendor v on v.id = r.vendor_id
      """;

  private final JdbcTemplate jdbc;

  BulletinStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(BulletinRow b) {
    jdbc.update(
        """
        insert into bulletin (id, title, body, kind, effective_at, ack_due_at, published_by,
                              published_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        b.id(),
        b.title(),
        b.body(),
        b.kind().name(),
        ts(b.effectiveAt()),
        ts(b.ackDueAt()),
        b.publishedBy(),
        ts(b.publishedAt()));
  }

  void insertRecipient(String bulletinId, String vendorId) {
    jdbc.update(
        "insert into bulletin_recipient (bulletin_id, vendor_id, status) values (?, ?, ?)",
        bulletinId,
        vendorId,
        AcknowledgmentStatus.OPEN.name());
  }

  void started(String bulletinId, String vendorId, String processInstanceId) {
    jdbc.update(
        "update bulletin_recipient set process_instance_id = ? where bulletin_id = ? and vendor_id = ?",
        processInstanceId,
        bulletinId,
        vendorId);
  }

  /** Marks the vendor's acknowledgment; false if it was not open (a repeated step). */
  boolean acknowledged(String bulletinId, String vendorId, String by, Instant at, String comment) {
    return jdbc.update(
            """
            update bulletin_recipient set status = ?, acknowledged_by = ?, acknowledged_at = ?,
              ack_comment = ?
            where bulletin_id = ? and vendor_id = ? and status = ?
            """,
            AcknowledgmentStatus.ACKNOWLEDGED.name(),
            by,
            ts(at),
            comment,
            bulletinId,
            vendorId,
            AcknowledgmentStatus.OPEN.name())
        == 1;
  }

  /** Marks the acknowledgment missed; false if it was not open (a repeated step). */
  boolean missed(String bulletinId, String vendorId, Instant at) {
    return jdbc.update(
            """
            update bulletin_recipient set status = ?, missed_at = ?
            where bulletin_id = ? and vendor_id = ? and status = ?
            """,
            AcknowledgmentStatus.MISSED.name(),
            ts(at),
            bulletinId,
            vendorId,
            AcknowledgmentStatus.OPEN.name())
        == 1;
  }

  boolean hasReminder(String reminderKey) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from bulletin_reminder where reminder_key = ?",
            Integer.class,
            reminderKey);
    return count != null && count > 0;
  }

  void insertReminder(String bulletinId, String vendorId, String reminderKey, Instant at) {
    jdbc.update(
        "insert into bulletin_reminder (bulletin_id, vendor_id, reminder_key, sent_at) values (?, ?, ?, ?)",
        bulletinId,
        vendorId,
        reminderKey,
        ts(at));
  }

  Optional<RecipientRow> recipient(String bulletinId, String vendorId) {
    return jdbc
        .query(
            RECIPIENT_SELECT + " where r.bulletin_id = ? and r.vendor_id = ?",
            (rs, i) -> recipient(rs),
            bulletinId,
            vendorId)
        .stream()
        .findFirst();
  }

  /** Bulletins addressed to the scope's vendor (all for {@code null}), newest first. */
  List<BulletinRow> list(String scopeVendorId) {
    if (scopeVendorId == null) {
      return jdbc.query(
          "select " + BULLETIN_COLUMNS + " from bulletin b order by b.published_at desc, b.id",
          (rs, i) -> bulletin(rs));
    }
    return jdbc.query(
        "select "
            + BULLETIN_COLUMNS
            + " from bulletin b where exists (select 1 from bulletin_recipient r"
            + " where r.bulletin_id = b.id and r.vendor_id = ?) order by b.published_at desc, b.id",
        (rs, i) -> bulletin(rs),
        scopeVendorId);
  }

  Optional<BulletinRow> find(String id) {
    return jdbc
        .query(
            "select " + BULLETIN_COLUMNS + " from bulletin b where b.id = ?",
            (rs, i) -> bulletin(rs),
            id)
        .stream()
        .findFirst();
  }

  /** The recipients of a bulletin within the scope (all for {@code null}), by vendor code. */
  List<RecipientRow> recipients(String bulletinId, String scopeVendorId) {
    if (scopeVendorId == null) {
      return jdbc.query(
          RECIPIENT_SELECT + " where r.bulletin_id = ? order by v.code",
          (rs, i) -> recipient(rs),
          bulletinId);
    }
    return jdbc.query(
        RECIPIENT_SELECT + " where r.bulletin_id = ? and r.vendor_id = ? order by v.code",
        (rs, i) -> recipient(rs),
        bulletinId,
        scopeVendorId);
  }

  /** Every bulletin addressed to the vendor with its row, newest first. */
  List<RecipientRow> ofVendor(String vendorId) {
    return jdbc.query(
        RECIPIENT_SELECT
            + " join bulletin b on b.id = r.bulletin_id where r.vendor_id = ?"
            + " order by b.published_at desc, b.id",
        (rs, i) -> recipient(rs),
        vendorId);
  }

  private static BulletinRow bulletin(ResultSet rs) throws SQLException {
    return new BulletinRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        BulletinKind.valueOf(rs.getString(4)),
        instant(rs.getTimestamp(5)),
        instant(rs.getTimestamp(6)),
        rs.getString(7),
        instant(rs.getTimestamp(8)));
  }

  private static RecipientRow recipient(ResultSet rs) throws SQLException {
    return new RecipientRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        AcknowledgmentStatus.valueOf(rs.getString(5)),
        rs.getString(6),
        rs.getString(7),
        instant(rs.getTimestamp(8)),
        rs.getString(9),
        instant(rs.getTimestamp(10)),
        rs.getInt(11),
        instant(rs.getTimestamp(12)));
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
