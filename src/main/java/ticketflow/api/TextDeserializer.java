package ticketflow.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * API text never carries control characters other than tab and line breaks: NUL cannot be stored in PostgreSQL
 * and the others only hide things from the people reading a ticket.
 */
class TextDeserializer extends StringDeserializer {

  static final String MESSAGE = "must not contain control characters";

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String value = super.deserialize(p, ctxt);
    if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)) {
      throw InvalidFormatException.from(p, MESSAGE, value, String.class);
    }
    return value;
  }

  @Configuration
  static class Registration {
    @Bean
    SimpleModule textModule() {
      return new SimpleModule("ticketflow-text").addDeserializer(String.class, new TextDeserializer());
    }
  }
}
