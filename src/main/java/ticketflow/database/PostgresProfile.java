package ticketflow.database;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Profile {@code postgres}: the datasource is the PostgreSQL database named by {@code TICKETFLOW_DB_URL}
 * ({@code application-postgres.yaml}). Without it a node would fall back to an embedded database of its own and
 * run beside its cluster instead of in it, so it does not start: the check runs before any bean is created, and
 * {@link UrlMissingAnalyzer} (META-INF/spring.factories) says what to set.
 */
@Configuration(proxyBeanMethods = false)
@Profile("postgres")
class PostgresProfile {

  static final String URL_VARIABLE = "TICKETFLOW_DB_URL";
  static final String EXAMPLE = "jdbc:postgresql://localhost:5432/ticketflow";

  @Bean
  static BeanFactoryPostProcessor requirePostgresUrl(Environment environment) {
    return beanFactory -> {
      String url = environment.getProperty("spring.datasource.url", "").trim();
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new UrlMissing(url);
      }
    };
  }

  /** The postgres profile is active but the datasource URL is missing or not PostgreSQL's. */
  static final class UrlMissing extends IllegalStateException {

    private final String url;

    UrlMissing(String url) {
      super(url.isEmpty()
          ? "The postgres profile needs the JDBC URL of its PostgreSQL database in " + URL_VARIABLE + ", which is not set."
          : "The postgres profile needs a PostgreSQL JDBC URL in " + URL_VARIABLE + ", not '" + url + "'.");
      this.url = url;
    }

    String url() {
      return url;
    }
  }

  /** Start-up failure report for {@link UrlMissing}: what is wrong and what to set. */
  static final class UrlMissingAnalyzer extends AbstractFailureAnalyzer<UrlMissing> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UrlMissing cause) {
      return new FailureAnalysis(cause.getMessage(),
          "Set " + URL_VARIABLE + " (e.g. " + URL_VARIABLE + "=" + EXAMPLE + ") with TICKETFLOW_DB_USER and"
              + " TICKETFLOW_DB_PASSWORD, or start without the postgres profile to use the embedded H2 in ./data.", cause);
    }
  }
}
