package ticketflow.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * API text never carries control characters other than tab and line breaks: NUL cannot be stored in PostgreSQL
 * and the others only hide things from the people reading a ticket.
 */
class TextDeserializer extends StringDeserializer {

  static final String MESSAGE = "must be text without control characters";

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String value = super.deserialize(p, ctxt);
    if (value != null && !acceptable(value)) {
      throw InvalidFormatException.from(p, MESSAGE, value, String.class);
    }
    return value;
  }

  /** No C0/C1 controls but tab and line breaks, and no half of a surrogate pair (not Unicode text). */
  static boolean acceptable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @Configuration
  static class Registration {
    @Bean
    SimpleModule textModule() {
      return new SimpleModule("ticketflow-text").addDeserializer(String.class, new TextDeserializer());
    }

    /** JSON types as documented: 42 is not a subject, "true" and 1 are not true. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictScalars() {
      return builder -> builder.postConfigurer(mapper -> {
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
            CoercionInputShape.Boolean}) {
          mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
      });
    }
  }
}
