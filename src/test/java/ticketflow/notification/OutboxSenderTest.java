package ticketflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

/** Which failures are worth another try: only a message that cannot be built or an address the server refuses is not. */
class OutboxSenderTest {

  @Test
  void anUnreachableServerOrAFailedLoginIsTriedAgain() {
    MailSendException down = new MailSendException("Mail server connection failed",
        new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));
    assertThat(OutboxSender.permanent(down)).isFalse();
    assertThat(OutboxSender.permanent(new MailSendException(Map.of(new Object(), new MessagingException("421 busy"))))).isFalse();
    assertThat(OutboxSender.permanent(new MailAuthenticationException("535 bad credentials"))).isFalse();
    assertThat(OutboxSender.describe(down)).contains("MailSendException").contains("Connection refused");
  }

  @Test
  void anAddressTheServerRefusesOrAMessageThatCannotBeBuiltIsGivenUp() throws Exception {
    Address[] invalid = {new InternetAddress("nobody@example.com")};
    SendFailedException refused = new SendFailedException("550 no such user", null, new Address[0], new Address[0], invalid);
    assertThat(OutboxSender.permanent(new MailSendException(Map.of(new Object(), refused)))).isTrue();
    assertThat(OutboxSender.permanent(new MailParseException("Illegal address"))).isTrue();
    // A temporary refusal (4xx) leaves the address valid but unsent: tried again.
    SendFailedException later = new SendFailedException("450 mailbox busy", null, new Address[0], invalid, new Address[0]);
    assertThat(OutboxSender.permanent(new MailSendException(Map.of(new Object(), later)))).isFalse();
  }
}
