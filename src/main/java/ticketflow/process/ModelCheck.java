package ticketflow.process;

import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A further rule a ticket-lifecycle model must keep to be deployed, beside {@link ModelContractCheck}: the extension
 * point for rules another package owns, such as which commitment and step each SLA timer declares. Every Spring bean
 * implementing it is asked about each deployment that brings the model (at start-up, over engine REST from Camunda
 * Modeler or Cockpit); any problem refuses the deployment together with the contract's own problems, and the engine
 * keeps the versions it had.
 *
 * <p>It runs while the engine deploys, also while the engine is being built at start-up: an implementation must not
 * depend on engine services (RuntimeService, RepositoryService, …), only on the model it is given.
 */
public interface ModelCheck {

  /**
   * Each way the model breaks the rule, as a sentence naming the element and what is wrong (for instance
   * "timer 'FirstResponseAtRiskTimer' declares commitment 'FIRST_REPLY', which ticketflow does not keep."); empty
   * when the model keeps it.
   */
  List<String> problems(BpmnModelInstance model);
}
