package ticketflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import ticketflow.ticket.TicketRepository;

/**
 * {@link TicketflowTest} on a real PostgreSQL: profile {@code postgres} on a fresh database of the JVM's embedded
 * server ({@link EmbeddedPostgresDatabase}). Every test class with it shares one Spring context and database; it
 * listens on a random port as well, so tests that call over HTTP share that context with the MockMvc ones.
 * {@code postgres} comes after {@code test}, so its datasource wins over the tests' H2. As in {@link TicketflowTest},
 * tests count relative to what other tests left, and the ticket repository is a spy for the one test that makes it fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@Tag("server")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles(value = {"demo", "test", "postgres"}, inheritProfiles = false)
@ContextConfiguration(initializers = EmbeddedPostgresDatabase.class)
@Import(ProcessEngineCoverageConfiguration.class)
@MockitoSpyBean(types = TicketRepository.class)
@TestExecutionListeners(listeners = EngineOfThisContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface TicketflowPostgresTest {
}
