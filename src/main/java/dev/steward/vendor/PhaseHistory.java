package dev.steward.vendor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** When a vendor entered each phase ({@code vendor_phase_history}). */
@Repository
class PhaseHistory {

  private final JdbcTemplate jdbc;

  PhaseHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void entered(String vendorId, LifecyclePhase phase, Instant at) {
    jdbc.update(
        "insert into vendor_phase_history (vendor_id, phase, entered_at) values (?, ?, ?)",
        vendorId,
        phase.name(),
        Timestamp.from(at));
  }

  List<LifecycleView.PhaseEntry> of(String vendorId) {
    return jdbc.query(
        "select phase, entered_at from vendor_phase_history where vendor_id = ? order by entered_at, id",
        (rs, row) ->
            new LifecycleView.PhaseEntry(
                LifecyclePhase.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant()),
        vendorId);
  }
}
