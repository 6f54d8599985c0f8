package ticketflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Camunda form as the model contract sees it: its id, the keys of its fields, however deeply nested, and of those the
 * display fields, which agents read but cannot edit ({@code readonly} or {@code disabled} set to {@code true}; a
 * condition such as {@code "=…"} may make a field editable, so it counts as editable).
 */
public record ModelForm(String id, Set<String> fields, Set<String> displayFields) {

  public static ModelForm read(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    Set<String> fields = new LinkedHashSet<>();
    Set<String> display = new LinkedHashSet<>();
    collectKeys(root, fields, display);
    return new ModelForm(root.path("id").asText(null), fields, display);
  }

  /** The fields an agent can change, whose values a completion carries as its answer. */
  public Set<String> editableFields() {
    Set<String> editable = new LinkedHashSet<>(fields);
    editable.removeAll(displayFields);
    return editable;
  }

  private static void collectKeys(JsonNode node, Set<String> fields, Set<String> display) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        fields.add(component.get("key").asText());
        if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
          display.add(component.get("key").asText());
        }
      }
      collectKeys(component, fields, display);
    }
  }
}
