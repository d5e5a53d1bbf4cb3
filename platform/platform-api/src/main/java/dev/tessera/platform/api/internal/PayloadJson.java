package dev.tessera.platform.api.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.tessera.platform.api.RecordType;

/**
 * Event payloads between their records and the JSON-compatible maps an event carries: decimals stay exact
 * {@code BigDecimal}s, dates and times ISO-8601 text, enums their names, absent values left out. Reading is
 * tolerant: fields a reader does not know are ignored and decimals may come as text, so that newer publishers and
 * stored history stay readable.
 */
public final class PayloadJson {
    private static final ObjectMapper MAPPER = mapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private PayloadJson() {
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("tessera-events").addSerializer(RecordType.class, new ToStringSerializer()));
        // a record's JSON is its components: helpers such as Money.isZero() are no fields
        mapper.setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
        return mapper;
    }

    /** A payload record as the map an event carries. */
    public static Map<String, Object> toMap(Record payload) {
        return MAPPER.convertValue(payload, MAP);
    }

    /** An event's payload map as a record; {@link IllegalArgumentException} when it does not fit. */
    public static <P> P fromMap(Map<String, Object> payload, Class<P> type) {
        return MAPPER.convertValue(payload, type);
    }
}
