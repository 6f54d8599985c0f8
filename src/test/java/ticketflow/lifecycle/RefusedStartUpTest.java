package ticketflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import ticketflow.TicketflowApplication;

/** A node whose own models break the contract does not start, and says why: the check refuses start-up deployments too. */
class RefusedStartUpTest {

  /** Not "default", under which other tests' engine REST and webapps look their engine up; Camunda ignores names with a hyphen. */
  private static final String ENGINE = "refusedStartUp";

  @Test
  void aNodeWhoseCommitmentsTableLacksP4StopsNamingP4(@TempDir Path models) throws IOException {
    try (Stream<Path> files = Stream.concat(Files.list(Path.of("bpmn")), Files.list(Path.of("forms")))) {
      for (Path file : files.filter(f -> !f.toString().endsWith(".svg")).toList()) {
        Files.copy(file, models.resolve(file.getFileName()));
      }
    }
    Path commitments = models.resolve("commitments.dmn");
    Files.writeString(commitments, Files.readString(commitments).replaceAll("(?s)<rule id=\"lowCommitments\">.*?</rule>", ""));

    assertThatThrownBy(() -> new SpringApplicationBuilder(TicketflowApplication.class).profiles("test")
        .run("--server.port=0", "--camunda.bpm.deployment-resource-pattern=file:" + models + "/*.*",
            // No metrics reporter thread left behind by an engine that never finishes starting.
            "--camunda.bpm.process-engine-name=" + ENGINE, "--camunda.bpm.metrics.db-reporter-activate=false").close())
        .hasStackTraceContaining("ticketflow refused this deployment")
        .hasStackTraceContaining("Decision 'commitments' answers nothing for priority P4");
    // The engine was built, then refused its deployment; it cannot be closed without its (closed) database.
    ProcessEngine refused = ProcessEngines.getProcessEngine(ENGINE);
    if (refused != null) {
      ProcessEngines.unregister(refused);
    }
  }
}
