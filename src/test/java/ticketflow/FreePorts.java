package ticketflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free TCP port for a server that binds it later (a node JVM seconds after its start, a mail server restarted after
 * an outage). Taken below the ephemeral range (32768 and up on Linux, 49152 and up elsewhere): there, no outgoing
 * connection and no port-0 server of the tests running beside it can take it in the meantime.
 */
public final class FreePorts {

  private static final int FROM = 20_000;
  private static final int TO = 32_000;

  private FreePorts() {
  }

  public static int belowEphemeralRange() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FROM, TO);
      try (ServerSocket probe = new ServerSocket(port)) {
        return port;
      } catch (IOException taken) {
        // another one
      }
    }
    throw new UncheckedIOException(new IOException("No free port between " + FROM + " and " + TO));
  }
}
