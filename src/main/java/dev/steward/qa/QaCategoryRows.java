package dev.steward.qa;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The ordered categories of a QA scorecard as rows. Three tables hold them with the same columns: a
 * vendor's scorecard ({@code qa_scorecard_category}), and the snapshots a cycle ({@code
 * qa_cycle_category}) and a calibration session ({@code qa_calibration_category}) take of it. The
 * table and owner column are this slice's constants, never input.
 */
final class QaCategoryRows {

  private static final RowMapper<QaCategory> CATEGORY =
      (rs, row) ->
          new QaCategory(
              rs.getString(1),
              rs.getString(2),
              rs.getInt(3),
              rs.getInt(4),
              rs.getInt(5),
              rs.getBoolean(6));

  private QaCategoryRows() {}

  static void insert(
      JdbcTemplate jdbc,
      String table,
      String ownerColumn,
      String ownerId,
      List<QaCategory> categories) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      QaCategory c = categories.get(i);
      rows.add(
          new Object[] {ownerId, i, c.key(), c.name(), c.weight(), c.min(), c.max(), c.critical()});
    }
    jdbc.batchUpdate(
        "insert into "
            + table
            + " ("
            + ownerColumn
            + ", position, category, name, weight, min_rating, max_rating, critical)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  static List<QaCategory> read(
      JdbcTemplate jdbc, String table, String ownerColumn, String ownerId) {
    return jdbc.query(
        "select category, name, weight, min_rating, max_rating, critical from "
            + table
            + " where "
            + ownerColumn
            + " = ? order by position",
        CATEGORY,
        ownerId);
  }
}
