package dev.scimbridge.session;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

/**
 * Reads and writes the scimsession JSON ({@link ScimSession}) with JSON-P: Liberty's jsonp-2.1 in the
 * bridge, Parsson in the setup jar.
 *
 * <p>Reading is strict: every field must be present with its type, binary fields must be base64url
 * (padding tolerated), and the version must be {@value ScimSession#VERSION} (with {@code verifier.check})
 * or {@value ScimSession#VERSION_WITHOUT_CHECK} (without it). Errors name the field, never its value.
 */
public final class ScimSessionJson {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ScimSessionJson() {
    }

    /** The JSON text of {@code session}, pretty-printed, ending with a newline. */
    public static String write(ScimSession session) {
        JsonObjectBuilder verifier = Json.createObjectBuilder()
                .add("kdf", session.verifier().kdf())
                .add("iterations", session.verifier().iterations())
                .add("salt", B64.encodeToString(session.verifier().salt()))
                .add("hash", B64.encodeToString(session.verifier().hash()));
        byte[] check = session.verifier().check();
        if (check != null) {
            verifier.add("check", B64.encodeToString(check));
        }
        JsonObject json = Json.createObjectBuilder()
                .add("version", session.version())
                .add("account", Json.createObjectBuilder()
                        .add("id", session.account().id())
                        .add("name", session.account().name()))
                .add("manager", Json.createObjectBuilder()
                        .add("id", session.manager().id())
                        .add("email", session.manager().email()))
                .add("verifier", verifier)
                .add("encCredentials", Json.createObjectBuilder()
                        .add("alg", session.encCredentials().alg())
                        .add("iv", B64.encodeToString(session.encCredentials().iv()))
                        .add("data", B64.encodeToString(session.encCredentials().data())))
                .build();
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString().strip() + "\n";
    }

    /** Parses UTF-8 bytes of a scimsession. */
    public static ScimSession read(byte[] utf8) throws ScimSessionFormatException {
        return read(new String(utf8, StandardCharsets.UTF_8));
    }

    /** Parses the text of a scimsession. */
    public static ScimSession read(String text) throws ScimSessionFormatException {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed("the scimsession is not a JSON object");
            }
            root = value.asJsonObject();
        } catch (JsonException e) {
            // Parsson's message can quote the offending text; do not pass it on.
            throw malformed("the scimsession is not valid JSON");
        }
        JsonValue versionValue = root.get("version");
        if (!(versionValue instanceof JsonNumber versionNumber) || !versionNumber.isIntegral()) {
            throw malformed("the scimsession has no numeric \"version\"");
        }
        int version = versionNumber.intValue();
        if (version != ScimSession.VERSION && version != ScimSession.VERSION_WITHOUT_CHECK) {
            throw new ScimSessionFormatException("the scimsession has format version " + version
                    + "; this bridge reads versions " + ScimSession.VERSION_WITHOUT_CHECK + " and " + ScimSession.VERSION, true);
        }
        JsonObject account = object(root, "account");
        JsonObject manager = object(root, "manager");
        JsonObject verifier = object(root, "verifier");
        JsonObject enc = object(root, "encCredentials");
        JsonValue iterations = verifier.get("iterations");
        if (!(iterations instanceof JsonNumber n) || !n.isIntegral()) {
            throw malformed("verifier.iterations must be an integer");
        }
        long iter = n.longValue();
        if (iter < SessionCrypto.MIN_ITERATIONS || iter > SessionCrypto.MAX_ITERATIONS) {
            throw malformed("verifier.iterations must be between " + SessionCrypto.MIN_ITERATIONS + " and " + SessionCrypto.MAX_ITERATIONS);
        }
        byte[] check = null;
        if (version == ScimSession.VERSION) {
            check = bytes(verifier, "verifier", "check");
            if (check.length != SessionCrypto.CHECK_BYTES) {
                throw malformed("verifier.check must be " + SessionCrypto.CHECK_BYTES + " bytes");
            }
        } else if (verifier.containsKey("check")) {
            throw malformed("verifier.check is not part of format version " + version);
        }
        return new ScimSession(version,
                new ScimSession.Account(nonEmpty(account, "account", "id"), string(account, "account", "name")),
                new ScimSession.Manager(nonEmpty(manager, "manager", "id"), nonEmpty(manager, "manager", "email")),
                new ScimSession.Verifier(nonEmpty(verifier, "verifier", "kdf"), (int) iter,
                        bytes(verifier, "verifier", "salt"), bytes(verifier, "verifier", "hash"), check),
                new ScimSession.EncryptedCredentials(nonEmpty(enc, "encCredentials", "alg"),
                        bytes(enc, "encCredentials", "iv"), bytes(enc, "encCredentials", "data")));
    }

    private static JsonObject object(JsonObject parent, String name) throws ScimSessionFormatException {
        JsonValue v = parent.get(name);
        if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed("the scimsession has no \"" + name + "\" object");
        }
        return v.asJsonObject();
    }

    private static String string(JsonObject o, String parent, String name) throws ScimSessionFormatException {
        JsonValue v = o.get(name);
        if (!(v instanceof JsonString s)) {
            throw malformed(parent + "." + name + " must be a string");
        }
        return s.getString();
    }

    private static String nonEmpty(JsonObject o, String parent, String name) throws ScimSessionFormatException {
        String s = string(o, parent, name);
        if (s.isBlank()) {
            throw malformed(parent + "." + name + " must not be empty");
        }
        return s;
    }

    private static byte[] bytes(JsonObject o, String parent, String name) throws ScimSessionFormatException {
        String s = nonEmpty(o, parent, name);
        try {
            String unpadded = s.endsWith("==") ? s.substring(0, s.length() - 2) : s.endsWith("=") ? s.substring(0, s.length() - 1) : s;
            return Base64.getUrlDecoder().decode(unpadded);
        } catch (IllegalArgumentException e) {
            throw malformed(parent + "." + name + " is not base64url");
        }
    }

    private static ScimSessionFormatException malformed(String message) {
        return new ScimSessionFormatException(message, false);
    }
}
