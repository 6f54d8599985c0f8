package ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ticketflow.ApiClient;
import ticketflow.TicketflowTest;

/** GET /api/calendars: what the commitment clocks will skip, for staff. */
@TicketflowTest
class CalendarsApiTest {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  ApiClient client;

  @BeforeEach
  void mondayAfterThanksgiving2026() {
    client = new ApiClient(mvc, json);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T18:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void staffSeeEveryCalendarWithItsWeekHoursAndTheHolidaysOfTheNextTwelveMonths() throws Exception {
    JsonNode calendars = client.ok(client.call(get("/api/calendars"), "web.agent", null), 200);

    assertThat(names(calendars)).contains("24x7", "business");
    JsonNode business = byName(calendars, "business");
    assertThat(business.get("type").asText()).isEqualTo("WORKING_HOURS");
    assertThat(business.get("zone").asText()).isEqualTo("America/Los_Angeles");
    assertThat(texts(business.get("days"))).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
    assertThat(business.get("opens").asText()).startsWith("09:00");
    assertThat(business.get("closes").asText()).startsWith("17:00");
    assertThat(business.get("businessDay").asText()).isEqualTo("PT8H");
    assertThat(texts(business.get("holidays"))).containsExactly("US_FEDERAL");
    // From Christmas 2026 to Thanksgiving 2027; Thanksgiving 2026 has passed, 2027's Independence Day is a Monday off.
    List<String> observed = new ArrayList<>();
    business.get("nextHolidays").forEach(h -> observed.add(h.get("observed").asText()));
    assertThat(observed).containsExactly("2026-12-25", "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18",
        "2027-07-05", "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25");
    JsonNode independenceDay = business.get("nextHolidays").get(6);
    assertThat(independenceDay.get("name").asText()).isEqualTo("Independence Day");
    assertThat(independenceDay.get("date").asText()).isEqualTo("2027-07-04");
    JsonNode wallClock = byName(calendars, "24x7");
    assertThat(wallClock.get("type").asText()).isEqualTo("WALL_CLOCK");
    assertThat(wallClock.get("nextHolidays")).isEmpty();
  }

  @Test
  void managersLeadsAndAdministratorsSeeThemToo() throws Exception {
    for (String staff : List.of("manager", "lead", "engineer", ApiClient.ADMIN)) {
      assertThat(client.call(get("/api/calendars"), staff, null).getResponse().getStatus()).as(staff).isEqualTo(200);
    }
  }

  @Test
  void oneCalendarByName() throws Exception {
    JsonNode business = client.ok(client.call(get("/api/calendars/business"), "lead", null), 200);

    assertThat(business.get("name").asText()).isEqualTo("business");
  }

  @Test
  void anUnknownCalendarIsNotFound() throws Exception {
    client.problem(client.call(get("/api/calendars/apac"), "lead", null), 404);
  }

  @Test
  void intakeClientsMayNotReadTheCalendars() throws Exception {
    client.problem(client.call(get("/api/calendars"), "portal", null), 403);
    client.problem(client.call(get("/api/calendars/business"), "portal", null), 403);
  }

  @Test
  void anonymousCallersMustLogIn() throws Exception {
    client.problem(client.call(get("/api/calendars"), null, null), 401);
  }

  private static List<String> names(JsonNode calendars) {
    List<String> names = new ArrayList<>();
    calendars.forEach(c -> names.add(c.get("name").asText()));
    return names;
  }

  private static JsonNode byName(JsonNode calendars, String name) {
    for (JsonNode calendar : calendars) {
      if (calendar.get("name").asText().equals(name)) {
        return calendar;
      }
    }
    throw new AssertionError("no calendar " + name + " in " + calendars);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }
}
