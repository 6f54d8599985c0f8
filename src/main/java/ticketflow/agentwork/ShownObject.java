package ticketflow.agentwork;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import ticketflow.process.ProcessVariables;

/**
 * A JSON object variable a form shows field by field ({@link ProcessVariables#TICKET}), sent back on completion: Tasklist
 * submits the object with the fields the form binds (readonly ones too), not the ones it only reads (the canned-reply
 * choices). It is unchanged when every field it carries has the value the task holds, text compared as the browser
 * keeps it.
 */
final class ShownObject {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ShownObject() {
  }

  /** The changed fields as {@code ticket.subject}; the variable's name alone when the value is no object at all. */
  static List<String> changedFields(Object given, Object current) {
    String name = ProcessVariables.TICKET;
    if (given == null || given.toString().isBlank()) {
      return List.of();
    }
    JsonNode sent = tree(given);
    if (sent == null || !sent.isObject()) {
      return List.of(name);
    }
    JsonNode held = tree(current);
    List<String> changed = new ArrayList<>();
    sent.fields().forEachRemaining(field -> {
      JsonNode was = held == null ? null : held.get(field.getKey());
      if (!same(field.getValue(), was)) {
        changed.add(name + "." + field.getKey());
      }
    });
    return changed;
  }

  private static boolean same(JsonNode sent, JsonNode held) {
    if (isEmpty(sent) || isEmpty(held) || sent.isValueNode() && held.isValueNode()) {
      return TaskVariablesPolicy.same(text(sent), text(held));
    }
    return sent.equals(held);
  }

  private static boolean isEmpty(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private static String text(JsonNode node) {
    return isEmpty(node) ? null : node.asText();
  }

  /** The value as a JSON tree: serialized text (engine REST, Tasklist), a JSON value or the deserialized object (Java API). */
  private static JsonNode tree(Object value) {
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
        return JSON.valueToTree(value);
      }
      // Serialized text, or a JSON value (Spin's node) whose text is its JSON.
      return JSON.readTree(value.toString());
    } catch (JsonProcessingException | IllegalArgumentException notJson) {
      return null;
    }
  }
}
