package ticketflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ticketflow.TicketflowServerTest;

/**
 * Hostile input against a real HTTP server (Tomcat on a random port), sent as raw bytes so that malformed things
 * reach it as a client would send them: broken JSON, wrong types, control characters, invalid UTF-8, huge and deep
 * bodies, odd headers, paths, query parameters and methods.
 *
 * <p>Every case: the status is not 5xx, it is the expected one, and an error answer is {@code application/problem+json}
 * — except where the servlet container (Tomcat) answers before Spring is reached, which each such case says.
 *
 * <p>Requests go through {@link HttpClient}; a few cases it cannot express (it sends non-ASCII header bytes as '?', trims
 * whitespace-only values, refuses spaces in paths and always frames a body) go over a plain socket instead, marked
 * {@code raw}.
 *
 * <p>The hundred-odd tickets it leaves in the support-web queue stay in the shared context: other tests count relative
 * to what was there before them, and its own checks compare with the ticket count before each request.
 *
 * <p>The {@code bug…} and {@code finding…} methods below keep, each with its own table and the answer due, inputs the
 * code once answered wrongly; none is {@code @Disabled}: they run with the rest and guard against the bug's return.
 */
@TicketflowServerTest
class HostileInputTest {

  private static final String PORTAL = "portal";
  private static final String ADMIN = "admin";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String JSON_TYPE = "application/json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** Stand-ins in a case's path, replaced by fixtures made at run time. */
  private static final String OPEN_TICKET = "{ticket}";
  private static final String PROPOSED_TICKET = "{proposed}";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  // --- the tests --------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileInputIsAnsweredDeliberately(Case c) throws Exception {
    check(c);
  }

  @Test
  void theTableHoldsAtLeast45DistinctInputs() {
    List<Case> table = cases().toList();
    assertThat(table).extracting(Case::name).doesNotHaveDuplicates();
    assertThat(table.stream().map(c -> c.method() + " " + c.path() + " " + new TreeMap<>(c.headers()) + " " + c.viaSocket() + " "
        + c.streamed() + " " + (c.body() == null ? "none" : c.body().length + "/" + Arrays.hashCode(c.body()))).distinct().count())
        .isEqualTo(table.size());
    assertThat(table).hasSizeGreaterThanOrEqualTo(45);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storageOverflowBugs")
  void bugValidTextOverflowsItsColumn(Case c) throws Exception {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commitmentsRangeBugs")
  void bugCommitmentsOutOfRange(Case c) throws Exception {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headerFirewallBugs")
  void bugNonLatinHeaderIs500(Case c) throws Exception {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notAProblemBugs")
  void bugErrorIsNotAProblem(Case c) throws Exception {
    check(c);
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("negotiationBugs")
  void bugNotAcceptableAfterTheTicketIsCreated(Case c) throws Exception {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidTextBugs")
  void bugInvalidTextIsTaken(Case c) throws Exception {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lenientJsonBugs")
  void bugLenientJsonIsAccepted(Case c) throws Exception {
    check(c);
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("articleUrlFindings")
  void findingArticleUrlScheme(Case c) throws Exception {
    check(c);
  }

  // --- the table --------------------------------------------------------------------------------------------------

  static Stream<Case> cases() {
    List<Case> all = new ArrayList<>();

    // Malformed JSON.
    all.add(submit("truncated JSON", utf8("{\"accountId\":\"acme-pro\",\"subj")).expect(400));
    all.add(submit("truncated inside a string", utf8(ticket().replace("\"}", ""))).expect(400));
    all.add(submit("single-quoted strings", utf8(ticket().replace('"', '\''))).expect(400));
    all.add(submit("unquoted field names", utf8(ticket().replace("\"subject\"", "subject"))).expect(400));
    all.add(submit("trailing comma", utf8(ticket().replaceFirst("}$", ",}"))).expect(400));
    all.add(submit("NaN as a value", utf8(ticketWith("subject", "NaN"))).expect(400));
    all.add(submit("-Infinity as a value", utf8(ticketWith("description", "-Infinity"))).expect(400));
    all.add(submit("block comment", utf8(ticket().replaceFirst("\\{", "{/* hello */"))).expect(400));
    all.add(submit("line comment", utf8(ticket().replaceFirst("\\{", "{// hello\n"))).expect(400));
    all.add(submit("hex number", utf8(ticketWith("subject", "0x1F"))).expect(400));
    all.add(submit("UTF-8 byte order mark before valid JSON (RFC 8259 lets a parser ignore it)",
        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(ticket()))).expect(201));
    all.add(submit("UTF-16LE body declared as JSON (Jackson detects the encoding, as RFC 4627 allowed)",
        ticket().getBytes(StandardCharsets.UTF_16LE)).expect(201));
    all.add(submit("raw NUL byte between tokens", utf8(ticket().replaceFirst(",", ",\u0000"))).expect(400));
    all.add(submit("Content-Length and Transfer-Encoding both (raw; Tomcat reads the chunks)",
        utf8("5\r\n{}xyz\r\n0\r\n\r\n")).header("Transfer-Encoding", "chunked").header("Content-Length", "3").raw().expect(400));

    // Bodies that are not a ticket object.
    all.add(submit("no body at all (raw: no Content-Length either)", null).raw().expect(400));
    all.add(new Case("no body and no Content-Type", "POST", "/api/tickets", PORTAL, Map.of(), null, Expect.status(400)));
    all.add(submit("empty body", new byte[0]).expect(400));
    all.add(submit("whitespace-only body", utf8(" \r\n\t ")).expect(400));
    all.add(submit("body null", utf8("null")).expect(400));
    all.add(submit("body []", utf8("[]")).expect(400));
    all.add(submit("body a JSON string", utf8("\"ticket\"")).expect(400));
    all.add(submit("body a number", utf8("42")).expect(400));
    all.add(submit("body true", utf8("true")).expect(400));
    all.add(submit("body {} names every required field", utf8("{}")).expect(400));
    all.add(submit("an array of tickets", utf8("[" + ticket() + "]")).expect(400));
    all.add(submit("5,000 nested arrays as the body", utf8("[".repeat(5_000) + "]".repeat(5_000))).expect(400));
    all.add(submit("100,000 nested arrays as the body", utf8("[".repeat(100_000) + "]".repeat(100_000))).expect(400));
    all.add(submit("5,000 nested arrays as the description",
        utf8(ticketWith("description", "[".repeat(5_000) + "]".repeat(5_000)))).expect(400));
    all.add(submit("5,000 nested objects as callerVerification",
        utf8(ticketWith("callerVerification", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)))).expect(400));
    all.add(submit("number of 5,000 digits as the subject", utf8(ticketWith("subject", "9".repeat(5_000)))).expect(400));
    all.add(submit("unknown field __proto__", utf8(ticketWith("__proto__", "{\"admin\":true}"))).expect(400));
    all.add(submit("unknown field priority (clients do not choose it)", utf8(ticketWith("priority", "\"P1\""))).expect(400));
    all.add(submit("field name with a NUL", utf8(ticketWith("sub\\u0000ject", "\"x\""))).expect(400));

    // Wrong types for every kind of field.
    all.add(submit("string subject as an array", utf8(ticketWith("subject", "[\"Recording\"]"))).expect(400));
    all.add(submit("string subject as an object", utf8(ticketWith("subject", "{\"text\":\"Recording\"}"))).expect(400));
    all.add(submit("string subject as null", utf8(ticketWith("subject", "null"))).expect(400));
    all.add(submit("string requesterEmail as an array", utf8(ticketWith("requesterEmail", "[]"))).expect(400));
    all.add(submit("enum channel as a number", utf8(ticketWith("channel", "4"))).expect(400));
    all.add(submit("enum channel as an array", utf8(ticketWith("channel", "[\"WEB\"]"))).expect(400));
    all.add(submit("enum channel as an object", utf8(ticketWith("channel", "{\"name\":\"WEB\"}"))).expect(400));
    all.add(submit("enum channel as a boolean", utf8(ticketWith("channel", "true"))).expect(400));
    all.add(submit("enum category lowercase", utf8(ticketWith("category", "\"technical\""))).expect(400));
    all.add(submit("enum impact as an empty string", utf8(ticketWith("impact", "\"\""))).expect(400));
    all.add(submit("enum workaround as null", utf8(ticketWith("workaround", "null"))).expect(400));
    all.add(submit("object callerVerification as a string", utf8(ticketWith("channel", "\"PHONE\"", "callerVerification", "\"5550120000\"")))
        .expect(400));
    all.add(submit("object callerVerification as an array", utf8(ticketWith("callerVerification", "[\"5550120000\",\"200100\"]")))
        .expect(400));

    // Lengths and sizes.
    all.add(submit("subject of 10,000 characters", utf8(ticketWith("subject", quoted("S".repeat(10_000))))).expect(400));
    all.add(submit("description of 20,001 characters", utf8(ticketWith("description", quoted("D".repeat(20_001))))).expect(400));
    String subject200 = "S".repeat(199) + "!";
    String description20000 = "D".repeat(19_999) + "!";
    all.add(submit("subject of exactly 200 and description of exactly 20,000 characters are taken",
        utf8(ticketWith("subject", quoted(subject200), "description", quoted(description20000))))
        .expect(201).then(storedVerbatim(subject200, description20000)));
    all.add(submit("body of 1.5 MiB with Content-Length", utf8(ticketWith("description", quoted("D".repeat(1_572_864)))))
        .expect(413));
    all.add(submit("body of 1.5 MiB chunked (no Content-Length)", utf8(ticketWith("description", quoted("D".repeat(1_572_864)))))
        .chunked().expect(413));
    all.add(submit("body of exactly 1 MiB is read, then refused as too long a description", exactly(1_048_576)).expect(400));

    // Control characters, encodings and scripts.
    all.add(submit("NUL character \\u0000 in the subject", utf8(ticketWith("subject", "\"Record\\u0000ing\""))).expect(400));
    all.add(submit("ANSI escape \\u001b in the description", utf8(ticketWith("description", "\"\\u001b[31mred\\u001b[0m\""))).expect(400));
    all.add(submit("backspaces \\b in the subject", utf8(ticketWith("subject", "\"admin\\b\\b\\b\\b\\buser\""))).expect(400));
    all.add(submit("DEL \\u007f in the subject", utf8(ticketWith("subject", "\"Record\\u007fing\""))).expect(400));
    all.add(submit("raw (unescaped) control byte 0x01 in a string", utf8(ticketWith("subject", "\"Record\u0001ing\""))).expect(400));
    String tabsAndBreaks = "Line one\r\nLine two\n\tindented";
    all.add(submit("tab and line breaks in the description are text", utf8(ticketWith("description", quoted(tabsAndBreaks))))
        .expect(201).then(storedVerbatim("Recording does not start", tabsAndBreaks)));
    all.add(submit("invalid UTF-8 bytes in the subject", withSubjectBytes(0xC3, 0x28, 0xFF)).expect(400));
    all.add(submit("UTF-8 truncated in the middle of a character", withSubjectBytes(0xE2, 0x82)).expect(400));
    String emoji = "Kamera kaputt 📷🔥 — 👩🏽‍💻 🇺🇦";
    String arabic = "لا يعمل التسجيل في الاجتماع \u200f(مرحبا)";
    all.add(submit("emoji and RTL Arabic are stored verbatim", utf8(ticketWith("subject", quoted(emoji), "description", quoted(arabic))))
        .expect(201).then(storedVerbatim(emoji, arabic)));
    String astral = "😀".repeat(100);
    all.add(submit("subject of 100 emoji (200 UTF-16 units) is taken", utf8(ticketWith("subject", quoted(astral))))
        .expect(201).then(storedVerbatim(astral, "The record button is greyed out in every meeting.")));
    String escaped = "Caf\u00e9 \u4e2d\u6587 \ud83d\ude00";
    all.add(submit("JSON \\u escapes incl. a surrogate pair are decoded",
        utf8(ticketWith("subject", "\"Caf\\u00e9 \\u4e2d\\u6587 \\ud83d\\ude00\"")))
        .expect(201).then(storedVerbatim(escaped, "The record button is greyed out in every meeting.")));
    String bidi = "invoice \u202Egnp.exe\u202C";
    all.add(submit("bidi override U+202E (a format character, not a control) is kept", utf8(ticketWith("subject", quoted(bidi))))
        .expect(201).then(storedVerbatim(bidi, "The record button is greyed out in every meeting.")));

    // Markup and SQL are just text: stored and returned as sent; the ticket table keeps working.
    String script = "<script>alert(1)</script>";
    String img = "<img src=x onerror=alert(1)>";
    all.add(submit("markup <script> in subject, <img onerror> in description",
        utf8(ticketWith("subject", quoted(script), "description", quoted(img))))
        .expect(201).then(storedVerbatim(script, img)));
    String drop = "'; DROP TABLE tf_ticket; --";
    String or = "\" OR 1=1 --";
    all.add(submit("SQL '; DROP TABLE tf_ticket; -- in subject, \" OR 1=1 -- in description",
        utf8(ticketWith("subject", quoted(drop), "description", quoted(or))))
        .expect(201).then(storedVerbatim(drop, or)).then(ticketTableStillWorks()));
    all.add(submit("SQL \" OR 1=1 -- in subject, '; DROP TABLE tf_ticket; -- in description",
        utf8(ticketWith("subject", quoted(or), "description", quoted(drop))))
        .expect(201).then(storedVerbatim(or, drop)).then(ticketTableStillWorks()));

    // Headers.
    all.add(submit("Idempotency-Key of 129 characters", utf8(ticket())).header("Idempotency-Key", "k".repeat(129)).expect(400));
    all.add(submit("Idempotency-Key of exactly 128 characters", utf8(ticket()))
        .header("Idempotency-Key", unique().concat("k".repeat(120))).expect(201));
    all.add(submit("Idempotency-Key of SQL", utf8(ticket())).header("Idempotency-Key", "' OR '1'='1 " + unique()).expect(201));
    all.add(submit("Idempotency-Key of only whitespace (raw)", utf8(ticket())).header("Idempotency-Key", " \t ").raw().expect(400));
    all.add(submit("Idempotency-Key of Latin-1 letters é/ü (raw bytes)", utf8(ticket()))
        .header("Idempotency-Key", "cl\u00e9-\u00fc-" + unique()).raw().expect(201));
    all.add(submit("Idempotency-Key of 10,000 characters (Tomcat refuses the header block: HTML 400)", utf8(ticket()))
        .header("Idempotency-Key", "k".repeat(10_000)).expect(400).fromContainer());
    all.add(new Case("header with a control byte 0x01 (raw; Tomcat refuses it: HTML 400)", "GET", "/api/tickets", PORTAL,
        Map.of("X-Note", "a\u0001b"), null, Expect.status(400).fromContainer()).raw());
    all.add(new Case("User-Agent of Cyrillic UTF-8 on a GET (raw)", "GET", "/api/tickets", PORTAL,
        Map.of("User-Agent", latin1("Портал/1.0")), null, Expect.status(200)).raw());
    all.add(submit("Content-Type text/plain", utf8(ticket())).header("Content-Type", "text/plain").expect(415));
    all.add(submit("Content-Type application/xml", utf8("<ticket><subject>x</subject></ticket>"))
        .header("Content-Type", "application/xml").expect(415));
    all.add(submit("Content-Type form-urlencoded", utf8("subject=x&description=y"))
        .header("Content-Type", "application/x-www-form-urlencoded").expect(415));
    all.add(submit("Content-Type not a media type", utf8(ticket())).header("Content-Type", "json").expect(415));
    all.add(submit("Content-Type with an unknown charset", utf8(ticket()))
        .header("Content-Type", "application/json; charset=x-no-such-charset").expect(415));
    all.add(submit("gzip Content-Encoding is not inflated", gzip(utf8(ticket()))).header("Content-Encoding", "gzip").expect(400));
    all.add(new Case("Accept: application/xml on a ticket (406 or JSON)", "GET", "/api/tickets/" + OPEN_TICKET, PORTAL,
        Map.of("Accept", "application/xml"), null, Expect.anyOf(406, 200)));
    // The API speaks JSON only: an Accept without it is refused (as a problem) before the request is examined.
    all.add(new Case("Accept: text/html on an invalid request still gets a problem", "GET", "/api/tickets/TF-", PORTAL,
        Map.of("Accept", "text/html"), null, Expect.status(406)));
    all.add(new Case("Authorization not base64", "GET", "/api/tickets", null, Map.of("Authorization", "Basic !!!not-base64!!!"), null,
        Expect.status(401)));
    all.add(new Case("Authorization without a colon", "GET", "/api/tickets", null,
        Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8("portal"))), null, Expect.status(401)));
    all.add(new Case("Authorization with a UTF-8 user name", "GET", "/api/tickets", null, Map.of("Authorization", basic("портал", "demo")),
        null, Expect.status(401)));
    all.add(new Case("Authorization Bearer", "GET", "/api/tickets", null, Map.of("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30."),
        null, Expect.status(401)));
    all.add(new Case("no Authorization", "POST", "/api/tickets", null, Map.of("Content-Type", JSON_TYPE), utf8(ticket()),
        Expect.status(401)));

    // Methods.
    all.add(new Case("TRACE /api/tickets (Spring Security's firewall)", "TRACE", "/api/tickets", PORTAL, Map.of(), null,
        Expect.status(400)));
    all.add(new Case("OPTIONS /api/tickets", "OPTIONS", "/api/tickets", PORTAL, Map.of(), null, Expect.status(200)));
    all.add(new Case("HEAD /api/tickets", "HEAD", "/api/tickets", PORTAL, Map.of(), null, Expect.status(200)));
    all.add(new Case("priority P0 by a lead", "POST", "/api/tickets/" + OPEN_TICKET + "/priority", "lead",
        Map.of("Content-Type", JSON_TYPE), utf8("{\"priority\":\"P0\",\"reason\":\"x\"}"), Expect.status(400)));

    // Ids and other things in the path.
    for (String id : List.of("TF-", "TF-1e9", "tf-1001", "TF-1'%20OR%20'1'%3D'1", "TF-%D9%A1%D9%A2%D9%A3", "TF-9999999999999999999",
        "TF-" + "1".repeat(1_000))) {
      all.add(get("ticket id " + abbreviate(id), "/api/tickets/" + id, 400));
    }
    all.add(get("ticket id with an encoded line feed (Spring Security's firewall)", "/api/tickets/TF-1%0A", 400));
    all.add(get("ticket id with ;matrix (Spring Security's firewall)", "/api/tickets/TF-1;jsessionid=x", 400));
    all.add(get("// in the path (Spring Security's firewall)", "/api//tickets", 400));
    all.add(get("ticket id %2e%2e/%2e%2e (Spring Security's firewall)", "/api/tickets/%2e%2e/%2e%2e/etc/passwd", 400));
    all.add(new Case("article id .. (Spring Security's firewall: not normalized)", "PUT", "/api/knowledge-base/articles/..", ADMIN,
        Map.of("Content-Type", JSON_TYPE), utf8(article("zebrafish")), Expect.status(400)));
    all.add(get("ticket id ../../etc/passwd URL-encoded (Tomcat refuses %2F: HTML 400)", "/api/tickets/..%2F..%2Fetc%2Fpasswd", 400)
        .fromContainer());
    all.add(get("ticket id %00 (Tomcat: HTML 400)", "/api/tickets/%00", 400).fromContainer());
    all.add(get("ticket id with %2F (Tomcat: HTML 400)", "/api/tickets/TF-1%2F2", 400).fromContainer());
    all.add(get("ticket id with %5C (Tomcat: HTML 400)", "/api/tickets/%5C..", 400).fromContainer());
    all.add(get("ticket id of invalid UTF-8 %C3%28 (Tomcat: HTML 400)", "/api/tickets/TF-%C3%28", 400).fromContainer());
    all.add(new Case("raw space in the path (raw; Tomcat: HTML 400)", "GET", "/api/tickets/TF-1 x", PORTAL, Map.of(), null,
        Expect.status(400).fromContainer()).raw());
    all.add(get("ticket id of 10,000 characters (Tomcat refuses the request line: HTML 400)", "/api/tickets/TF-" + "9".repeat(10_000), 400)
        .fromContainer());
    all.add(get("unknown ticket id", "/api/tickets/TF-999999999999999999", 404));
    all.add(new Case("message to an unknown ticket", "POST", "/api/tickets/TF-999999999/messages", PORTAL,
        Map.of("Content-Type", JSON_TYPE), utf8("{\"body\":\"hello\"}"), Expect.status(404)));

    // Query parameters.
    for (String query : List.of("page=-1", "page=abc", "page=99999999999", "page=1.5", "size=0", "size=100000", "status=open",
        "priority=P9", "queue=" + "q".repeat(65))) {
      all.add(get("list " + abbreviate(query), "/api/tickets?" + query, 400));
    }
    // Queue names are ids like support-web: anything else is refused naming the parameter.
    all.add(get("list with SQL as the queue", "/api/tickets?queue=%27%20OR%20%271%27%3D%271", 400));
    all.add(get("list with a Cyrillic queue", "/api/tickets?queue=%D0%BF%D0%BE%D1%80", 400));
    all.add(get("list with a queue of invalid UTF-8 %C3%28", "/api/tickets?queue=%C3%28", 400));
    all.add(new Case("list with a malformed %ZZ escape (raw; Tomcat drops the parameter)", "GET", "/api/tickets?queue=%ZZ", PORTAL,
        Map.of(), null, Expect.status(200)).raw());
    all.add(get("list with page twice (the first counts)", "/api/tickets?page=1&page=2", 200));
    all.add(get("list with the last page there may be", "/api/tickets?page=100000&size=200", 200));
    all.add(get("commitments from=not-a-date", "/api/commitments?priority=P3&from=not-a-date", 400));
    all.add(get("commitments from=2026-13-45T00:00:00Z", "/api/commitments?priority=P3&from=2026-13-45T00:00:00Z", 400));
    all.add(get("commitments without priority", "/api/commitments?from=2026-12-24T16:30:00Z", 400));
    all.add(get("commitments without from", "/api/commitments?priority=P3", 400));
    all.add(get("commitments priority lowercase", "/api/commitments?priority=p3&from=2026-12-24T16:30:00Z", 400));
    all.add(get("commitments from with SQL", "/api/commitments?priority=P3&from=%27%3B%20DROP%20TABLE%20tf_ticket%3B%20--", 400));
    all.add(get("commitments from the year 9999 (business calendar)", "/api/commitments?priority=P3&from=9999-12-31T23:59:59Z", 200));
    // Instants outside 1970..9999 are refused: no ticket has them, and calendars would overflow.
    all.add(get("commitments from the year +1000000000 (24x7 calendar)",
        "/api/commitments?priority=P1&from=%2B1000000000-01-01T00:00:00Z", 400));
    all.add(get("commitments for a valid request", "/api/commitments?priority=P1&from=2026-12-24T16:30:00Z", 200));

    // Messages and feedback relayed by the intake client.
    all.add(message("message body null", "{\"body\":null}", 400));
    all.add(message("message body an array", "{\"body\":[1]}", 400));
    all.add(message("message body with NUL", "{\"body\":\"hi\\u0000\"}", 400));
    all.add(message("message body of exactly 20,000 characters", "{\"body\":" + quoted("M".repeat(20_000)) + "}", 201));
    all.add(message("message body of 20,001 characters", "{\"body\":" + quoted("M".repeat(20_001)) + "}", 400));
    all.add(feedback("feedback accepted \"yes\"", "{\"accepted\":\"yes\"}", 400));
    all.add(feedback("feedback accepted null", "{\"accepted\":null}", 400));
    all.add(feedback("feedback accepted an object", "{\"accepted\":{\"value\":true}}", 400));
    all.add(feedback("feedback accepted false with a comment of markup", "{\"accepted\":false,\"comment\":\"<b>no</b>\"}", 200));

    // Accounts (admins only).
    String member = "{\"email\":\"owner@hostile.example\",\"role\":\"OWNER\"}";
    all.add(account("account plan lowercase", "{\"plan\":\"pro\",\"members\":[" + member + "]}", 400));
    all.add(account("account plan a number", "{\"plan\":1,\"members\":[" + member + "]}", 400));
    all.add(account("account members null", "{\"plan\":\"PRO\",\"members\":null}", 400));
    all.add(account("account members [null]", "{\"plan\":\"PRO\",\"members\":[null]}", 400));
    all.add(account("account members an object", "{\"plan\":\"PRO\",\"members\":" + member + "}", 400));
    all.add(account("account member role lowercase", "{\"plan\":\"PRO\",\"members\":[{\"email\":\"a@hostile.example\",\"role\":\"owner\"}]}", 400));
    all.add(account("account member email with markup",
        "{\"plan\":\"PRO\",\"members\":[{\"email\":\"<script>@hostile.example\",\"role\":\"OWNER\"}]}", 400));
    all.add(account("account member email with SQL",
        "{\"plan\":\"PRO\",\"members\":[{\"email\":\"x' OR '1'='1\",\"role\":\"OWNER\"}]}", 400));
    all.add(account("account with 10,001 members", "{\"plan\":\"PRO\",\"members\":[" + members(10_001) + "]}", 400));
    all.add(account("account with exactly 10,000 members", "{\"plan\":\"PRO\",\"members\":[" + members(10_000) + "]}", 201)
        .path("/api/accounts/hostile-big-" + low()));
    all.add(new Case("account id with SQL (Spring Security's firewall refuses %3B)", "PUT", "/api/accounts/x'%3B%20DROP%20TABLE%20tf_account%3B--",
        ADMIN, Map.of("Content-Type", JSON_TYPE), utf8("{\"plan\":\"PRO\",\"members\":[" + member + "]}"), Expect.status(400)));
    all.add(new Case("account id with SQL, no semicolon", "GET", "/api/accounts/x'%20OR%20'1'%3D'1", ADMIN, Map.of(), null,
        Expect.status(400)));
    all.add(new Case("account PUT by an intake client", "PUT", "/api/accounts/hostile-portal", PORTAL,
        Map.of("Content-Type", JSON_TYPE), utf8("{\"plan\":\"PRO\",\"members\":[" + member + "]}"), Expect.status(403)));

    // Knowledge base (admins only).
    all.add(article("article keywords of SQL", article("'; DROP TABLE tf_kb_article; --", "\" OR 1=1 --"), 400));
    all.add(article("article keywords that are SQL words", article("select", "drop", "table"), 201));
    String kbTitle = "<script>alert(1)</script> '; DROP TABLE tf_kb_article; --";
    all.add(new Case("article title of markup and SQL is stored verbatim", "PUT", "/api/knowledge-base/articles/zz-hostile-" + low(),
        ADMIN, Map.of("Content-Type", JSON_TYPE), utf8("{\"title\":" + quoted(kbTitle) + ",\"summary\":\"s\",\"url\":\"/kb/x\","
        + "\"categories\":[\"TECHNICAL\"],\"keywords\":[\"zebrafish\"]}"), Expect.status(201)).then(articleTitleVerbatim(kbTitle)));
    all.add(article("article categories lowercase", "{\"title\":\"t\",\"summary\":\"s\",\"url\":\"/kb/x\",\"categories\":[\"technical\"],"
        + "\"keywords\":[\"zebrafish\"]}", 400));
    all.add(article("article keywords a string", "{\"title\":\"t\",\"summary\":\"s\",\"url\":\"/kb/x\",\"categories\":[\"*\"],"
        + "\"keywords\":\"zebrafish\"}", 400));
    all.add(article("article with 51 keywords", article(IntStream.range(0, 51).mapToObj(i -> "word" + i).toArray(String[]::new)), 400));

    return all.stream();
  }

  static Stream<Case> storageOverflowBugs() {
    return Stream.of(
        // "Accepted the proposed solution.\n" + 20,000 characters = 20,032 > tf_message.body varchar(20000).
        feedback("feedback comment of exactly 20,000 characters", "{\"accepted\":true,\"comment\":" + quoted("c".repeat(20_000)) + "}",
            200),
        // 50 × 40 characters + 49 commas = 2,049 > tf_kb_article.keywords varchar(1000).
        article("article with 50 keywords of 40 characters", article(IntStream.range(0, 50)
            .mapToObj(i -> "k".repeat(38) + (char) ('a' + i / 26) + (char) ('a' + i % 26)).toArray(String[]::new)), 201));
  }

  static Stream<Case> commitmentsRangeBugs() {
    return Stream.of(
        get("commitments from the year +1000000000 (business calendar)",
            "/api/commitments?priority=P3&from=%2B1000000000-01-01T00:00:00Z", 400),
        get("commitments from the year -1000000000 (business calendar)",
            "/api/commitments?priority=P3&from=-1000000000-01-01T00:00:00Z", 400),
        get("commitments from Instant.MAX (24x7 calendar)",
            "/api/commitments?priority=P1&from=%2B1000000000-12-31T23:59:59.999999999Z", 400));
  }

  /** Header values go out as UTF-8 bytes; Tomcat reads them as ISO-8859-1, so 0x80–0x9F bytes become C1 controls. */
  static Stream<Case> headerFirewallBugs() {
    return Stream.of(
        submit("Idempotency-Key of Cyrillic and emoji UTF-8 (raw)", utf8(ticket()))
            .header("Idempotency-Key", latin1("ключ-🔑-" + unique())).raw().expectAnyOf(201, 400),
        submit("User-Agent of Cyrillic UTF-8 on a POST (raw)", utf8(ticket()))
            .header("User-Agent", latin1("Портал/1.0")).raw().expectAnyOf(201, 400),
        submit("a header nobody reads, of Cyrillic UTF-8, on a POST (raw)", utf8(ticket()))
            .header("X-Note", latin1("ключ")).raw().expectAnyOf(201, 400));
  }

  static Stream<Case> notAProblemBugs() {
    return Stream.of(
        new Case("PUT /api/tickets", "PUT", "/api/tickets", PORTAL, Map.of("Content-Type", JSON_TYPE), utf8(ticket()),
            Expect.status(405)),
        new Case("DELETE /api/tickets/{id}", "DELETE", "/api/tickets/" + OPEN_TICKET, PORTAL, Map.of(), null, Expect.status(405)),
        new Case("PATCH /api/tickets/{id}", "PATCH", "/api/tickets/" + OPEN_TICKET, PORTAL, Map.of("Content-Type", JSON_TYPE),
            utf8("{\"status\":\"CLOSED\"}"), Expect.status(405)),
        get("unknown /api path", "/api/nope", 404),
        new Case("Accept: garbage on a ticket", "GET", "/api/tickets/" + OPEN_TICKET, PORTAL, Map.of("Accept", "garbage"), null,
            Expect.status(406)),
        new Case("Accept: application/ on a ticket", "GET", "/api/tickets/" + OPEN_TICKET, PORTAL, Map.of("Accept", "application/"), null,
            Expect.status(406)),
        // Content negotiation comes first: an Accept that is no media type is refused before the id is looked at.
        new Case("Accept: garbage on an invalid request", "GET", "/api/tickets/TF-", PORTAL, Map.of("Accept", "garbage"), null,
            Expect.status(406)));
  }

  static Stream<Case> negotiationBugs() {
    return Stream.of(submit("POST a valid ticket with Accept: application/xml", utf8(ticket()))
        .header("Accept", "application/xml").expect(406).then(noTicketCreated()));
  }

  static Stream<Case> invalidTextBugs() {
    return Stream.of(
        submit("lone high surrogate \\ud800 in the subject", utf8(ticketWith("subject", "\"Recording \\ud800 broken\""))).expect(400),
        submit("lone low surrogate \\udc00 as the description", utf8(ticketWith("description", "\"\\udc00\""))).expect(400),
        submit("UTF-8 encoded surrogate (CESU-8 ED A0 80) in the subject", withSubjectBytes(0xED, 0xA0, 0x80)).expect(400),
        submit("C1 control character CSI \\u009b in the subject", utf8(ticketWith("subject", "\"\\u009b31mred\""))).expect(400),
        submit("C1 control character NEL \\u0085 in the description", utf8(ticketWith("description", "\"a\\u0085b\""))).expect(400),
        get("NUL in the queue query parameter (200 on H2; PostgreSQL's driver refuses NUL)", "/api/tickets?queue=%00", 400));
  }

  static Stream<Case> lenientJsonBugs() {
    return Stream.of(
        submit("trailing garbage after the object", utf8(ticket() + "xyz")).expect(400),
        submit("a second object after the first", utf8(ticket() + "{\"subject\":\"smuggled\"}")).expect(400),
        submit("duplicate keys (which subject is it?)", utf8(ticket().replaceFirst("\\{", "{\"subject\":\"first\","))).expect(400),
        // Jackson trims the blanks around an enum name; the value is still exactly one of the allowed names.
        submit("enum category with spaces", utf8(ticketWith("category", "\" TECHNICAL \""))).expect(201),
        submit("string subject as a number", utf8(ticketWith("subject", "42"))).expect(400),
        submit("string subject as a boolean", utf8(ticketWith("subject", "true"))).expect(400),
        submit("string accountId as a number (answers 422 Unknown account '42')", utf8(ticketWith("accountId", "42"))).expect(400),
        feedback("feedback accepted 1", "{\"accepted\":1}", 400),
        feedback("feedback accepted \"true\" (a string)", "{\"accepted\":\"true\"}", 400),
        account("account member hostKey a number",
            "{\"plan\":\"PRO\",\"members\":[{\"email\":\"a@hostile.example\",\"role\":\"OWNER\",\"hostKey\":200100}]}", 400)
            .path("/api/accounts/hostile-" + unique()));
  }

  static Stream<Case> articleUrlFindings() {
    return Stream.of(new Case("article url javascript:alert(document.cookie)", "PUT", "/api/knowledge-base/articles/zz-js-" + low(),
        ADMIN, Map.of("Content-Type", JSON_TYPE), utf8("{\"title\":\"t\",\"summary\":\"s\",\"url\":\"javascript:alert(document.cookie)\","
        + "\"categories\":[\"*\"],\"keywords\":[\"zebrafish\"]}"), Expect.status(400)));
  }

  // --- checking one case ------------------------------------------------------------------------------------------

  private void check(Case c) throws Exception {
    long ticketsBefore = tickets();
    Answer answer = send(c);
    String text = answer.text();
    String shown = text.length() > 600 ? text.substring(0, 600) + "…" : text;

    assertThat(answer.status()).as("%s: not 5xx; body %s", c.name(), shown).isLessThan(500);
    assertThat(c.expect().status().test(answer.status())).as("%s: status %s (%s); body %s", c.name(), answer.status(),
        c.expect().description(), shown).isTrue();
    if (answer.status() >= 400 && !c.expect().container()) {
      assertThat(answer.contentType()).as("%s: error as a problem; body %s", c.name(), shown).isEqualTo(PROBLEM_JSON);
      JsonNode problem = JSON.readTree(answer.body());
      assertThat(problem.path("status").asInt()).as(c.name()).isEqualTo(answer.status());
      assertThat(problem.path("title").asText()).as(c.name()).isNotBlank();
    } else if (answer.status() >= 200 && answer.status() < 300 && answer.body().length > 0) {
      assertThat(answer.contentType()).as("%s: success as JSON", c.name()).startsWith(JSON_TYPE);
    }
    for (Then then : c.then()) {
      then.check(this, answer, ticketsBefore);
    }
  }

  private Answer send(Case c) throws Exception {
    String path = resolve(c.path());
    String user = c.user();
    Map<String, String> headers = new LinkedHashMap<>();
    if (user != null) {
      headers.put("Authorization", basic(user, ADMIN.equals(user) ? "test-admin-secret" : "demo"));
    }
    headers.putAll(c.headers());
    return c.viaSocket() ? sendRaw(c.method(), path, headers, c.body()) : sendHttp(c.method(), path, headers, c.body(), c.streamed());
  }

  private Answer sendHttp(String method, String path, Map<String, String> headers, byte[] body, boolean chunked) throws Exception {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : chunked ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body))
        : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60)).method(method, publisher);
    headers.forEach(request::header);
    HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
        response.headers().map().entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT),
            e -> e.getValue().get(0), (a, b) -> a, TreeMap::new)), response.body());
  }

  /** HTTP/1.1 over a plain socket: header values go out as the bytes given (one char per byte), untrimmed. */
  private Answer sendRaw(String method, String path, Map<String, String> headers, byte[] body) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      if (body != null && !headers.containsKey("Content-Length")) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      byte[] all = socket.getInputStream().readAllBytes();
      int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      String[] lines = new String(all, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
      Map<String, String> responseHeaders = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        responseHeaders.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
      byte[] content = Arrays.copyOfRange(all, split + 4, all.length);
      if ("chunked".equalsIgnoreCase(responseHeaders.get("transfer-encoding"))) {
        content = dechunk(content);
      }
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), responseHeaders.get("content-type"), responseHeaders, content);
    }
  }

  private String resolve(String path) throws Exception {
    if (path.contains(OPEN_TICKET)) {
      path = path.replace(OPEN_TICKET, openTicket());
    }
    if (path.contains(PROPOSED_TICKET)) {
      path = path.replace(PROPOSED_TICKET, proposedTicket());
    }
    return path;
  }

  private static String openTicket;

  private synchronized String openTicket() throws Exception {
    if (openTicket == null || jdbc.queryForObject("select count(*) from tf_ticket where id = ?", Long.class, openTicket) == 0) {
      openTicket = submitValid("hostile fixture");
    }
    return openTicket;
  }

  /** A fresh ticket whose agent proposed a solution, so that feedback on it is due. */
  private String proposedTicket() throws Exception {
    String id = submitValid("hostile fixture (proposed)");
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("FirstResponse").singleResult();
    assertThat(task).as("FirstResponse task of %s", id).isNotNull();
    tasks.complete(task.getId(), Map.of("action", "PROPOSE_SOLUTION", "reply", "Restart the client."));
    return id;
  }

  private String submitValid(String subject) throws Exception {
    Answer answer = sendHttp("POST", "/api/tickets", Map.of("Authorization", basic(PORTAL, "demo"), "Content-Type", JSON_TYPE),
        utf8(ticketWith("subject", quoted(subject))), false);
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return JSON.readTree(answer.body()).get("id").asText();
  }

  private long tickets() {
    return jdbc.queryForObject("select count(*) from tf_ticket", Long.class);
  }

  // --- checks after the status ------------------------------------------------------------------------------------

  @FunctionalInterface
  interface Then {
    void check(HostileInputTest test, Answer answer, long ticketsBefore) throws Exception;
  }

  /** The 201's view and a later GET both carry exactly the text sent; it is served as JSON, never sniffed as HTML. */
  private static Then storedVerbatim(String subject, String description) {
    return (test, answer, before) -> {
      JsonNode created = JSON.readTree(answer.body());
      assertThat(created.get("subject").asText()).isEqualTo(subject);
      assertThat(created.get("description").asText()).isEqualTo(description);
      String id = created.get("id").asText();
      Answer read = test.sendHttp("GET", "/api/tickets/" + id, Map.of("Authorization", basic(PORTAL, "demo")), null, false);
      assertThat(read.status()).as(read.text()).isEqualTo(200);
      assertThat(read.contentType()).startsWith(JSON_TYPE);
      assertThat(read.headers().get("x-content-type-options")).isEqualTo("nosniff");
      JsonNode view = JSON.readTree(read.body());
      assertThat(view.get("subject").asText()).isEqualTo(subject);
      assertThat(view.get("description").asText()).isEqualTo(description);
      assertThat(test.jdbc.queryForObject("select subject from tf_ticket where id = ?", String.class, id)).isEqualTo(subject);
    };
  }

  /** The ticket table is still there and takes another ticket. */
  private static Then ticketTableStillWorks() {
    return (test, answer, before) -> {
      long now = test.tickets();
      assertThat(now).isGreaterThan(before);
      test.submitValid("after the SQL-looking ticket");
      assertThat(test.tickets()).isEqualTo(now + 1);
    };
  }

  private static Then noTicketCreated() {
    return (test, answer, before) -> assertThat(test.tickets()).as("tickets after a refused request").isEqualTo(before);
  }

  private static Then articleTitleVerbatim(String title) {
    return (test, answer, before) -> {
      String id = JSON.readTree(answer.body()).get("id").asText();
      Answer read = test.sendHttp("GET", "/api/knowledge-base/articles/" + id, Map.of("Authorization", basic(ADMIN, "test-admin-secret")),
          null, false);
      assertThat(read.status()).isEqualTo(200);
      assertThat(JSON.readTree(read.body()).get("title").asText()).isEqualTo(title);
    };
  }

  // --- building cases ---------------------------------------------------------------------------------------------

  /** What a case expects: a status (or one of some), answered by Spring as a problem or by the container. */
  record Expect(String description, IntPredicate status, boolean container) {
    static Expect status(int status) {
      return new Expect(String.valueOf(status), s -> s == status, false);
    }

    static Expect anyOf(int... statuses) {
      return new Expect("one of " + Arrays.toString(statuses), s -> Arrays.stream(statuses).anyMatch(x -> x == s), false);
    }

    Expect fromContainer() {
      return new Expect(description + ", from the container", status, true);
    }
  }

  record Case(String name, String method, String path, String user, Map<String, String> headers, byte[] body, Expect expect,
      List<Then> then, boolean viaSocket, boolean streamed) {

    Case(String name, String method, String path, String user, Map<String, String> headers, byte[] body, Expect expect) {
      this(name, method, path, user, headers, body, expect, List.of(), false, false);
    }

    Case expect(int status) {
      return new Case(name, method, path, user, headers, body, Expect.status(status), then, viaSocket, streamed);
    }

    Case fromContainer() {
      return new Case(name, method, path, user, headers, body, expect.fromContainer(), then, viaSocket, streamed);
    }

    Case header(String header, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(header, value);
      return new Case(name, method, path, user, more, body, expect, then, viaSocket, streamed);
    }

    Case expectAnyOf(int... statuses) {
      return new Case(name, method, path, user, headers, body, Expect.anyOf(statuses), then, viaSocket, streamed);
    }

    Case path(String newPath) {
      return new Case(name, method, newPath, user, headers, body, expect, then, viaSocket, streamed);
    }

    Case then(Then check) {
      List<Then> more = new ArrayList<>(then);
      more.add(check);
      return new Case(name, method, path, user, headers, body, expect, more, viaSocket, streamed);
    }

    Case raw() {
      return new Case(name, method, path, user, headers, body, expect, then, true, streamed);
    }

    Case chunked() {
      return new Case(name, method, path, user, headers, body, expect, then, viaSocket, true);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  record Answer(int status, String contentType, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** POST /api/tickets as the portal, as JSON (unless a case's headers say otherwise). */
  private static Case submit(String name, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", JSON_TYPE);
    return new Case(name, "POST", "/api/tickets", PORTAL, headers, body, Expect.status(0));
  }

  private static Case get(String name, String path, int status) {
    return new Case(name, "GET", path, PORTAL, Map.of(), null, Expect.status(status));
  }

  private static Case message(String name, String body, int status) {
    return new Case(name, "POST", "/api/tickets/" + OPEN_TICKET + "/messages", PORTAL, Map.of("Content-Type", JSON_TYPE), utf8(body),
        Expect.status(status));
  }

  private static Case feedback(String name, String body, int status) {
    return new Case(name, "POST", "/api/tickets/" + PROPOSED_TICKET + "/feedback", PORTAL, Map.of("Content-Type", JSON_TYPE), utf8(body),
        Expect.status(status));
  }

  private static Case account(String name, String body, int status) {
    return new Case(name, "PUT", "/api/accounts/hostile-account", ADMIN, Map.of("Content-Type", JSON_TYPE), utf8(body),
        Expect.status(status));
  }

  private static Case article(String name, String body, int status) {
    return new Case(name, "PUT", "/api/knowledge-base/articles/zz-hostile-" + low(), ADMIN, Map.of("Content-Type", JSON_TYPE), utf8(body),
        Expect.status(status));
  }

  private static String article(String... keywords) {
    return "{\"title\":\"Hostile\",\"summary\":\"Hostile input.\",\"url\":\"/kb/hostile\",\"categories\":[\"TECHNICAL\"],\"keywords\":["
        + Arrays.stream(keywords).map(HostileInputTest::quoted).collect(Collectors.joining(",")) + "]}";
  }

  /** A valid ticket body (the PRO account's owner on WEB), as JSON text. */
  private static String ticket() {
    return ticketWith();
  }

  /** A valid ticket body with some fields replaced (or added) by raw JSON values. */
  private static String ticketWith(String... fieldsAndRawValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("accountId", "\"acme-pro\"");
    fields.put("requesterEmail", "\"owner@acme-pro.example\"");
    fields.put("channel", "\"WEB\"");
    fields.put("category", "\"TECHNICAL\"");
    fields.put("impact", "\"FEATURE_ISSUE\"");
    fields.put("workaround", "\"NONE\"");
    fields.put("subject", "\"Recording does not start\"");
    fields.put("description", "\"The record button is greyed out in every meeting.\"");
    for (int i = 0; i < fieldsAndRawValues.length; i += 2) {
      fields.put(fieldsAndRawValues[i], fieldsAndRawValues[i + 1]);
    }
    return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
  }

  /** A valid ticket body with these raw bytes at the start of its subject. */
  private static byte[] withSubjectBytes(int... bytes) {
    byte[] raw = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      raw[i] = (byte) bytes[i];
    }
    String body = ticket();
    int at = body.indexOf("Recording");
    return concat(utf8(body.substring(0, at)), raw, utf8(body.substring(at)));
  }

  private static String members(int count) {
    return IntStream.range(0, count).mapToObj(i -> "{\"email\":\"m" + i + "@h.io\",\"role\":\"BASIC\"}")
        .collect(Collectors.joining(","));
  }

  /** A ticket body of exactly {@code bytes} bytes, padded in its description. */
  private static byte[] exactly(int bytes) {
    String empty = ticketWith("description", "\"\"");
    byte[] body = utf8(ticketWith("description", quoted("D".repeat(bytes - utf8(empty).length))));
    assertThat(body).hasSize(bytes);
    return body;
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** UTF-8 bytes as one char each, for a header sent over the raw socket. */
  private static String latin1(String text) {
    return new String(utf8(text), StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String unique() {
    return java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  private static String low() {
    return unique().toLowerCase(Locale.ROOT);
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 20) + "…(" + text.length() + " chars)" : text;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("no end of headers in " + new String(haystack, StandardCharsets.ISO_8859_1));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      int lineEnd = at;
      while (chunked[lineEnd] != '\r') {
        lineEnd++;
      }
      int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
