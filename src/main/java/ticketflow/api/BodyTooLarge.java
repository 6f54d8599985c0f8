package ticketflow.api;

import java.io.IOException;

/** Thrown while reading an /api body that grows past the limit (a chunked body has no length to check first). */
public final class BodyTooLarge extends IOException {

  private final long limit;

  public BodyTooLarge(long limit) {
    super("The request body is larger than " + limit + " bytes.");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }

  public static boolean isCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLarge) {
        return true;
      }
    }
    return false;
  }
}
