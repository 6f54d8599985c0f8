package ticketflow.database;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a repository read or wrote in the current transaction, so that asking again costs no query: intake asks for a
 * ticket's clocks and account several times within one transaction (timers, due dates, forms). Kept per owner (any
 * object of the caller's own, used as the key) and forgotten when the transaction ends; outside a transaction every
 * call gets a fresh map, so nothing is remembered. The owner writes through it, so it never holds a stale value of its
 * own rows.
 */
public final class TransactionMemo {

  private TransactionMemo() {
  }

  @SuppressWarnings("unchecked")
  public static <K, V> Map<K, V> of(Object owner) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashMap<>();
    }
    Map<K, V> memo = (Map<K, V>) TransactionSynchronizationManager.getResource(owner);
    if (memo == null) {
      memo = new HashMap<>();
      TransactionSynchronizationManager.bindResource(owner, memo);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(owner);
        }
      });
    }
    return memo;
  }
}
