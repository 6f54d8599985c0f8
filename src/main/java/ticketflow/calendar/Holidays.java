package ticketflow.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The days a working-hours calendar stays closed: the holidays of a set of rules (countries such as {@code SA} or
 * {@code US-CA}, as the holiday library gives them, or {@link #US_FEDERAL}), plus extra dates, minus removed dates. A holiday counts on its observed date. A removed date removes a rule's
 * holiday given either by its date or by its observed date (removing 2026-07-04 or 2026-07-03 both reopen the
 * Friday on which Independence Day 2026 is observed); extra dates are always holidays unless also removed.
 * Immutable and safe to share; the holidays of each year are computed once.
 */
public final class Holidays {

  private static final HolidayRule FEDERAL = UsFederalHolidays.rule();

  /** The eleven US federal holidays, observed by their rules, for any year. */
  public static final Holidays US_FEDERAL = new Holidays(List.of(FEDERAL), Set.of(), Set.of());

  private static final Holidays NONE = new Holidays(List.of(), Set.of(), Set.of());

  private final List<HolidayRule> rules;
  private final Set<LocalDate> extra;
  private final Set<LocalDate> removed;
  private final Map<Integer, List<Holiday>> byYear = new ConcurrentHashMap<>();

  private Holidays(List<HolidayRule> rules, Collection<LocalDate> extra, Collection<LocalDate> removed) {
    this.rules = List.copyOf(rules);
    this.extra = Set.copyOf(extra);
    this.removed = Set.copyOf(removed);
  }

  /** No holidays at all. */
  public static Holidays none() {
    return NONE;
  }

  /**
   * The holidays of the named rules, plus {@code extraDates}, minus {@code removedDates}. A rule is a country by its
   * ISO 3166 code, optionally with a subdivision ({@code SA}, {@code US-CA}, {@code DE-BY}), or {@code US_FEDERAL};
   * case does not matter. Null collections count as empty.
   *
   * @throws IllegalArgumentException naming the rule when the holiday library knows no such country or subdivision
   */
  public static Holidays of(Collection<String> ruleNames, Collection<LocalDate> extraDates,
      Collection<LocalDate> removedDates) {
    List<HolidayRule> rules = new ArrayList<>();
    for (String ruleName : ruleNames == null ? List.<String>of() : ruleNames) {
      HolidayRule rule = rule(ruleName);
      if (rules.stream().noneMatch(r -> r.name().equals(rule.name()))) {
        rules.add(rule);
      }
    }
    return new Holidays(rules, nonNull(extraDates), nonNull(removedDates));
  }

  private static HolidayRule rule(String ruleName) {
    String name = ruleName == null ? "" : ruleName.trim().toUpperCase(Locale.ROOT);
    if (name.equals(UsFederalHolidays.NAME)) {
      return FEDERAL;
    }
    if (!LibraryHolidays.looksLikeCountry(name)) {
      throw new IllegalArgumentException("Unknown holidays '" + ruleName + "'; name a country by its ISO 3166 code,"
          + " optionally with a subdivision (SA, US-CA, DE-BY), or " + UsFederalHolidays.NAME);
    }
    return LibraryHolidays.country(name);
  }

  /** The rules this list follows, such as {@code [US_FEDERAL]} or {@code [SA]}. */
  public List<String> rules() {
    return rules.stream().map(HolidayRule::name).toList();
  }

  /** The dates added to the rules' holidays, in order. */
  public List<LocalDate> extraDates() {
    return List.copyOf(new TreeSet<>(extra));
  }

  /** The dates taken off the rules' holidays, in order. */
  public List<LocalDate> removedDates() {
    return List.copyOf(new TreeSet<>(removed));
  }

  /** Whether support is closed on {@code date} for a holiday. */
  public boolean isHoliday(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (removed.contains(date)) {
      return false;
    }
    if (extra.contains(date)) {
      return true;
    }
    return holidaysIn(date.getYear()).stream().anyMatch(h -> h.observed().equals(date));
  }

  /**
   * The holidays observed in {@code year}, in date order: a rule's holiday of the next year observed in this
   * one is included (New Year's Day 2028 in 2027), one of this year observed in the previous year is not. Extra
   * dates appear as "Additional holiday".
   */
  public List<Holiday> holidaysIn(int year) {
    return byYear.computeIfAbsent(year, this::compute);
  }

  /** The dates observed as holidays in {@code year}, in order. */
  public List<LocalDate> datesIn(int year) {
    return holidaysIn(year).stream().map(Holiday::observed).distinct().toList();
  }

  private List<Holiday> compute(int year) {
    List<Holiday> result = new ArrayList<>();
    for (HolidayRule rule : rules) {
      for (int y = year - 1; y <= year + 1; y++) {
        for (Holiday holiday : rule.holidaysOf(y)) {
          if (holiday.observed().getYear() == year
              && !removed.contains(holiday.observed()) && !removed.contains(holiday.date())) {
            result.add(holiday);
          }
        }
      }
    }
    Set<LocalDate> taken = result.stream().map(Holiday::observed).collect(Collectors.toSet());
    new TreeSet<>(extra).stream()
        .filter(date -> date.getYear() == year && !removed.contains(date) && !taken.contains(date))
        .forEach(date -> result.add(Holiday.on("Additional holiday", date)));
    result.sort(Comparator.comparing(Holiday::observed).thenComparing(Holiday::date));
    return List.copyOf(result);
  }

  @Override
  public String toString() {
    return "Holidays" + rules.stream().map(HolidayRule::name).toList()
        + (extra.isEmpty() ? "" : " + " + new TreeSet<>(extra))
        + (removed.isEmpty() ? "" : " - " + new TreeSet<>(removed));
  }

  private static <T> Collection<T> nonNull(Collection<T> values) {
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(Objects::nonNull).toList();
  }
}
