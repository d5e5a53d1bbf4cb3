package dev.tessera.platform.core.internal.event;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tessera.platform.api.event.FieldChange;

/** Event payloads and changes as JSON, with exact decimals: a BigDecimal goes in and the same BigDecimal comes out. */
final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private EventJson() {
    }

    static String payload(Map<String, Object> payload) {
        return write(payload);
    }

    static String changes(Map<String, FieldChange> changes) {
        Map<String, Object> plain = new LinkedHashMap<>();
        changes.forEach((field, change) -> {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("old", change.oldValue());
            pair.put("new", change.newValue());
            plain.put(field, pair);
        });
        return write(plain);
    }

    static Map<String, Object> readPayload(String json) {
        return json == null || json.isEmpty() ? Map.of() : read(json);
    }

    @SuppressWarnings("unchecked")
    static Map<String, FieldChange> readChanges(String json) {
        Map<String, FieldChange> result = new LinkedHashMap<>();
        if (json == null || json.isEmpty()) {
            return result;
        }
        read(json).forEach((field, pair) -> {
            Map<String, Object> values = (Map<String, Object>) pair;
            result.put(field, new FieldChange(values.get("old"), values.get("new")));
        });
        return result;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Event content cannot be written as JSON: " + e.getMessage()
                    + "; use strings, numbers, booleans, lists and maps only", e);
        }
    }

    private static Map<String, Object> read(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (IOException e) {
            throw new IllegalStateException("Stored event content is not valid JSON: " + e.getMessage(), e);
        }
    }
}
