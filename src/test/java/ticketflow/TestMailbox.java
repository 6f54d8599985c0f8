package ticketflow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The customers' and staff's mailbox for the JVM: an SMTP server (GreenMail) on a port chosen once, that the outbox of
 * a {@link TicketflowServerTest} context delivers to. Mails of every test of such a context arrive here; a test picks
 * its own by ticket ({@link #mailsAbout}).
 */
public final class TestMailbox implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** Fixed for the JVM: the server is started again on it after an outage. */
  private static final int PORT = FreePorts.belowEphemeralRange();
  private static GreenMail server;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestMailbox::stop, "test-mailbox-stop"));
  }

  /** The running server, started (empty) on first call and on the first call after {@link #stop()}. */
  public static synchronized GreenMail server() {
    if (server == null || !server.isRunning()) {
      server = new GreenMail(new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
    return server;
  }

  /** An SMTP outage: the outbox finds nobody on the port until {@link #server()} starts it again. */
  public static synchronized void stop() {
    if (server != null) {
      server.stop();
    }
  }

  /** The mails received about one ticket (ticketflow's X-Ticketflow-Ticket header). */
  public static List<MimeMessage> mailsAbout(String ticketId) {
    return Arrays.stream(server().getReceivedMessages()).filter(m -> {
      try {
        return ticketId.equals(m.getHeader("X-Ticketflow-Ticket", null));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    server();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMailbox", Map.of(
        "spring.mail.host", "localhost",
        "spring.mail.port", PORT,
        // Mails go out, and failed ones are tried again, within a fraction of a second: tests wait on them briefly.
        "ticketflow.mail.poll", "PT0.1S",
        "ticketflow.mail.retry-initial", "PT0.2S",
        "ticketflow.mail.retry-max", "PT1S")));
  }
}
