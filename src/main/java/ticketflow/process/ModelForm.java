package ticketflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Camunda form as the model contract sees it: its id, the variables its fields bind (a key, or a path's first name),
 * however deeply nested, and of those the display fields, which agents read but cannot edit ({@code readonly} or
 * {@code disabled} set to {@code true}; a condition such as {@code "=…"} may make a field editable, so it counts as
 * editable).
 */
public record ModelForm(String id, Set<String> fields, Set<String> displayFields) {

  public static ModelForm read(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    Set<String> fields = new LinkedHashSet<>();
    Set<String> display = new LinkedHashSet<>();
    Set<String> editable = new LinkedHashSet<>();
    collectKeys(root, fields, display, editable);
    // A variable some field lets agents edit is an answer, however many of its other fields are readonly.
    display.removeAll(editable);
    return new ModelForm(root.path("id").asText(null), fields, display);
  }

  /** The fields an agent can change, whose values a completion carries as its answer. */
  public Set<String> editableFields() {
    Set<String> editable = new LinkedHashSet<>(fields);
    editable.removeAll(displayFields);
    return editable;
  }

  /** The variable a field key binds: a path ({@code ticket.subject}) binds its first name, a JSON object variable. */
  static String variable(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }

  private static void collectKeys(JsonNode node, Set<String> fields, Set<String> display, Set<String> editable) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        String variable = variable(component.get("key").asText());
        fields.add(variable);
        if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
          display.add(variable);
        } else {
          editable.add(variable);
        }
      }
      collectKeys(component, fields, display, editable);
    }
  }
}
