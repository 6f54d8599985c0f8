package ticketflow.lifecycle;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import ticketflow.process.ModelContract;

/** A handle on an ended process instance, for bpm-assert's history-based assertions. */
record EndedInstance(String getId, String getBusinessKey) implements ProcessInstance {

  @Override
  public String getProcessDefinitionId() {
    return null;
  }

  @Override
  public String getProcessDefinitionKey() {
    return ModelContract.PROCESS;
  }

  @Override
  public String getCaseInstanceId() {
    return null;
  }

  @Override
  public boolean isSuspended() {
    return false;
  }

  @Override
  public String getRootProcessInstanceId() {
    return getId;
  }

  @Override
  public String getProcessInstanceId() {
    return getId;
  }

  @Override
  public boolean isEnded() {
    return true;
  }

  @Override
  public String getTenantId() {
    return null;
  }
}
