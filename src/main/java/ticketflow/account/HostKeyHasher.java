package ticketflow.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Salted, slow hashes of host keys, so the directory never holds a usable key. */
public final class HostKeyHasher {

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int ITERATIONS = 60_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  public String hash(String hostKey) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return "pbkdf2$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(hostKey, salt, ITERATIONS));
  }

  public boolean matches(String hostKey, String stored) {
    if (hostKey == null || stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2")) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(hostKey, salt, Integer.parseInt(parts[1])));
  }

  private static byte[] derive(String hostKey, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(hostKey.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().withoutPadding().encodeToString(bytes);
  }
}
