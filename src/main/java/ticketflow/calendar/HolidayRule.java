package ticketflow.calendar;

import java.util.List;

/** A named way to compute holidays for any year, such as {@code US_FEDERAL}. */
interface HolidayRule {

  String name();

  /** The holidays whose date falls in {@code year}, each with its observed date (which may fall in another year). */
  List<Holiday> holidaysOf(int year);
}
