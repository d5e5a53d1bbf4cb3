package dev.tessera.platform.rest.internal;

import java.lang.reflect.RecordComponent;
import java.time.Period;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

import dev.tessera.platform.api.RecordType;

/**
 * How Tessera's records become schemas, for the OpenAPI document and the event catalogue alike: named after their
 * module ({@code dev.tessera.erp.ledger.api.Account} is {@code erp.ledger.Account}, so two modules' records never
 * share a name), described as the JSON REST writes them (Tessera's own mapper: no helper getters, currencies and
 * record types as text), and with what may be missing said: a record's primitive components are always there
 * (required), its other components may be null (nullable).
 */
final class Schemas {
    private static final String REF = "#/components/schemas/";
    private static final String ANY_VALUE = "Any JSON value";

    private Schemas() {
    }

    /** A converter chain with Tessera's names and conventions in front of swagger's resolver. */
    static ModelConverters converters() {
        ModelConverters converters = new ModelConverters();
        converters.addConverter(new ModelResolver(JsonProvider.mapper(), new ModuleNames()));
        converters.addConverter(new Conventions());
        return converters;
    }

    /** Adds Tessera's converters in front of a chain; returns them, to be removed again. */
    static List<ModelConverter> install(ModelConverters chain) {
        ModelConverter resolver = new ModelResolver(JsonProvider.mapper(), new ModuleNames());
        ModelConverter conventions = new Conventions();
        chain.addConverter(resolver);
        chain.addConverter(conventions);
        return List.of(conventions, resolver);
    }

    /**
     * Takes the type off the schemas of {@code Object} values, which swagger's resolver types as objects after the
     * converters ran: without a type a schema admits any JSON value, which is what an event payload's values are.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void untypeAnyValues(Map<String, Schema> schemas) {
        Deque<Schema> todo = new ArrayDeque<>(schemas.values());
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (!seen.add(schema)) {
                continue;
            }
            if (ANY_VALUE.equals(schema.getDescription())) {
                schema.setType(null);
            }
            if (schema.getProperties() != null) {
                todo.addAll(((Map<String, Schema>) schema.getProperties()).values());
            }
            if (schema.getAdditionalProperties() instanceof Schema more) {
                todo.add(more);
            }
            if (schema.getItems() != null) {
                todo.add(schema.getItems());
            }
            for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (parts != null) {
                    todo.addAll(parts);
                }
            }
        }
    }

    /** A standalone JSON Schema (draft 4, with OpenAPI's {@code nullable}) of one payload record. */
    static ObjectNode standalone(Class<?> type) {
        ResolvedSchema resolved = converters().readAllAsResolvedSchema(new AnnotatedType(type).resolveAsRef(false));
        Map<String, Schema> all = new HashMap<>(resolved.referencedSchemas);
        all.put("", resolved.schema);
        untypeAnyValues(all);
        ObjectNode document = Json.mapper().createObjectNode().put("$schema", "http://json-schema.org/draft-04/schema#");
        document.setAll((ObjectNode) Json.mapper().valueToTree(resolved.schema));
        ObjectNode definitions = document.putObject("definitions");
        for (Map.Entry<String, Schema> schema : resolved.referencedSchemas.entrySet()) {
            definitions.set(schema.getKey(), Json.mapper().valueToTree(schema.getValue()));
        }
        try {
            String text = Json.mapper().writeValueAsString(document).replace("\"" + REF, "\"#/definitions/");
            return (ObjectNode) Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The schema of " + type.getName() + " cannot be written", e);
        }
    }

    /** Schema names from the module's package: {@code erp.ledger.Account}, {@code erp.sales.event.InvoiceDetails.TaxShare}. */
    static final class ModuleNames extends TypeNameResolver {
        /** The schema name of a type. */
        String nameOf(Class<?> type) {
            return getNameOfClass(type);
        }

        @Override
        protected String getNameOfClass(Class<?> type) {
            String pkg = type.getPackageName();
            String local = type.getName().substring(pkg.isEmpty() ? 0 : pkg.length() + 1).replace('$', '.');
            if (!pkg.startsWith("dev.tessera.")) {
                return super.getNameOfClass(type);
            }
            String module = pkg.substring("dev.tessera.".length()).replace(".api", "").replace(".internal", "");
            return module.isEmpty() ? local : module + "." + local;
        }
    }

    /** Tessera's wire conventions, ahead of swagger's resolver. */
    static final class Conventions implements ModelConverter {
        @Override
        public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            JavaType javaType = TypeFactory.defaultInstance().constructType(type.getType());
            Class<?> raw = javaType.getRawClass();
            if (raw == Currency.class) {
                return new StringSchema().pattern("^[A-Z]{3}$").description("ISO 4217 currency code, e.g. EUR");
            }
            if (raw == Period.class) {
                return new StringSchema().description("ISO 8601 period, e.g. P30D").example("P30D");
            }
            if (raw == Object.class) {
                // an event's payload values and a change's old and new values: any JSON value, not only objects
                return new Schema<>().description(ANY_VALUE);
            }
            if (raw == RecordType.class) {
                return new StringSchema().pattern("^[a-z][a-z0-9]*(-[a-z0-9]+)*$").description("A record type");
            }
            Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            if (schema != null && raw.isRecord()) {
                Schema<?> model = schema.get$ref() == null ? schema
                        : context.getDefinedModels().get(schema.get$ref().substring(REF.length()));
                if (model != null && model.getProperties() != null) {
                    describe(raw, model);
                }
            }
            return schema;
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        private static void describe(Class<?> record, Schema<?> model) {
            for (RecordComponent component : record.getRecordComponents()) {
                Map<String, Schema> properties = (Map) model.getProperties();
                Schema<?> property = properties.get(component.getName());
                if (property == null) {
                    continue;
                }
                if (component.getType().isPrimitive()) {
                    if (model.getRequired() == null || !model.getRequired().contains(component.getName())) {
                        model.addRequiredItem(component.getName());
                    }
                } else if (property.get$ref() != null) {
                    // OpenAPI 3.0 ignores what stands beside a $ref: a nullable reference is an allOf of it
                    properties.put(component.getName(), new ComposedSchema().addAllOfItem(new Schema<>()
                            .$ref(property.get$ref())).nullable(true));
                } else {
                    property.setNullable(true);
                }
            }
        }
    }
}
