package ticketflow.process;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Holds a ticket-lifecycle model, its forms and its decision tables against the {@link ModelContract}: each problem
 * names the element (or form, or decision) and what the code needs of it. Designers may rename and rearrange
 * everything the contract does not name.
 */
public final class ModelContractCheck {

  /**
   * What the code needs, as names: {@link #CURRENT} is {@link ModelContract}'s. Per task key its form; per form the
   * variables completing its task may set (the form's editable fields must be among them) and those it may show. Per
   * decision the variables its inputs may read, where the code restricts them (none listed: any).
   */
  public record Terms(String process, Map<String, String> formOfTask, Set<String> beans, Set<String> variables,
      Map<String, List<String>> decisionOutputs, Set<String> messages, Map<String, List<String>> completionOfForm,
      Map<String, List<String>> displayOfForm, Map<String, List<String>> decisionInputs) {

    /** Terms whose decisions read what {@link ModelContract.Decision} gives them. */
    public Terms(String process, Map<String, String> formOfTask, Set<String> beans, Set<String> variables,
        Map<String, List<String>> decisionOutputs, Set<String> messages, Map<String, List<String>> completionOfForm,
        Map<String, List<String>> displayOfForm) {
      this(process, formOfTask, beans, variables, decisionOutputs, messages, completionOfForm, displayOfForm,
          Arrays.stream(ModelContract.Decision.values())
              .collect(Collectors.toUnmodifiableMap(ModelContract.Decision::id, ModelContract.Decision::inputs)));
    }
  }

  public static final Terms CURRENT = new Terms(ModelContract.PROCESS,
      Arrays.stream(ModelContract.AgentTask.values())
          .collect(Collectors.toUnmodifiableMap(ModelContract.AgentTask::key, ModelContract.AgentTask::formId)),
      ModelContract.Beans.ALL, ModelContract.VARIABLES,
      Arrays.stream(ModelContract.Decision.values())
          .collect(Collectors.toUnmodifiableMap(ModelContract.Decision::id, ModelContract.Decision::outputs)),
      ModelContract.Messages.ALL,
      Arrays.stream(ModelContract.AgentTask.values())
          .collect(Collectors.toUnmodifiableMap(ModelContract.AgentTask::formId, ModelContract.AgentTask::completionVariables)),
      Arrays.stream(ModelContract.AgentTask.values())
          .collect(Collectors.toUnmodifiableMap(ModelContract.AgentTask::formId, ModelContract.AgentTask::displayVariables)));

  /** {@code ${name}} and {@code #{name}}: what an expression refers to. */
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.'\"])([A-Za-z_]\\w*)(?![\\w'\"]*['\"])");
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final Set<String> EL_WORDS = Set.of("null", "true", "false", "empty", "not", "and", "or", "eq", "ne", "lt",
      "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task", "dateTime");

  private ModelContractCheck() {
  }

  /** Every way the model, forms and tables break the contract; empty when they keep it. */
  public static List<String> problems(Terms terms, BpmnModelInstance model, Collection<ModelForm> forms,
      Collection<DmnModelInstance> tables) {
    List<String> problems = new ArrayList<>();
    Process process = model.getModelElementById(terms.process());
    if (!(process instanceof Process)) {
      problems.add("Process '" + terms.process() + "' is missing: tickets are started by that key.");
      return problems;
    }
    Set<String> formIds = forms.stream().map(ModelForm::id).collect(Collectors.toSet());
    terms.formOfTask().forEach((key, formId) -> {
      ModelElementInstance element = model.getModelElementById(key);
      if (!(element instanceof UserTask task)) {
        problems.add("User task '" + key + "' is missing: agents' work is recorded and checked by that task key.");
      } else if (!formId.equals(task.getCamundaFormRef())) {
        problems.add("User task '" + key + "' shows form '" + task.getCamundaFormRef() + "', not '" + formId + "'.");
      }
    });
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() != null && !formIds.contains(task.getCamundaFormRef())) {
        problems.add("User task '" + task.getId() + "' shows form '" + task.getCamundaFormRef() + "', which is not among the forms.");
      }
    }
    Set<String> known = new HashSet<>(terms.variables());
    model.getModelElementsByType(BusinessRuleTask.class).stream().map(BusinessRuleTask::getCamundaResultVariable)
        .filter(Objects::nonNull).forEach(known::add);
    checkExpressions(terms, Bpmn.convertToString(model), known, problems);
    Set<String> messages = model.getModelElementsByType(Message.class).stream().map(Message::getName).collect(Collectors.toSet());
    terms.messages().stream().filter(m -> !messages.contains(m)).sorted()
        .forEach(m -> problems.add("Message '" + m + "' is missing: the customer's answers are delivered by that name."));
    for (ModelForm form : forms) {
      form.fields().stream().filter(f -> !known.contains(f)).forEach(f -> problems.add(
          "Form '" + form.id() + "' has field '" + f + "', which is no variable of the lifecycle."));
    }
    checkTaskForms(terms, forms, problems);
    DecisionsCheck.check(terms, tables, problems);
    return problems;
  }

  /**
   * Every expression in the model (conditions, timers, candidate groups, due dates, delegate expressions of tasks
   * and listeners): a delegate expression must name a bean of the contract, anything else only known variables.
   */
  private static void checkExpressions(Terms terms, String xml, Set<String> known, List<String> problems) {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      problems.add("The model cannot be read: " + e.getMessage());
      return;
    }
    walk(root, null, terms, known, problems);
  }

  private static void walk(Element element, String owner, Terms terms, Set<String> known, List<String> problems) {
    String id = element.getAttribute("id");
    String here = id.isEmpty() || !BPMN_NS.equals(element.getNamespaceURI()) ? owner : describe(element, id);
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      check(attribute.getNodeValue(), "delegateExpression".equals(attribute.getLocalName()), here, terms, known, problems);
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element nested) {
        walk(nested, here, terms, known, problems);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        check(child.getNodeValue(), false, here, terms, known, problems);
      }
    }
  }

  private static void check(String text, boolean delegate, String where, Terms terms, Set<String> known, List<String> problems) {
    Matcher expression = EXPRESSION.matcher(text == null ? "" : text);
    while (expression.find()) {
      Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''"));
      while (identifier.find()) {
        String word = identifier.group(1);
        if (EL_WORDS.contains(word) || terms.beans().contains(word)) {
          continue;
        }
        if (delegate) {
          problems.add(where + " calls bean '" + word + "', which ticketflow does not provide.");
        } else if (!known.contains(word)) {
          problems.add(where + " reads variable '" + word + "', which ticketflow does not set.");
        }
      }
    }
  }

  private static String describe(Element element, String id) {
    String name = element.getAttribute("name");
    return element.getLocalName() + " '" + id + "'" + (name.isEmpty() ? "" : " (" + name.replace('\n', ' ') + ")");
  }

  /**
   * A completion carries only what its task declares, and Tasklist submits every field of the form, shown ones too: an
   * editable field the task does not accept, or a shown one it does not declare, would make every completion refused.
   */
  private static void checkTaskForms(Terms terms, Collection<ModelForm> forms, List<String> problems) {
    terms.formOfTask().forEach((key, formId) -> forms.stream().filter(f -> formId.equals(f.id())).forEach(form -> {
      List<String> answers = terms.completionOfForm().getOrDefault(formId, List.of());
      List<String> shown = terms.displayOfForm().getOrDefault(formId, List.of());
      form.editableFields().stream().filter(f -> !answers.contains(f)).forEach(f -> problems.add("Form '" + formId
          + "' lets agents edit '" + f + "', which completing '" + key + "' does not accept: make the field readonly, or"
          + " declare it among the task's completion variables (ModelContract.AgentTask)."));
      form.displayFields().stream().filter(f -> !shown.contains(f) && !answers.contains(f)).forEach(f -> problems.add("Form '"
          + formId + "' shows '" + f + "', which '" + key + "' does not declare as shown: Tasklist sends shown fields back on"
          + " completion; declare it among the task's display variables (ModelContract.AgentTask), or remove the field."));
    }));
  }
}
