package ticketflow.note;

/** Where a note was written: over the API, in a task form, or as engineering's findings handing a ticket back. */
public enum NoteSource {
  API, FORM, ENGINEERING_FINDINGS
}
