package ticketflow.migration;

/** {@code POST /api/lifecycle/migrations}: from which version to which (default the latest), and whether only to preview. */
record MigrationRequest(Long fromVersion, Long toVersion, Boolean dryRun) {
}
