package ticketflow.sla;

import static ticketflow.process.EngineAccess.asSystem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ticketflow.process.ModelContract.Decision;
import ticketflow.process.ModelContract.LadderColumns;
import ticketflow.ticket.Priority;

/** The designers' escalation-ladder table (bpmn/escalation-ladder.dmn), latest deployed version. */
@Component
class EscalationLadder {

  private final EscalationLadderPolicy policy = new EscalationLadderPolicy();
  private final DecisionService decisions;

  EscalationLadder(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** The commitment's steps for a ticket of this priority; updates have none (an overdue update is its own event). */
  List<LadderRung> rungs(Commitment commitment, Priority priority, boolean afterHours) {
    if (commitment == Commitment.UPDATE || priority == null) {
      return List.of();
    }
    // A ticket's timers ask the same ladder several times in one transaction (each timer, each move): once is enough.
    return inThisTransaction().computeIfAbsent(List.of(commitment, priority, afterHours),
        key -> evaluate(commitment, priority, afterHours));
  }

  private List<LadderRung> evaluate(Commitment commitment, Priority priority, boolean afterHours) {
    List<Map<String, Object>> rows = asSystem(() -> decisions.evaluateDecisionByKey(Decision.ESCALATION_LADDER.id())
        .variables(Map.of(LadderColumns.COMMITMENT, commitment.name(), LadderColumns.PRIORITY, priority.name(),
            LadderColumns.AFTER_HOURS, afterHours))
        .evaluate().getResultList());
    return policy.merge(rows.stream().map(r -> new EscalationLadderPolicy.Row((String) r.get(LadderColumns.STEP),
        number(r.get(LadderColumns.PERCENT)), (String) r.get(LadderColumns.STATE), number(r.get(LadderColumns.LEVEL)),
        (String) r.get(LadderColumns.OFFER_TO), (String) r.get(LadderColumns.MAIL_TO))).toList());
  }

  Optional<LadderRung> rung(Commitment commitment, Priority priority, boolean afterHours, String step) {
    return rungs(commitment, priority, afterHours).stream().filter(r -> r.step().equals(step)).findFirst();
  }

  @SuppressWarnings("unchecked")
  private Map<List<Object>, List<LadderRung>> inThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashMap<>();
    }
    Map<List<Object>, List<LadderRung>> cache = (Map<List<Object>, List<LadderRung>>) TransactionSynchronizationManager.getResource(this);
    if (cache == null) {
      Map<List<Object>, List<LadderRung>> created = new HashMap<>();
      TransactionSynchronizationManager.bindResource(this, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(EscalationLadder.this);
        }
      });
      cache = created;
    }
    return cache;
  }

  private static Integer number(Object value) {
    return value instanceof Number n ? n.intValue() : null;
  }
}
