package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The OpenAPI document tells the truth: on the distribution with every module and the demo company, every GET it
 * describes is called, and each answer is validated against the schema the document gives for its status (a JSON
 * Schema validator, OpenAPI's nullable read as "or null"): 2xx bodies against the operation's response, refusals
 * against the problem document. Schema names are unique per module, required query parameters are marked, and every
 * operation names its real statuses.
 */
public class ApiDocumentIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Installation tessera;

    @After
    public void stop() throws Exception {
        if (tessera != null && tessera.running()) {
            tessera.stop();
        }
    }

    @Test
    public void everyGetAnswersWhatTheOpenApiDocumentSays() throws Exception {
        tessera = Installation.unpack("api-document");
        tessera.start();
        tessera.awaitReady(Duration.ofSeconds(240), "/platform/modules");
        HttpResponse<String> demo = tessera.send(tessera.request("/platform/profiles/demo/demo")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(demo.body(), 200, demo.statusCode());
        tessera.awaitReady(Duration.ofSeconds(240), "/ledger/accounts", "/inventory/items", "/pipeline/accounts",
                "/sales/customers");

        HttpResponse<String> published = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + tessera.httpPort() + "/api/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, published.statusCode());
        JsonNode document = JSON.readTree(published.body());
        JsonNode schemas = document.path("components").path("schemas");

        // one name per module's record, the wire's shapes
        assertTrue("the pipeline's and the ledger's accounts are two schemas",
                schemas.has("crm.pipeline.Account") && schemas.has("erp.ledger.Account") && !schemas.has("Account"));
        assertEquals("#/components/schemas/crm.pipeline.Account", document.at("/paths/~1pipeline~1accounts~1{id}/get"
                + "/responses/200/content/application~1json/schema/$ref").asText());
        schemas.forEach(schema -> schema.path("properties").fields().forEachRemaining(p -> {
            if (p.getKey().equals("currency") && p.getValue().has("type")) {
                assertEquals("a currency is an ISO code on the wire: " + p, "string", p.getValue().path("type").asText());
            }
            assertFalse("no helper getter leaks into a schema: " + p.getKey(), p.getKey().equals("zero"));
        }));

        // required query parameters are marked
        for (String[] required : new String[][] {{"/pipeline/contacts", "accountId"}, {"/sales/payments", "accountId"},
                {"/inventory/prices", "sku"}, {"/ledger/accounts/{code}/ledger", "from"},
                {"/ledger/profit-and-loss", "from"}, {"/ledger/profit-and-loss", "to"}}) {
            JsonNode parameters = document.path("paths").path(required[0]).path("get").path("parameters");
            boolean marked = false;
            for (JsonNode parameter : parameters) {
                marked |= parameter.path("name").asText().equals(required[1]) && parameter.path("required").asBoolean();
            }
            assertTrue(required[0] + "?" + required[1] + " is documented as required: " + parameters, marked);
        }

        JsonSchemaFactory factory = validators();
        ObjectNode components = (ObjectNode) nullableAsNull(document.path("components").deepCopy());
        List<String> wrong = new ArrayList<>();
        int validated = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> {
                JsonNode responses = operation.getValue().path("responses");
                if (responses.has("default")) {
                    wrong.add(operation.getKey().toUpperCase() + " " + path.getKey() + " documents only a default answer");
                }
                boolean success = false;
                for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                    success |= codes.next().startsWith("2");
                }
                if (!success) {
                    wrong.add(operation.getKey().toUpperCase() + " " + path.getKey() + " documents no success");
                }
            });
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode() || path.getKey().equals("/openapi.json")) {
                continue;
            }
            String url = fill(path.getKey(), get.path("parameters"));
            HttpResponse<String> answer = tessera.get(url);
            String status = Integer.toString(answer.statusCode());
            JsonNode documented = get.path("responses").path(status);
            if (documented.isMissingNode()) {
                wrong.add("GET " + url + " answered " + status + ", which the document does not name: " + answer.body());
                continue;
            }
            JsonNode content = documented.path("content");
            String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
            JsonNode schema = content.path(type).path("schema");
            if (schema.isMissingNode()) {
                wrong.add("GET " + url + " answered " + status + " as " + type + ", which the document does not describe");
                continue;
            }
            ObjectNode root = (ObjectNode) nullableAsNull(schema.deepCopy());
            root.set("components", components);
            Set<ValidationMessage> errors = factory.getSchema(root).validate(JSON.readTree(answer.body()));
            if (!errors.isEmpty()) {
                wrong.add("GET " + url + " (" + status + ") does not match its schema: "
                        + errors.stream().limit(8).map(ValidationMessage::getMessage).toList() + " in "
                        + abbreviate(answer.body()));
            }
            validated++;
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
        assertTrue("the GETs of every module were checked: " + validated, validated > 40);
    }

    /** A URL for a documented GET: path parameters and required query parameters filled from the demo company. */
    private static String fill(String template, JsonNode parameters) {
        LocalDate today = LocalDate.now();
        Map<String, String> values = Map.ofEntries(Map.entry("code", "1100"), Map.entry("sku", "MUG-1"),
                Map.entry("id", "1"), Map.entry("accountId", "1"), Map.entry("year", Integer.toString(today.getYear())),
                Map.entry("period", today.withDayOfMonth(1).toString().substring(0, 7)), Map.entry("currency", "EUR"),
                Map.entry("from", today.withDayOfYear(1).toString()), Map.entry("to", today.toString()),
                Map.entry("asOf", today.toString()), Map.entry("name", "demo"), Map.entry("delivery", "1"),
                Map.entry("priceList", "RETAIL"), Map.entry("warehouse", "DEMO"));
        String url = template;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            String value = values.getOrDefault(name, "1");
            if (parameter.path("in").asText().equals("path")) {
                url = url.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if (parameter.path("required").asBoolean()) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.isEmpty() ? url : url + "?" + String.join("&", query);
    }

    /** JSON Schema draft 4, which OpenAPI 3.0's schemas are a dialect of; OpenAPI's own keywords are not checks. */
    private static JsonSchemaFactory validators() {
        JsonMetaSchema openApi = JsonMetaSchema.builder("https://spec.openapis.org/oas/3.0/schema", JsonMetaSchema.getV4())
                .addKeywords(List.of(new NonValidationKeyword("components"), new NonValidationKeyword("example"),
                        new NonValidationKeyword("discriminator"), new NonValidationKeyword("readOnly"),
                        new NonValidationKeyword("writeOnly"), new NonValidationKeyword("deprecated"),
                        new NonValidationKeyword("xml"), new NonValidationKeyword("externalDocs")))
                .build();
        return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
                .addMetaSchema(openApi).defaultMetaSchemaURI(openApi.getUri()).build();
    }

    /** OpenAPI 3.0's {@code nullable: true} as JSON Schema says it: the schema, or null. */
    static JsonNode nullableAsNull(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(nullableAsNull(element)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(field -> copy.set(field.getKey(), nullableAsNull(field.getValue())));
        if (copy.path("nullable").asBoolean(false)) {
            copy.remove("nullable");
            ObjectNode either = JsonNodeFactory.instance.objectNode();
            either.putArray("anyOf").add(JsonNodeFactory.instance.objectNode().put("type", "null")).add(copy);
            return either;
        }
        copy.remove("nullable");
        return copy;
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "..." : body;
    }
}
