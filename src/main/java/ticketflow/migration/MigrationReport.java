package ticketflow.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What a migration moves and what it leaves; {@code batchId} only when it started one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MigrationReport(int fromVersion, int toVersion, boolean dryRun, int tickets, int migratable,
    List<WaitingTickets.Blocked> blocked, String batchId) {
}
