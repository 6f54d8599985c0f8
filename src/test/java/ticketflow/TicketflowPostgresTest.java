package ticketflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link TicketflowTest} on a real PostgreSQL: profile {@code postgres} on a fresh database of the JVM's embedded
 * server ({@link EmbeddedPostgresDatabase}). Every test class with it shares one Spring context and database; it
 * listens on a random port as well, so tests that call over HTTP share that context with the MockMvc ones.
 * {@code postgres} comes after {@code test}, so its datasource wins over the tests' H2.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles(value = {"demo", "test", "postgres"}, inheritProfiles = false)
@ContextConfiguration(initializers = EmbeddedPostgresDatabase.class)
@Import(ProcessEngineCoverageConfiguration.class)
public @interface TicketflowPostgresTest {
}
