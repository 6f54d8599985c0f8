package ticketflow.macro;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The canned replies administrators keep. */
@Repository
class Macros {

  private static final RowMapper<Macro> MACRO = (rs, row) -> new Macro(rs.getString("id"), rs.getString("title"),
      rs.getString("body"));

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Macros(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  List<Macro> all() {
    return jdbc.query("select id, title, body from tf_macro order by title, id", MACRO);
  }

  Optional<Macro> find(String id) {
    return jdbc.query("select id, title, body from tf_macro where id = ?", MACRO, id).stream().findFirst();
  }

  /** True when the macro is new. */
  boolean save(Macro macro, String by) {
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    int updated = jdbc.update("update tf_macro set title = ?, body = ?, updated_by = ?, updated_at = ? where id = ?",
        macro.title(), macro.body(), by, now, macro.id());
    if (updated == 0) {
      jdbc.update("insert into tf_macro (id, title, body, updated_by, updated_at) values (?,?,?,?,?)", macro.id(),
          macro.title(), macro.body(), by, now);
      return true;
    }
    return false;
  }

  boolean delete(String id) {
    return jdbc.update("delete from tf_macro where id = ?", id) > 0;
  }
}
