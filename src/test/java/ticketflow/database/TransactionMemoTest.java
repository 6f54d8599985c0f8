package ticketflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A memo lives exactly as long as the transaction that filled it. */
class TransactionMemoTest {

  private final Object owner = new Object();

  @AfterEach
  void leaveTheTransaction() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.clearSynchronization();
    }
    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
  }

  @Test
  void withinATransactionTheOwnerFindsWhatItRememberedUntilTheTransactionEnds() {
    TransactionSynchronizationManager.initSynchronization();
    TransactionMemo.<String, String>of(owner).put("TF-1001", "read once");

    assertThat(TransactionMemo.<String, String>of(owner)).containsEntry("TF-1001", "read once");
    assertThat(TransactionMemo.<String, String>of(new Object())).as("another owner's memo").isEmpty();

    TransactionSynchronizationManager.getSynchronizations()
        .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationManager.initSynchronization();
    assertThat(TransactionMemo.<String, String>of(owner)).as("the next transaction's memo").isEmpty();
  }

  @Test
  void outsideATransactionNothingIsRemembered() {
    Map<String, String> memo = TransactionMemo.of(owner);
    memo.put("TF-1001", "read once");

    assertThat(TransactionMemo.<String, String>of(owner)).isEmpty();
  }
}
