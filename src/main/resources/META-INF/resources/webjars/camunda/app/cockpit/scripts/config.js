// ticketflow's Cockpit configuration: it replaces the webjar's (empty) config.js, as it comes first on the classpath.
// customScripts are ES modules loaded relative to /camunda/app/cockpit/.
export default {
  customScripts: ['scripts/ticket-sla-board.js']
};
