package ticketflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import ticketflow.process.ModelContractCheck.Terms;

/**
 * The names the code shares with bpmn/ and forms/ agree on both sides: the shipped files keep the contract, and a
 * name changed on one side only is reported with the element that no longer matches. No Spring, no engine.
 */
class ModelContractTest {

  private static final Path MODEL = Path.of("bpmn", "ticket-lifecycle.bpmn");

  @Test
  void theShippedModelFormsAndTablesKeepTheContract() throws IOException {
    assertThat(problems(ModelContractCheck.CURRENT, model -> model, form -> form)).isEmpty();
  }

  @Test
  void aDesignerWhoRenamesTheFirstResponseTaskIsToldItsKeyIsMissing() throws IOException {
    assertThat(problems(ModelContractCheck.CURRENT, model -> model.replace("\"FirstResponse\"", "\"FirstReply\""), form -> form))
        .anySatisfy(p -> assertThat(p).contains("User task 'FirstResponse' is missing"));
  }

  @Test
  void aModelThatReadsAVariableTheCodeDoesNotSetNamesTheElementAndTheVariable() throws IOException {
    assertThat(problems(ModelContractCheck.CURRENT, model -> model.replace("${offeredTo}", "${offeredGroups}"), form -> form))
        .containsExactly("userTask 'FirstResponse' (First response) reads variable 'offeredGroups', which ticketflow does not set.");
  }

  @Test
  void aModelThatCallsABeanTheCodeDoesNotProvideNamesTheElementAndTheBean() throws IOException {
    assertThat(problems(ModelContractCheck.CURRENT, model -> model.replace("${openTicket}", "${openTheTicket}"), form -> form))
        .containsExactly("serviceTask 'OpenTicket' (Open ticket) calls bean 'openTheTicket', which ticketflow does not provide.");
  }

  @Test
  void aRenamedFormIdLeavesItsTaskWithoutAForm() throws IOException {
    assertThat(problems(ModelContractCheck.CURRENT, model -> model,
        form -> form.replace("\"FirstResponseForm\"", "\"FirstReplyForm\"")))
        .containsExactly("User task 'FirstResponse' shows form 'FirstResponseForm', which is not among the forms.");
  }

  @Test
  void aFormFieldThatIsNoVariableIsNamedWithItsForm() throws IOException {
    assertThat(problems(ModelContractCheck.CURRENT, model -> model,
        form -> form.replace("\"key\": \"priorityReason\"", "\"key\": \"reasonForPriority\"")))
        .contains("Form 'FirstResponseForm' has field 'reasonForPriority', which is no variable of the lifecycle.");
  }

  @Test
  void eachFormShowsForReadingWhatItsTaskDoesNotTakeAsAnAnswer() throws IOException {
    List<ModelForm> forms = forms(f -> f);
    for (ModelContract.AgentTask task : ModelContract.AgentTask.values()) {
      ModelForm form = forms.stream().filter(f -> f.id().equals(task.formId())).findFirst().orElseThrow();
      assertThat(form.editableFields()).as(task.formId()).containsExactlyInAnyOrderElementsOf(
          task.completionVariables().stream().filter(form.fields()::contains).toList());
      assertThat(form.displayFields()).as(task.formId()).isSubsetOf(task.displayVariables()).contains("ticketId", "priority");
    }
  }

  @Test
  void aFormFieldMadeEditableThatTheTaskDoesNotTakeIsNamed() throws IOException {
    // The priority field loses its "readonly": agents could type a priority, which no completion takes.
    assertThat(problems(ModelContractCheck.CURRENT, model -> model,
        form -> form.replaceAll("(\"key\": \"priority\",[^}]*?),\\s*\"readonly\": true", "$1")))
        .contains("Form 'FirstResponseForm' lets agents edit 'priority', which completing 'FirstResponse' does not accept: make"
            + " the field readonly, or declare it among the task's completion variables (ModelContract.AgentTask).");
  }

  @Test
  void aShownFieldTheTaskDoesNotDeclareIsNamed() throws IOException {
    assertThat(problems(ModelContractCheck.CURRENT, model -> model, form -> form.replace("\"key\": \"channel\"", "\"key\": \"queue\"")))
        .contains("Form 'InvestigateIssueForm' shows 'queue', which 'InvestigateIssue' does not declare as shown: Tasklist sends"
            + " shown fields back on completion; declare it among the task's display variables (ModelContract.AgentTask), or"
            + " remove the field.");
  }

  @Test
  void aTaskKeyRenamedInTheCodeOnlyIsReported() throws IOException {
    Map<String, String> tasks = new HashMap<>(ModelContractCheck.CURRENT.formOfTask());
    tasks.put("WorkOnTicket", tasks.remove("WorkTicket"));
    assertThat(problems(with(tasks, ModelContractCheck.CURRENT.beans(), ModelContractCheck.CURRENT.variables()), m -> m, f -> f))
        .containsExactly("User task 'WorkOnTicket' is missing: agents' work is recorded and checked by that task key.");
  }

  @Test
  void aBeanRenamedInTheCodeOnlyIsReportedWhereTheModelCallsIt() throws IOException {
    Set<String> beans = new HashSet<>(ModelContractCheck.CURRENT.beans());
    beans.remove("closeTicket");
    beans.add("ticketCloser");
    assertThat(problems(with(ModelContractCheck.CURRENT.formOfTask(), beans, ModelContractCheck.CURRENT.variables()), m -> m, f -> f))
        .hasSize(3).allSatisfy(p -> assertThat(p).startsWith("endEvent").endsWith("calls bean 'closeTicket', which ticketflow does not provide."));
  }

  @Test
  void aVariableRenamedInTheCodeOnlyIsReportedWhereTheModelAndFormsReadIt() throws IOException {
    Set<String> variables = new HashSet<>(ModelContractCheck.CURRENT.variables());
    variables.remove("offeredTo");
    assertThat(problems(with(ModelContractCheck.CURRENT.formOfTask(), ModelContractCheck.CURRENT.beans(), variables), m -> m, f -> f))
        .contains("userTask 'FirstResponse' (First response) reads variable 'offeredTo', which ticketflow does not set.");
  }

  @Test
  void aCommitmentsTableWithoutTheCalendarColumnIsNamed() throws IOException {
    String table = Files.readString(Path.of("bpmn", "commitments.dmn")).replace("name=\"calendar\"", "name=\"calendarName\"");
    List<DmnModelInstance> tables = tables();
    tables.removeIf(t -> t.getModelElementById("commitments") != null);
    tables.add(Dmn.readModelFromStream(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))));
    assertThat(ModelContractCheck.problems(ModelContractCheck.CURRENT, Bpmn.readModelFromFile(MODEL.toFile()), forms(f -> f), tables))
        .containsExactly("Decision 'commitments' has no output column 'calendar': ticketflow reads it.");
  }

  @Test
  void aCommitmentsInputTheCodeDoesNotGiveIsNamed() throws IOException {
    String table = Files.readString(Path.of("bpmn", "commitments.dmn")).replace("<text>queue</text>", "<text>category</text>");
    List<DmnModelInstance> tables = tables();
    tables.removeIf(t -> t.getModelElementById("commitments") != null);
    tables.add(Dmn.readModelFromStream(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))));
    assertThat(ModelContractCheck.problems(ModelContractCheck.CURRENT, Bpmn.readModelFromFile(MODEL.toFile()), forms(f -> f), tables))
        .containsExactly("Decision 'commitments' input 'Queue' reads 'category', which ticketflow does not give it: it gives"
            + " priority, plan, queue, channel.");
  }

  @Test
  void theModelGivesTheCommitmentsTableTheVariablesTheContractDeclares() {
    assertThat(ModelContract.Decision.COMMITMENTS.inputs()).containsExactly("priority", "plan", "queue", "channel")
        .allSatisfy(input -> assertThat(ModelContract.VARIABLES).contains(input));
  }

  @Test
  void everyBeanOfTheContractIsASpringComponentOfThatName() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Set<String> named = new HashSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("ticketflow")) {
      try {
        Component component = Class.forName(candidate.getBeanClassName()).getAnnotation(Component.class);
        if (component != null && !component.value().isEmpty()) {
          named.add(component.value());
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    assertThat(named).containsAll(ModelContract.Beans.ALL);
  }

  private static Terms with(Map<String, String> tasks, Set<String> beans, Set<String> variables) {
    Terms current = ModelContractCheck.CURRENT;
    return new Terms(current.process(), tasks, beans, variables, current.decisionOutputs(), current.messages(),
        current.completionOfForm(), current.displayOfForm());
  }

  private static List<String> problems(Terms terms, UnaryOperator<String> editModel, UnaryOperator<String> editForms)
      throws IOException {
    String model = editModel.apply(Files.readString(MODEL));
    return ModelContractCheck.problems(terms,
        Bpmn.readModelFromStream(new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8))), forms(editForms), tables());
  }

  private static List<ModelForm> forms(UnaryOperator<String> edit) throws IOException {
    List<ModelForm> forms = new ArrayList<>();
    try (var files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        forms.add(ModelForm.read(new ByteArrayInputStream(edit.apply(Files.readString(file)).getBytes(StandardCharsets.UTF_8))));
      }
    }
    return forms;
  }

  private static List<DmnModelInstance> tables() throws IOException {
    List<DmnModelInstance> tables = new ArrayList<>();
    try (var files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        tables.add(Dmn.readModelFromFile(file.toFile()));
      }
    }
    return tables;
  }
}
