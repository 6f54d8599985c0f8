package ticketflow.retention;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Every place a text is still found in the database: each text and binary column of each table (ticketflow's and the
 * engine's, runtime and history alike), found through JDBC metadata, so a table added later is searched too.
 */
final class Traces {

  private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR,
      Types.NCHAR, Types.LONGNVARCHAR, Types.NCLOB);
  private static final Set<Integer> BINARY = Set.of(Types.BLOB, Types.VARBINARY, Types.LONGVARBINARY, Types.BINARY);

  private Traces() {
  }

  /** "table.column" for every column holding {@code needle} (ignoring case); binary columns read as UTF-8. */
  static List<String> of(DataSource dataSource, String needle) throws SQLException {
    String wanted = needle.toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (String[] column : columns(meta)) {
        String table = column[0];
        String name = column[1];
        boolean binary = BINARY.contains(Integer.parseInt(column[2]));
        String quoted = meta.getIdentifierQuoteString();
        String sql = "select " + quoted + name + quoted + " from " + quoted + column[3] + quoted + "." + quoted + table + quoted
            + " where " + quoted + name + quoted + " is not null";
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
          while (rows.next()) {
            String value = binary ? new String(rows.getBytes(1), StandardCharsets.UTF_8) : rows.getString(1);
            if (value != null && value.toLowerCase(Locale.ROOT).contains(wanted)) {
              found.add(table + "." + name);
              break;
            }
          }
        }
      }
    }
    return found;
  }

  /** table, column, JDBC type, schema of every text or binary column outside the database's own catalog. */
  private static List<String[]> columns(DatabaseMetaData meta) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        int type = rs.getInt("DATA_TYPE");
        if (schema == null || schema.equalsIgnoreCase("INFORMATION_SCHEMA") || schema.equalsIgnoreCase("pg_catalog")
            || !(TEXT.contains(type) || BINARY.contains(type)) || !isTable(meta, schema, rs.getString("TABLE_NAME"))) {
          continue;
        }
        columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"), String.valueOf(type), schema});
      }
    }
    return columns;
  }

  private static boolean isTable(DatabaseMetaData meta, String schema, String table) throws SQLException {
    try (ResultSet rs = meta.getTables(null, schema, table, new String[] {"TABLE"})) {
      return rs.next();
    }
  }
}
