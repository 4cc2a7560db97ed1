package dev.scimbridge.it;

import static dev.scimbridge.testsupport.ItEnvironment.awaitResponse;
import static dev.scimbridge.testsupport.ItEnvironment.get;
import static dev.scimbridge.testsupport.ItEnvironment.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.scimbridge.testsupport.ScimClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The unauthenticated surface over HTTP against the real Liberty: /ping and the three health endpoints. */
class HealthIT {

    @Test
    void pingAnswersPongWithoutAuthentication() {
        HttpResponse<String> response = get("/ping");
        assertEquals(200, response.statusCode());
        assertEquals("pong", response.body());
    }

    @Test
    void livenessIsUpAndNeverNamesRedis() {
        HttpResponse<String> response = get("/health/live");
        assertEquals(200, response.statusCode());
        JsonObject body = json(response.body());
        assertEquals("UP", body.getString("status"));
        assertTrue(body.getJsonArray("checks").stream()
                .map(c -> c.asJsonObject().getString("name"))
                .noneMatch("redis"::equals), "liveness must not depend on Redis: " + body);
    }

    @Test
    void readinessChecksRedis() {
        HttpResponse<String> response = awaitResponse("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(30));
        JsonObject body = json(response.body());
        assertEquals("UP", body.getString("status"));
        assertTrue(body.getJsonArray("checks").stream()
                .map(JsonObject.class::cast)
                .anyMatch(c -> c.getString("name").equals("redis") && c.getString("status").equals("UP")), body.toString());
    }

    @Test
    void metricsArePrometheusTextWithoutAuthentication() {
        assertEquals(200, get("/ping").statusCode());
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(response.body().contains("# TYPE ") && response.body().contains("jvm_uptime_seconds"), response.body());
        // The per-endpoint timings docs/operations.md names (Liberty's REST metrics filter among RESTEasy's
        // built-in providers, which RestEasyProviders keeps when metrics are on).
        assertTrue(response.body().contains("REST_request_seconds_count{class=\"dev.scimbridge.api.PingResource\""), response.body());
        assertTrue(response.body().contains("http_route=\"/ping\""), response.body());
    }

    @Test
    void scimRequestsAreTimedWithoutCdiRequestContexts() {
        // /scim/ runs without CDI's request contexts (CdiRequestContexts); Liberty's REST metrics filter still times it
        assertEquals(200, ScimClient.forItServer().get("/ServiceProviderConfig").statusCode());
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("REST_request_seconds_count{class=\"dev.scimbridge.api.DiscoveryResource\""), response.body());
    }

    @Test
    void theShippedConfigurationStartsWithoutLibertysBeanArchiveWarning() throws Exception {
        Path wlp = Path.of(System.getProperty("scim.it.wlpHome", "target/liberty/wlp"));
        Path messages = wlp.resolve("usr/servers").resolve(System.getProperty("scim.it.serverName", "scimBridgeIT"))
                .resolve("logs/messages.log");
        String log = Files.readString(messages, StandardCharsets.ISO_8859_1);
        assertTrue(log.contains("CWWKF0011I"), "the server has not logged its start yet: " + messages);
        assertFalse(log.contains("CWOWB1009W: "), "server.xml's logging hideMessage no longer hides CWOWB1009W");
    }

    @Test
    void startedIsUp() {
        HttpResponse<String> response = awaitResponse("/health/started", r -> r.statusCode() == 200, Duration.ofSeconds(30));
        assertEquals("UP", json(response.body()).getString("status"));
    }

    @Test
    void unknownPathWithoutTokenIsAScimError() {
        HttpResponse<String> response = get("/no-such-endpoint");
        assertEquals(401, response.statusCode(), "authentication comes before routing");
        JsonObject body = json(response.body());
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", body.getJsonArray("schemas").getString(0));
        assertEquals("401", body.getString("status"));
    }
}
