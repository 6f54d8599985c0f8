package ticketflow.ticket;

/** The business impact the requester reports; with the workaround it decides the priority. */
public enum Impact {
  SERVICE_DOWN, SEVERELY_DEGRADED, MAJOR_FEATURE_DEGRADED, FEATURE_ISSUE, INFORMATION_REQUEST, FEATURE_REQUEST, INSTALLATION_OR_CONFIGURATION
}
