package ticketflow.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A holiday: its name, the date it falls on and the date it is observed (the day support is closed). Where a
 * country moves holidays off weekends the observed date differs and may even fall in the previous year (the US
 * observe New Year's Day 2028, a Saturday, on Friday 2027-12-31).
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
}
