package ticketflow.migration;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see the deployed lifecycle versions and move running tickets between them. */
@RestController
class LifecycleController {

  private final LifecycleVersions versions;
  private final MigrateTickets migrateTickets;

  LifecycleController(LifecycleVersions versions, MigrateTickets migrateTickets) {
    this.versions = versions;
    this.migrateTickets = migrateTickets;
  }

  @GetMapping(path = "/api/lifecycle/versions", produces = MediaType.APPLICATION_JSON_VALUE)
  List<LifecycleVersion> versions() {
    return versions.all();
  }

  /** A preview unless {@code "dryRun": false}; 200 either way, with the batch's id when one started. */
  @PostMapping(path = "/api/lifecycle/migrations", produces = MediaType.APPLICATION_JSON_VALUE)
  MigrationReport migrate(@RequestBody MigrationRequest request, Authentication caller) {
    return migrateTickets.migrate(request, caller.getName());
  }
}
