package ticketflow.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import ticketflow.process.ModelCheck;
import ticketflow.process.ModelContract;
import ticketflow.process.ModelContractCheck;
import ticketflow.process.ModelForm;

/**
 * Runs before Camunda's own deployers on every new deployment: one that brings the ticket-lifecycle model, a table
 * with one of its decisions or a form its tasks show is checked, with the parts it does not bring as deployed before,
 * and refused with a {@link ParseException} when it breaks the contract. The exception rolls the deployment back
 * (nothing stored, the previous versions stay latest); engine REST answers it with 400 and the message, and at
 * start-up it stops the node with it.
 */
final class ModelContractDeployer implements Deployer {

  /** Camunda's formRefBinding that finds the form only in the model's own deployment. */
  private static final String SAME_DEPLOYMENT = "deployment";

  private final DecisionTableCheck decisions;
  private final Supplier<List<ModelCheck>> modelChecks;

  ModelContractDeployer(DecisionTableCheck decisions, Supplier<List<ModelCheck>> modelChecks) {
    this.decisions = decisions;
    this.modelChecks = modelChecks;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    // Not new: an old deployment loaded into the cache, kept whatever today's rules say.
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    IncomingParts incoming = IncomingParts.of(deployment.getResources().values());
    if (incoming.isEmpty()) {
      return;
    }
    List<String> problems = problems(incoming, new DeployedParts(Context.getCommandContext()));
    if (!problems.isEmpty()) {
      throw refusal(incoming.mainResource(), problems);
    }
  }

  private List<String> problems(IncomingParts incoming, DeployedParts deployed) {
    List<String> problems = new ArrayList<>();
    BpmnModelInstance model = incoming.model() != null ? incoming.model() : deployed.model().orElse(null);
    boolean concernsModel = model != null
        && (incoming.model() != null || !incoming.tables().isEmpty() || showsAny(model, incoming.forms()));
    if (concernsModel) {
      problems.addAll(ModelContractCheck.problems(ModelContractCheck.CURRENT, model, forms(model, incoming, deployed),
          tables(incoming, deployed)));
    }
    if (incoming.model() != null) {
      modelChecks.get().forEach(check -> problems.addAll(check.problems(incoming.model())));
    }
    incoming.tables().forEach(table ->
        problems.addAll(decisions.problems(Context.getProcessEngineConfiguration().getDmnEngine(), table)));
    return problems;
  }

  /**
   * The forms the model's tasks will find, as Camunda looks them up: a task bound by deployment (as ticketflow's are)
   * only in its model's deployment, so a model deployed without its forms would show agents none; any other binding
   * (latest, or a version, taken here as latest) the deployed one. Forms brought now are checked in any case.
   */
  private static List<ModelForm> forms(BpmnModelInstance model, IncomingParts incoming, DeployedParts deployed) {
    List<ModelForm> forms = new ArrayList<>(incoming.forms());
    Set<String> brought = incoming.forms().stream().map(ModelForm::id).collect(Collectors.toSet());
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String key = task.getCamundaFormRef();
      if (key == null || brought.contains(key)) {
        continue;
      }
      if (!SAME_DEPLOYMENT.equals(task.getCamundaFormRefBinding())) {
        deployed.latestForm(key).ifPresent(forms::add);
      } else if (incoming.model() == null) {
        deployed.formBesideModel(key).ifPresent(forms::add);
      }
    }
    return forms;
  }

  /** The deployed table of each decision the deployment does not bring, then those it brings. */
  private static List<DmnModelInstance> tables(IncomingParts incoming, DeployedParts deployed) {
    List<DmnModelInstance> tables = new ArrayList<>();
    for (ModelContract.Decision decision : ModelContract.Decision.values()) {
      if (!incoming.bringsDecision(decision.id())) {
        deployed.latestTable(decision.id()).ifPresent(tables::add);
      }
    }
    tables.addAll(incoming.tables());
    return tables;
  }

  private static boolean showsAny(BpmnModelInstance model, Collection<ModelForm> forms) {
    Set<String> ids = forms.stream().map(ModelForm::id).collect(Collectors.toSet());
    return model.getModelElementsByType(UserTask.class).stream().anyMatch(t -> ids.contains(t.getCamundaFormRef()));
  }

  /** What Camunda Modeler and engine REST clients show: every problem in the message, and each as a parse error. */
  private static ParseException refusal(String resource, List<String> problems) {
    String message = "ticketflow refused this deployment: nothing of it was deployed, and new tickets keep the versions "
        + "deployed before. It breaks what ticketflow needs of the ticket lifecycle:"
        + problems.stream().map(p -> "\n- " + p).collect(Collectors.joining());
    List<Problem> errors = problems.stream().<Problem>map(ContractProblem::new).toList();
    return new ParseException(message, resource, errors, List.of());
  }

  private record ContractProblem(String message) implements Problem {

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return null;
    }

    @Override
    public List<String> getElementIds() {
      return List.of();
    }
  }
}
