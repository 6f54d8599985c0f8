package ticketflow.intake;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@link SubmitTicketTransactionTest} on an in-memory H2. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class SubmitTicketTransactionOnH2Test extends SubmitTicketTransactionTest {
}
