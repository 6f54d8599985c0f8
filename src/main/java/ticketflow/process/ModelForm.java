package ticketflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/** A Camunda form as the model contract sees it: its id and the keys of its fields, however deeply nested. */
public record ModelForm(String id, Set<String> fields) {

  public static ModelForm read(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    Set<String> fields = new LinkedHashSet<>();
    collectKeys(root, fields);
    return new ModelForm(root.path("id").asText(null), fields);
  }

  private static void collectKeys(JsonNode node, Set<String> fields) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        fields.add(component.get("key").asText());
      }
      collectKeys(component, fields);
    }
  }
}
