package ticketflow.report;

import java.util.Arrays;
import java.util.Locale;
import ticketflow.report.SlaFigures.QueueFigures;
import ticketflow.report.SlaFigures.TrendDay;

/**
 * The report's two tables for spreadsheets (RFC 4180, CRLF): per queue, a blank line, then per day. Rates are fractions
 * with four decimals (empty when there is nothing to rate), so a spreadsheet formats them as it likes.
 */
final class SlaCsv {

  static final String MEDIA_TYPE = "text/csv";

  private SlaCsv() {
  }

  static String of(SlaFigures figures) {
    StringBuilder csv = new StringBuilder();
    line(csv, "queue", "open", "atRisk", "breached", "firstResponseRate", "resolutionRate", "satisfaction");
    for (QueueFigures q : figures.byQueue()) {
      line(csv, q.queue(), q.open(), q.atRisk(), q.breached(), q.firstResponseRate(), q.resolutionRate(), q.satisfaction());
    }
    csv.append("\r\n");
    line(csv, "date", "opened", "closed", "breached", "firstResponseRate");
    for (TrendDay d : figures.trend()) {
      line(csv, d.date(), d.opened(), d.closed(), d.breached(), d.firstResponseRate());
    }
    return csv.toString();
  }

  private static void line(StringBuilder csv, Object... values) {
    csv.append(String.join(",", Arrays.stream(values).map(SlaCsv::field).toList())).append("\r\n");
  }

  /** Quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused against spreadsheet formulas. */
  static String field(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, "%.4f", d);
    }
    String text = value.toString();
    if (!(value instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
