package ticketflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import ticketflow.TicketflowPostgresTest;

/** The postgres profile on a real PostgreSQL: its datasource, ticketflow's migrations and Camunda's own schema. */
@TicketflowPostgresTest
class PostgresSchemaTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;

  @Test
  void theProfileConnectsToPostgresqlThroughItsOwnPool() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(17);
    }
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    assertThat(pool.getPoolName()).isEqualTo("ticketflow");
    assertThat(pool.getMaximumPoolSize()).isEqualTo(20);
    // Lock waits end (and the API answers 503) instead of hanging: PostgreSQL waits forever by default.
    assertThat(jdbc.queryForObject("show lock_timeout", String.class)).isNotEqualTo("0");
  }

  @Test
  void everyFlywayMigrationRanOnPostgresql() throws Exception {
    List<String> files = Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql"))
        .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__"))).toList();
    List<String> applied = jdbc.queryForList("select version from tf_schema_history where success and version <> '0'", String.class);

    assertThat(applied).containsExactlyInAnyOrderElementsOf(files);
    assertThat(jdbc.queryForObject("select count(*) from tf_kb_article", Integer.class)).isPositive();
  }

  @Test
  void camundaCreatedItsPostgresqlSchema() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name like 'act\\_%'",
        Integer.class)).isGreaterThan(40);
  }

  @Test
  void jobAcquisitionFindsDueJobsOverAnIndex() {
    assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = 'tf_idx_job_duedate'", String.class))
        .contains("act_ru_job").contains("duedate_");
  }
}
