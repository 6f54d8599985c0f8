package ticketflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The application on H2 with the demo people, as in {@link TicketflowTest}, but served by Tomcat on a random port, for
 * what only a real HTTP server shows (engine REST, the webapps, raw requests, a browser), and with its outbox
 * delivering to the {@link TestMailbox}. Every test class with it shares one Spring context and database: tests find
 * their own data (their tickets, accounts, mails) and count relative to what was there before them. Settings of a
 * test's own ({@code @TestPropertySource}) make a separate context: only where a test needs them.
 *
 * <p>Without process-test coverage: its recording refuses engine work outside a test method, and here fixtures are
 * made in {@code @BeforeAll} and browsers call in whenever they like. {@link EngineOfThisContext} keeps engine REST
 * and the webapps on this context's engine.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("server")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestMailbox.class)
@TestExecutionListeners(listeners = EngineOfThisContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface TicketflowServerTest {
}
