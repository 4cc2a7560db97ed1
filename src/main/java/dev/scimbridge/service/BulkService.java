package dev.scimbridge.service;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.scimbridge.scim.Json;
import dev.scimbridge.config.DirectoryConfig;
import dev.scimbridge.scim.ScimException;
import dev.scimbridge.scim.query.Projection;
import dev.scimbridge.store.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Bulk operations (RFC 7644 §3.7): POST, PUT, PATCH and DELETE on Users and Groups in one request, in
 * order, with {@code bulkId} references ({@code "bulkId:<id>"} anywhere in {@code data} or in the
 * path) resolved to the ids created earlier in the request, and {@code failOnErrors} honoured. Each
 * operation is atomic on its own; the request as a whole is not (the RFC does not ask for it).
 */
@ApplicationScoped
public class BulkService {
    public static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    public static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    private static final Logger LOG = Logger.getLogger(BulkService.class.getName());

    @Inject
    UserService users;

    @Inject
    GroupService groups;

    @Inject
    DirectoryConfig config;

    public JsonObject execute(JsonObject request, String baseUrl) {
        if (!(request.get("schemas") instanceof JsonArray schemas) || schemas.stream()
                .noneMatch(s -> s instanceof JsonString str && str.getString().equalsIgnoreCase(BULK_REQUEST))) {
            throw ScimException.invalidValue("A bulk request lists " + BULK_REQUEST + " in \"schemas\".");
        }
        if (!(request.get("Operations") instanceof JsonArray operations)) {
            throw ScimException.invalidSyntax("A bulk request needs an \"Operations\" array.");
        }
        if (operations.size() > config.bulkMaxOperations()) {
            throw ScimException.payloadTooLarge("A bulk request may carry at most " + config.bulkMaxOperations() + " operations.");
        }
        int failOnErrors = request.get("failOnErrors") instanceof JsonNumber n ? n.intValue() : Integer.MAX_VALUE;
        Map<String, String> bulkIds = new HashMap<>();
        JsonArrayBuilder results = Json.createArrayBuilder();
        int errors = 0;
        int done = 0;
        for (JsonValue value : operations) {
            if (errors >= failOnErrors) {
                break;
            }
            JsonObject op = value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            JsonObjectBuilder result = Json.createObjectBuilder();
            String method = op.getString("method", "").toUpperCase(Locale.ROOT);
            result.add("method", method);
            String bulkId = op.get("bulkId") instanceof JsonString s ? s.getString() : null;
            if (bulkId != null) {
                result.add("bulkId", bulkId);
            }
            try {
                Outcome outcome = run(method, op, bulkId, bulkIds, baseUrl);
                outcome.location().ifPresent(l -> result.add("location", l));
                outcome.version().ifPresent(v -> result.add("version", v));
                result.add("status", Integer.toString(outcome.status()));
            } catch (ScimException e) {
                errors++;
                failed(result, e.status(), e.scimType() == null ? null : e.scimType().value(), e.detail());
            } catch (StoreUnavailableException e) {
                if (done == 0) {
                    throw e; // nothing done yet: the whole request gets 503 with Retry-After
                }
                // Those before it are done, so the answer says which; the rest would each wait for Redis in vain.
                LOG.warning("Directory store unavailable during a Bulk request after " + done + " operation(s): "
                        + (e.getCause() == null ? "-" : e.getCause().getClass().getSimpleName()));
                failed(result, 503, null, "The directory store is unavailable: this operation may not have been done, the following ones were not. Retry them later.");
                results.add(result);
                break;
            } catch (RuntimeException e) {
                errors++;
                String correlationId = UUID.randomUUID().toString();
                LOG.log(Level.WARNING, "Unexpected error in a Bulk operation, correlation id " + correlationId, e);
                failed(result, 500, null, "The bridge could not complete this operation (correlation id " + correlationId + ").");
            }
            results.add(result);
            done++;
        }
        return Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(BULK_RESPONSE))
                .add("Operations", results)
                .build();
    }

    /** An operation's failure in the Bulk response (RFC 7644 §3.7.3): its status and a SCIM error. */
    private static void failed(JsonObjectBuilder result, int status, String scimType, String detail) {
        result.add("status", Integer.toString(status));
        JsonObjectBuilder error = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add("urn:ietf:params:scim:api:messages:2.0:Error"))
                .add("status", Integer.toString(status));
        if (scimType != null) {
            error.add("scimType", scimType);
        }
        error.add("detail", detail);
        result.add("response", error);
    }

    private record Outcome(int status, java.util.Optional<String> location, java.util.Optional<String> version) {
    }

    private Outcome run(String method, JsonObject op, String bulkId, Map<String, String> bulkIds, String baseUrl) {
        String path = resolve(op.getString("path", ""), bulkIds);
        String[] parts = path.replaceFirst("^/", "").split("/");
        if (parts.length == 0 || parts.length > 2 || parts[0].isEmpty()) {
            throw ScimException.invalidPath("Bulk paths are /Users, /Groups, /Users/{id} or /Groups/{id}.");
        }
        boolean isUser = parts[0].equals("Users");
        if (!isUser && !parts[0].equals("Groups")) {
            throw ScimException.invalidPath("Bulk supports /Users and /Groups, not " + parts[0] + ".");
        }
        String id = parts.length == 2 ? parts[1] : null;
        JsonObject data = op.get("data") instanceof JsonObject d ? (JsonObject) resolve(d, bulkIds) : null;
        String ifMatch = op.get("version") instanceof JsonString v ? v.getString() : null;
        switch (method) {
            case "POST" -> {
                if (id != null || data == null || bulkId == null) {
                    throw ScimException.invalidValue("A bulk POST needs a collection path, \"data\" and a \"bulkId\".");
                }
                Versioned created = isUser ? users.create(data, baseUrl) : groups.create(data, baseUrl);
                String newId = created.resource().getString("id");
                bulkIds.put(bulkId, newId);
                return new Outcome(201, java.util.Optional.of(created.resource().getJsonObject("meta").getString("location")),
                        java.util.Optional.of(created.etag()));
            }
            case "PUT", "PATCH" -> {
                if (id == null || data == null) {
                    throw ScimException.invalidValue("A bulk " + method + " needs a resource path and \"data\".");
                }
                Versioned v;
                if (method.equals("PUT")) {
                    v = isUser ? users.replace(id, data, ifMatch, baseUrl) : groups.replace(id, data, ifMatch, baseUrl);
                } else {
                    v = isUser ? users.patch(id, data, ifMatch, baseUrl) : groups.patch(id, data, ifMatch, baseUrl, Projection.of(null, "members"));
                }
                return new Outcome(200, java.util.Optional.of(v.resource().getJsonObject("meta").getString("location")),
                        java.util.Optional.of(v.etag()));
            }
            case "DELETE" -> {
                if (id == null) {
                    throw ScimException.invalidValue("A bulk DELETE needs a resource path.");
                }
                if (isUser) {
                    users.delete(id, ifMatch);
                } else {
                    groups.delete(id, ifMatch);
                }
                return new Outcome(204, java.util.Optional.empty(), java.util.Optional.empty());
            }
            default -> throw ScimException.invalidValue("Bulk methods are POST, PUT, PATCH and DELETE.");
        }
    }

    private static String resolve(String text, Map<String, String> bulkIds) {
        int at = text.indexOf("bulkId:");
        if (at < 0) {
            return text;
        }
        String ref = text.substring(at + 7).split("/")[0];
        String id = bulkIds.get(ref);
        if (id == null) {
            throw ScimException.invalidValue("bulkId " + ref + " does not name a resource created earlier in this request.");
        }
        return text.replace("bulkId:" + ref, id);
    }

    private static JsonValue resolve(JsonValue value, Map<String, String> bulkIds) {
        if (value instanceof JsonString s) {
            return s.getString().startsWith("bulkId:") ? Json.createValue(resolve(s.getString(), bulkIds)) : s;
        }
        if (value instanceof JsonObject o) {
            JsonObjectBuilder out = Json.createObjectBuilder();
            o.forEach((k, v) -> out.add(k, resolve(v, bulkIds)));
            return out.build();
        }
        if (value instanceof JsonArray a) {
            JsonArrayBuilder out = Json.createArrayBuilder();
            a.forEach(v -> out.add(resolve(v, bulkIds)));
            return out.build();
        }
        return value;
    }
}
