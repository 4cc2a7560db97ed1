package dev.scimbridge.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The stack's floor under the bridge's three ratio targets (docs/benchmarks.md, round 19): what a SCIM
 * filter, GET by id and create cannot do without on this stack, and nothing more. A JAX-RS resource on the
 * same Liberty, asked with the bridge's own paths under {@code /calibration/floor} (so GET by id pays
 * RESTEasy's match of a path parameter and Liberty's uncached URI as the bridge does), making one
 * {@code EVALSHA} of the bridge's own Lua script on keys of the bridge's layout (user-read.lua on the bridge's
 * account for the reads, user-create.lua on an account of its own for a create), and answering with a body of
 * about the bridge's size written by JSON-P. It leaves out all of the bridge's own work: the bearer token,
 * CDI, sealing and opening the record, the blind indexes (the filter probes a plain index that
 * src/bench/stack-floor.sh fills), the schema's checks, the filter's parse, the projection, the timestamps'
 * formatting. Deployed only by src/bench/stack-floor.sh, in the calibration WAR, whose scripts it copies in.
 */
@Path("floor/scim/v2/Users")
public class StackFloor {
    /** The plain userName index that src/bench/stack-floor.sh fills: lower(userName) → id. */
    static final String FLOOR_INDEX = "calibration:floor:userName";
    private static final String CREATE_PREFIX = "scim:{calibration-floor}:";
    private static final String SCIM_JSON = "application/scim+json";
    /** What sealing adds to a record: a format byte, a 12-byte IV and a 16-byte tag (RecordCodec). */
    private static final int SEAL_OVERHEAD = 29;
    private static final String BASE = "http://127.0.0.1:3002/scim/v2/Users/";

    private final UnifiedJedis redis;
    private final JsonProvider json = JsonProvider.provider();
    private final byte[] readSha;
    private final byte[] createSha;
    private final byte[] prefix;

    StackFloor(UnifiedJedis redis) {
        this.redis = redis;
        readSha = b(redis.scriptLoad(script("group-records.lua") + "\n" + script("user-read.lua")));
        createSha = b(redis.scriptLoad(script("user-create.lua")));
        prefix = b(accountPrefix(redis));
    }

    @GET
    @Path("{id}")
    @Produces(SCIM_JSON)
    public byte[] get(@PathParam("id") String id) {
        List<byte[]> users = read(List.of(b("id"), b(id)), List.of());
        if (users == null) {
            throw new NotFoundException();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = json.createGenerator(out)) {
            user(g.writeStartObject(), users);
        }
        return out.toByteArray();
    }

    @GET
    @Produces(SCIM_JSON)
    public byte[] filter(@QueryParam("filter") String filter) {
        int from = filter.indexOf('"') + 1;
        String userName = filter.substring(from, filter.indexOf('"', from)).toLowerCase(Locale.ROOT);
        List<byte[]> users = read(List.of(b("hget"), b(userName)), List.of(b(FLOOR_INDEX)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject().writeStartArray("schemas").write("urn:ietf:params:scim:api:messages:2.0:ListResponse")
                    .writeEnd().write("totalResults", users == null ? 0 : 1).write("startIndex", 1)
                    .write("itemsPerPage", users == null ? 0 : 1).writeStartArray("Resources");
            if (users != null) {
                user(g.writeStartObject(), users);
            }
            g.writeEnd().writeEnd();
        }
        return out.toByteArray();
    }

    @POST
    public Response create(byte[] body) {
        JsonObject user = json.createReader(new ByteArrayInputStream(body)).readObject();
        String id = UUID.randomUUID().toString();
        String userName = user.getString("userName").toLowerCase(Locale.ROOT);
        String externalId = user.getString("externalId", "");
        List<String> emails = new ArrayList<>();
        for (JsonValue email : user.getJsonArray("emails")) {
            emails.add(((JsonObject) email).getString("value").toLowerCase(Locale.ROOT));
        }
        List<byte[]> keys = new ArrayList<>(List.of(b(CREATE_PREFIX + "user:" + id), b(CREATE_PREFIX + "users"),
                b(CREATE_PREFIX + "idx:user:userName"), b(CREATE_PREFIX + "seq"), b(CREATE_PREFIX + "events"),
                b(CREATE_PREFIX + "invited"), b(CREATE_PREFIX + "idx:user:externalId:" + externalId)));
        emails.forEach(email -> keys.add(b(CREATE_PREFIX + "idx:user:email:" + email)));
        String now = Long.toString(System.currentTimeMillis());
        Object reply = redis.evalsha(createSha, keys, List.of(b(id), body, b(userName), b(externalId),
                b(String.join(" ", emails)), b(now), b("100000"), b("user.created"), b("1"), b("0")));
        if (!"OK".equals(new String((byte[]) reply, StandardCharsets.UTF_8))) {
            return Response.status(409).build();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject().write("id", id);
            for (Map.Entry<String, JsonValue> e : user.entrySet()) {
                g.write(e.getKey(), e.getValue());
            }
            meta(g, id, now, now, "1").writeEnd();
        }
        return Response.status(201).location(URI.create(BASE + id)).type(SCIM_JSON).entity(out.toByteArray()).build();
    }

    /** user-read.lua's row {id, v, cr, lm, d, groups} of the one user the lookup finds, or null. */
    @SuppressWarnings("unchecked")
    private List<byte[]> read(List<byte[]> lookup, List<byte[]> indexKeys) {
        List<byte[]> keys = new ArrayList<>();
        keys.add(concat(prefix, "users"));
        keys.addAll(indexKeys);
        List<byte[]> args = new ArrayList<>(List.of(prefix, b("1")));
        args.addAll(lookup);
        List<Object> reply = (List<Object>) redis.evalsha(readSha, keys, args);
        List<Object> users = (List<Object>) reply.get(1);
        return users.isEmpty() ? null : (List<byte[]>) users.get(0);
    }

    /** The user's representation: its record as text of the record's plaintext length, and meta. */
    private JsonGenerator user(JsonGenerator g, List<byte[]> row) {
        String id = s(row.get(0));
        byte[] record = row.get(4);
        String text = Base64.getEncoder().encodeToString(record).substring(0, record.length - SEAL_OVERHEAD);
        g.writeStartArray("schemas").write("urn:ietf:params:scim:schemas:core:2.0:User").writeEnd()
                .write("id", id).write("record", text);
        return meta(g, id, s(row.get(2)), s(row.get(3)), s(row.get(1))).writeEnd();
    }

    private static JsonGenerator meta(JsonGenerator g, String id, String created, String lastModified, String version) {
        return g.writeStartObject("meta").write("resourceType", "User").write("created", created)
                .write("lastModified", lastModified).write("location", BASE + id)
                .write("version", "W/\"" + version + "\"").writeEnd();
    }

    /** The bridge's account prefix scim:{a}:, from its users ZSET. */
    private static String accountPrefix(UnifiedJedis redis) {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match("scim:{*}:users").count(1000);
        do {
            ScanResult<String> page = redis.scan(cursor, match);
            for (String key : page.getResult()) {
                if (!key.startsWith(CREATE_PREFIX)) {
                    return key.substring(0, key.length() - "users".length());
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        throw new IllegalStateException("no account of the bridge in Redis: seed users first");
    }

    private static String script(String name) {
        try (InputStream in = StackFloor.class.getClassLoader().getResourceAsStream("redis/" + name)) {
            if (in == null) {
                throw new IllegalStateException("redis/" + name + " is not in the WAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, String b) {
        byte[] tail = b(b);
        byte[] out = Arrays.copyOf(a, a.length + tail.length);
        System.arraycopy(tail, 0, out, a.length, tail.length);
        return out;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
