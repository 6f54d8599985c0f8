package ticketflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ticketflow.TicketflowApplication;

/** The postgres profile refuses to start without a PostgreSQL URL instead of quietly using an embedded database. */
@ExtendWith(OutputCaptureExtension.class)
class PostgresProfileTest {

  @Test
  void withoutTicketflowDbUrlTheNodeDoesNotStartAndSaysWhatToSet(CapturedOutput output) {
    // An empty value on the command line hides a TICKETFLOW_DB_URL the machine may have.
    assertThatThrownBy(() -> start("--TICKETFLOW_DB_URL="))
        .isInstanceOf(PostgresProfile.UrlMissing.class)
        .hasMessageContaining("TICKETFLOW_DB_URL, which is not set");
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("Set TICKETFLOW_DB_URL (e.g. TICKETFLOW_DB_URL=jdbc:postgresql://localhost:5432/ticketflow)");
  }

  @Test
  void aUrlOfAnotherDatabaseIsRefused() {
    assertThatThrownBy(() -> start("--TICKETFLOW_DB_URL=jdbc:h2:mem:elsewhere"))
        .isInstanceOf(PostgresProfile.UrlMissing.class)
        .hasMessageContaining("not 'jdbc:h2:mem:elsewhere'");
  }

  private static void start(String... args) {
    new SpringApplicationBuilder(TicketflowApplication.class).profiles("postgres")
        .web(WebApplicationType.NONE).logStartupInfo(false).run(args).close();
  }
}
