package ticketflow.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A holiday: its name, the date it falls on and the date it is observed (the day support is closed). A
 * Saturday holiday is observed on the Friday before and a Sunday one on the Monday after, so the observed date
 * may even fall in the previous year (New Year's Day 2028 is observed on Friday 2027-12-31).
 */
public record Holiday(String name, LocalDate date, LocalDate observed) {

  public Holiday {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(observed, "observed");
  }

  /** A holiday observed on the day it falls on. */
  public static Holiday on(String name, LocalDate date) {
    return new Holiday(name, date, date);
  }

  /** A holiday with a fixed date: a Saturday one is observed on the Friday before, a Sunday one on the Monday after. */
  public static Holiday fixed(String name, LocalDate date) {
    LocalDate observed = switch (date.getDayOfWeek()) {
      case SATURDAY -> date.minusDays(1);
      case SUNDAY -> date.plusDays(1);
      default -> date;
    };
    return new Holiday(name, date, observed);
  }
}
