package dev.tessera.platform.rest.internal;

import java.io.IOException;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.support.Changes;

/**
 * JSON for Tessera's application: decimals exact and never in exponent form, unknown fields refused (request
 * bodies are explicit allow-lists), no quiet conversion between text, numbers and booleans, dates as ISO-8601
 * strings, record types as their names.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsName(JsonProvider.NAME)
public final class JsonProvider extends JacksonJsonProvider {
    static final String NAME = "tessera.json";

    public JsonProvider() {
        super(mapper());
    }

    /**
     * JSON, and a request that names no content type at all (the JAX-RS runtime calls that
     * application/octet-stream): a POST whose body is optional ({@code .../won}, {@code .../qualify}) can be sent
     * without a body and without a header, and reads as no body; anything else in it must still be JSON.
     */
    @Override
    protected boolean hasMatchingMediaType(MediaType mediaType) {
        return mediaType == null || mediaType.isWildcardType() || MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(
                mediaType) || super.hasMatchingMediaType(mediaType);
    }

    /**
     * Text as sent, but never with a control character that disguises it (a right-to-left override, say): such a
     * value is refused with its field, whichever endpoint it is sent to.
     */
    static final class VisibleText extends StdScalarDeserializer<String> {
        VisibleText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            java.util.Optional<String> hidden = Changes.invisible(text);
            if (hidden.isPresent()) {
                throw JsonMappingException.from(parser, INVISIBLE + hidden.get() + ", which could make it display as"
                        + " something else; remove it");
            }
            return text;
        }
    }

    static final String INVISIBLE = "contains the invisible control character ";

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("tessera").addSerializer(RecordType.class, new ToStringSerializer())
                        .addDeserializer(String.class, new VisibleText()));
        // a record's JSON is its components: helpers such as Money.isZero() are not fields a client could send back
        mapper.setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
        // a number or a boolean where text is expected is a client's mistake, not something to convert quietly
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // amounts may come as decimal strings ("250.00"), the way that keeps every digit in any client
        mapper.coercionConfigFor(java.math.BigDecimal.class).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        return mapper;
    }
}
