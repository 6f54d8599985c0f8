package ticketflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import ticketflow.ticket.TicketRepository;

/**
 * The whole application on an in-memory H2 with the demo people and accounts, shared by every test class that
 * uses it (one Spring context for all of them): tests find their own data (their tickets, accounts, a time window of
 * their own) and count relative to what was there before them, never on an empty database.
 *
 * <p>Metrics are exported as in production (Spring Boot's tests leave them off otherwise), and the ticket repository
 * is a Mockito spy: it behaves as the real one unless a test makes it fail (SubmitTicketTransactionTest), and is
 * reset after every test. Both are here so that the tests needing them share this context instead of starting one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@Import(ProcessEngineCoverageConfiguration.class)
@AutoConfigureObservability
@MockitoSpyBean(types = TicketRepository.class)
public @interface TicketflowTest {
}
