package ticketflow.deflection;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The knowledge base ticketflow ships (a Flyway migration) and admins extend. */
@Repository
class KnowledgeBase {

  private static final RowMapper<Article> ARTICLE = (rs, row) -> new Article(rs.getString("id"), rs.getString("title"),
      rs.getString("summary"), rs.getString("url"), split(rs.getString("categories")), lower(split(rs.getString("keywords"))));

  private final JdbcTemplate jdbc;

  KnowledgeBase(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Article> all() {
    return jdbc.query("select * from tf_kb_article order by id", ARTICLE);
  }

  Optional<Article> find(String id) {
    return jdbc.query("select * from tf_kb_article where id = ?", ARTICLE, id).stream().findFirst();
  }

  boolean save(Article a) {
    String categories = String.join(",", a.categories());
    String keywords = String.join(",", a.keywords());
    int updated = jdbc.update("update tf_kb_article set title = ?, summary = ?, url = ?, categories = ?, keywords = ? where id = ?",
        a.title(), a.summary(), a.url(), categories, keywords, a.id());
    if (updated == 0) {
      jdbc.update("insert into tf_kb_article (id, title, summary, url, categories, keywords) values (?,?,?,?,?,?)",
          a.id(), a.title(), a.summary(), a.url(), categories, keywords);
      return true;
    }
    return false;
  }

  private static Set<String> split(String csv) {
    Set<String> values = new LinkedHashSet<>();
    Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
    return values;
  }

  private static Set<String> lower(Set<String> values) {
    Set<String> lowered = new LinkedHashSet<>();
    values.forEach(v -> lowered.add(v.toLowerCase(Locale.ROOT)));
    return lowered;
  }
}
