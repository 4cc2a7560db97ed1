package dev.scimbridge.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import dev.scimbridge.testsupport.ItEnvironment;
import dev.scimbridge.testsupport.ServerProcesses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.embedded.RedisServer;

/**
 * The Helm chart {@code helm/scim-bridge}, linted and rendered without a cluster.
 *
 * <p>helm-java bundles a native Helm (lint, template) that runs offline. Each test renders the chart
 * with one value set, the chart defaults or a {@code ci/*.yaml} file, parses the manifest stream and
 * asserts on the objects: probes, the scimsession mount and {@code SCIM_SESSION}, security contexts,
 * Redis persistence and password wiring, and that every selector matches the pods it means. Invalid
 * values must fail with a message that says what is wrong.
 *
 * <p>helm-java's {@code template} returns the release manifest without hooks, so the {@code helm test}
 * pod is checked on its template source instead.
 */
class HelmChartTest {

    private static final Path CHART = Paths.get(System.getProperty("basedir", "."), "helm", "scim-bridge");
    private static final String RELEASE = "acme";
    private static final String FULLNAME = "acme-scim-bridge";
    /** Octal 0400, as the chart writes it (decimal, so YAML 1.1 and 1.2 readers agree). */
    private static final int MODE_0400 = 0400;

    // ---- lint ----------------------------------------------------------------------------------

    @Test
    void lintStrictPasses() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertFalse(result.isFailed(), () -> "helm lint --strict failed: " + result.getMessages());
        assertTrue(result.getMessages().stream().noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]")),
                () -> "helm lint --strict reported: " + result.getMessages());
    }

    // ---- invariants for every value set ----------------------------------------------------------

    static Stream<String> valueSets() throws IOException {
        try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                    .collect(Collectors.toList());
            assertTrue(names.containsAll(List.of("default-values.yaml", "external-redis-values.yaml",
                    "existing-secrets-values.yaml", "chart-secrets-values.yaml", "hpa-pdb-values.yaml",
                    "ingress-values.yaml")), "ci/ value sets: " + names);
            return Stream.concat(Stream.of("(chart defaults)"), names.stream());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyValueSetRendersAHardenedBridge(String valueSet) {
        Manifests m = valueSet.startsWith("(") ? render() : render(CHART.resolve("ci").resolve(valueSet));
        Map<String, Object> deployment = m.one("Deployment", FULLNAME);
        Map<String, Object> podSpec = podSpec(deployment);
        Map<String, Object> container = container(podSpec, "scim-bridge");

        // Probes on the MicroProfile Health endpoints, on the named port that is the HTTP port.
        assertEquals("/health/started", get(container, "startupProbe.httpGet.path"));
        assertEquals("/health/ready", get(container, "readinessProbe.httpGet.path"));
        assertEquals("/health/live", get(container, "livenessProbe.httpGet.path"));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("http", get(container, probe + ".httpGet.port"), probe);
        }
        Map<String, Object> port = list(container, "ports").get(0);
        assertEquals("http", port.get("name"));
        assertEquals(3002, port.get("containerPort"));
        assertEquals("3002", env(container, "HTTP_PORT"));

        // scimsession: read-only mount, mode 0400, and SCIM_SESSION names the projected file.
        Map<String, Object> sessionMount = mount(container, "scimsession");
        assertEquals(Boolean.TRUE, sessionMount.get("readOnly"));
        assertEquals(sessionMount.get("mountPath") + "/scimsession", env(container, "SCIM_SESSION"));
        Map<String, Object> sessionVolume = volume(podSpec, "scimsession");
        assertEquals(MODE_0400, get(sessionVolume, "secret.defaultMode"));
        List<Map<String, Object>> items = list(map(sessionVolume, "secret"), "items");
        assertEquals(1, items.size());
        assertEquals("scimsession", items.get(0).get("path"));

        // Pod and container hardening.
        assertEquals(Boolean.TRUE, get(podSpec, "securityContext.runAsNonRoot"));
        assertEquals(1001, get(podSpec, "securityContext.runAsUser"));
        assertEquals("RuntimeDefault", get(podSpec, "securityContext.seccompProfile.type"));
        assertHardened(container);
        assertEquals(Boolean.FALSE, podSpec.get("automountServiceAccountToken"));

        // Liberty's writable paths are emptyDirs.
        for (String[] writable : new String[][] {{"wlp-output", "/opt/ol/wlp/output"}, {"logs", "/logs"}, {"tmp", "/tmp"}}) {
            assertEquals(writable[1], mount(container, writable[0]).get("mountPath"));
            assertNotNull(volume(podSpec, writable[0]).get("emptyDir"), writable[0] + " must be an emptyDir");
        }

        // Requests and limits, and a heap below the memory limit.
        assertNotNull(get(container, "resources.requests.memory"));
        assertNotNull(get(container, "resources.limits.memory"));
        assertEquals("/config/configDropins/overrides/jvm.options", mount(container, "jvm-options").get("mountPath"));

        // The Redis password is a secretKeyRef and never part of the URL.
        String url = env(container, "SCIM_REDIS_URL");
        assertTrue(url.matches("rediss?://[^@]+"), "SCIM_REDIS_URL without credentials: " + url);
        assertNotNull(get(envVar(container, "SCIM_REDIS_PASSWORD"), "valueFrom.secretKeyRef.name"));

        // Labels and selectors agree.
        Map<String, Object> podLabels = map(map(map(deployment, "spec"), "template"), "metadata");
        Map<String, Object> labels = map(podLabels, "labels");
        Map<String, Object> selector = map(map(map(deployment, "spec"), "selector"), "matchLabels");
        assertSubset(selector, labels, "Deployment selector");
        assertEquals(selector, map(m.one("Service", FULLNAME), "spec").get("selector"), "Service selector");
        if (m.find("PodDisruptionBudget", FULLNAME) != null) {
            assertEquals(selector, get(m.one("PodDisruptionBudget", FULLNAME), "spec.selector.matchLabels"));
        }
        for (Map<String, Object> constraint : listOrEmpty(podSpec, "topologySpreadConstraints")) {
            assertEquals(selector, get(constraint, "labelSelector.matchLabels"), "topology spread selector");
        }
        // The Service's target port is the container port's name.
        assertEquals("http", list(map(m.one("Service", FULLNAME), "spec"), "ports").get(0).get("targetPort"));
    }

    // ---- defaults: bundled Redis ------------------------------------------------------------------

    @Test
    void defaultsDeployBundledRedisWithAofOnAPvcAndAPassword() {
        Manifests m = render();
        String redisName = FULLNAME + "-redis";
        Map<String, Object> sts = m.one("StatefulSet", redisName);
        Map<String, Object> podSpec = podSpec(sts);
        Map<String, Object> redis = container(podSpec, "redis");

        // Pinned image, hardened, non-root.
        assertEquals("docker.io/library/redis:7.4.2-alpine", redis.get("image"));
        assertHardened(redis);
        assertEquals(Boolean.TRUE, get(podSpec, "securityContext.runAsNonRoot"));
        assertEquals(999, get(podSpec, "securityContext.runAsUser"));

        // AOF persistence, never evicting, on a PVC mounted at the data dir.
        String conf = (String) get(m.one("ConfigMap", redisName), "data.redis.conf");
        assertTrue(conf.contains("\nappendonly yes\n"), conf);
        assertTrue(conf.contains("\nappendfsync everysec\n"), conf);
        assertTrue(conf.contains("\ndir /data\n"), conf);
        assertTrue(conf.contains("\nmaxmemory-policy noeviction\n"), conf);
        assertTrue(conf.contains("\nprotected-mode yes\n"), conf);
        List<Map<String, Object>> claims = list(map(sts, "spec"), "volumeClaimTemplates");
        assertEquals(1, claims.size());
        assertEquals("data", get(claims.get(0), "metadata.name"));
        assertEquals(List.of("ReadWriteOnce"), get(claims.get(0), "spec.accessModes"));
        assertEquals("8Gi", get(claims.get(0), "spec.resources.requests.storage"));
        assertEquals("/data", mount(redis, "data").get("mountPath"));
        assertEquals("Retain", get(sts, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted"));

        // Password from the Secret, into Redis and into the bridge, from the same Secret and key.
        Map<String, Object> bridge = container(podSpec(m.one("Deployment", FULLNAME)), "scim-bridge");
        Map<String, Object> redisRef = map(map(envVar(redis, "REDIS_PASSWORD"), "valueFrom"), "secretKeyRef");
        Map<String, Object> bridgeRef = map(map(envVar(bridge, "SCIM_REDIS_PASSWORD"), "valueFrom"), "secretKeyRef");
        assertEquals(Map.of("name", "scim-bridge-redis", "key", "redis-password"), redisRef);
        assertEquals(redisRef, bridgeRef);
        assertNotNull(envVar(redis, "REDISCLI_AUTH").get("valueFrom"));
        String script = String.join(" ", stringList(redis, "command"));
        assertTrue(script.contains("requirepass") && !script.contains("--requirepass"),
                "the password goes into a config file, not onto the command line: " + script);
        assertEquals("redis://" + redisName + ":6379", env(bridge, "SCIM_REDIS_URL"));

        // Redis's own probes.
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertTrue(String.join(" ", stringList(map(redis, probe), "exec", "command")).contains("redis-cli"), probe);
        }
        assertNotNull(get(redis, "resources.limits.memory"));

        // Services and the NetworkPolicy select the Redis pod; only the bridge pods are admitted.
        Map<String, Object> redisPodLabels = map(map(map(map(sts, "spec"), "template"), "metadata"), "labels");
        assertSubset(map(map(sts, "spec"), "selector").get("matchLabels"), redisPodLabels, "StatefulSet selector");
        assertSubset(get(m.one("Service", redisName), "spec.selector"), redisPodLabels, "Redis Service selector");
        assertEquals(redisName + "-headless", get(sts, "spec.serviceName"));
        assertEquals("None", get(m.one("Service", redisName + "-headless"), "spec.clusterIP"));
        Map<String, Object> policy = m.one("NetworkPolicy", redisName);
        assertSubset(get(policy, "spec.podSelector.matchLabels"), redisPodLabels, "NetworkPolicy podSelector");
        List<Map<String, Object>> ingress = list(map(policy, "spec"), "ingress");
        assertEquals(1, ingress.size());
        List<Map<String, Object>> from = list(ingress.get(0), "from");
        assertEquals(1, from.size());
        Map<String, Object> bridgePodLabels = map(map(map(map(m.one("Deployment", FULLNAME), "spec"), "template"),
                "metadata"), "labels");
        assertSubset(get(from.get(0), "podSelector.matchLabels"), bridgePodLabels, "NetworkPolicy peer");
        assertFalse(redisPodLabels.get("app.kubernetes.io/component").equals(bridgePodLabels.get("app.kubernetes.io/component")),
                "the bridge selector must not match the Redis pod");
        assertEquals(6379, list(ingress.get(0), "ports").get(0).get("port"));

        // Two replicas by default: spread over zones and hosts; rolling update without losing capacity.
        Map<String, Object> deployment = m.one("Deployment", FULLNAME);
        assertEquals(2, get(deployment, "spec.replicas"));
        assertEquals(0, get(deployment, "spec.strategy.rollingUpdate.maxUnavailable"));
        assertEquals(List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"),
                list(podSpec(deployment), "topologySpreadConstraints").stream().map(c -> c.get("topologyKey"))
                        .collect(Collectors.toList()));
        assertEquals(1, get(m.one("PodDisruptionBudget", FULLNAME), "spec.maxUnavailable"));

        // Heap: 37 % of the 256Mi limit the benchmark stayed under, in the Liberty overrides jvm.options.
        assertEquals("# Generated by the scim-bridge chart from resources.limits.memory and jvm.*.\n-Xmx94m\n",
                get(m.one("ConfigMap", FULLNAME + "-jvm"), "data.jvm.options"));
        assertEquals("256Mi", get(bridge, "resources.limits.memory"));
        // Two cores, as the benchmark had: a start needs about 11 s of CPU, so under a 1-core quota it took 11.7 s.
        assertEquals("2", get(bridge, "resources.limits.cpu"));

        // Start-up probe: every second, so a pod is typically Ready within a second of the bridge's start (from
        // Kubernetes 1.22 the kubelet then runs the readiness probe at once), and three minutes of budget.
        assertEquals(1, get(bridge, "startupProbe.periodSeconds"));
        assertEquals(180, (int) get(bridge, "startupProbe.periodSeconds") * (int) get(bridge, "startupProbe.failureThreshold"));

        // Existing Secrets by default: the chart makes none, and so has no checksum to roll on.
        assertTrue(m.all("Secret").isEmpty(), "no chart-made Secret by default");
        assertNull(get(deployment, "spec.template.metadata.annotations.checksum/secrets"));
    }

    // ---- ci value sets ------------------------------------------------------------------------------

    @Test
    void externalRedisUsesTheUrlAndASecretAndDeploysNoRedis() {
        Manifests m = render(CHART.resolve("ci/external-redis-values.yaml"));
        assertTrue(m.all("StatefulSet").isEmpty());
        assertTrue(m.all("NetworkPolicy").isEmpty());
        assertNull(m.find("ConfigMap", FULLNAME + "-redis"));
        Map<String, Object> bridge = container(podSpec(m.one("Deployment", FULLNAME)), "scim-bridge");
        assertEquals("rediss://redis.data.svc.cluster.local:6380", env(bridge, "SCIM_REDIS_URL"));
        assertEquals("scim-bridge", env(bridge, "SCIM_REDIS_USERNAME"));
        assertEquals(Map.of("name", "scim-bridge-external-redis", "key", "password"),
                get(envVar(bridge, "SCIM_REDIS_PASSWORD"), "valueFrom.secretKeyRef"));
    }

    @Test
    void existingSecretsAreMountedWithTheirKeysAndTheTokenUnlocksAtStartUp() {
        Manifests m = render(CHART.resolve("ci/existing-secrets-values.yaml"));
        Map<String, Object> podSpec = podSpec(m.one("Deployment", FULLNAME));
        Map<String, Object> bridge = container(podSpec, "scim-bridge");

        assertEquals("/var/run/scim/session/scimsession", env(bridge, "SCIM_SESSION"));
        assertEquals("/var/run/scim/session", mount(bridge, "scimsession").get("mountPath"));
        Map<String, Object> session = map(volume(podSpec, "scimsession"), "secret");
        assertEquals("acme-scimsession", session.get("secretName"));
        assertEquals(List.of(Map.of("key", "session.json", "path", "scimsession")), session.get("items"));

        assertEquals("/secrets/token/bearer-token", env(bridge, "SCIM_TOKEN_FILE"));
        Map<String, Object> tokenMount = mount(bridge, "token");
        assertEquals("/secrets/token", tokenMount.get("mountPath"));
        assertEquals(Boolean.TRUE, tokenMount.get("readOnly"));
        Map<String, Object> token = map(volume(podSpec, "token"), "secret");
        assertEquals("acme-scim-token", token.get("secretName"));
        assertEquals(MODE_0400, token.get("defaultMode"));
        assertEquals(List.of(Map.of("key", "token", "path", "bearer-token")), token.get("items"));

        assertEquals(Map.of("name", "acme-redis", "key", "pw"),
                get(envVar(bridge, "SCIM_REDIS_PASSWORD"), "valueFrom.secretKeyRef"));
        assertEquals(Map.of("name", "acme-redis", "key", "pw"),
                get(envVar(container(podSpec(m.one("StatefulSet", FULLNAME + "-redis")), "redis"), "REDIS_PASSWORD"),
                        "valueFrom.secretKeyRef"));
        assertTrue(m.all("Secret").isEmpty(), "existing Secrets only");
    }

    @Test
    void chartMadeSecretsRollThePodsWhenTheyChange() {
        Path values = CHART.resolve("ci/chart-secrets-values.yaml");
        Manifests m = render(values);
        assertEquals(Set.of(FULLNAME + "-session", FULLNAME + "-token", FULLNAME + "-redis"),
                m.all("Secret").stream().map(s -> (String) get(s, "metadata.name")).collect(Collectors.toSet()));
        Map<String, Object> podSpec = podSpec(m.one("Deployment", FULLNAME));
        assertEquals(FULLNAME + "-session", get(volume(podSpec, "scimsession"), "secret.secretName"));
        assertEquals(FULLNAME + "-token", get(volume(podSpec, "token"), "secret.secretName"));
        assertEquals(Map.of("name", FULLNAME + "-redis", "key", "redis-password"),
                get(envVar(container(podSpec, "scim-bridge"), "SCIM_REDIS_PASSWORD"), "valueFrom.secretKeyRef"));
        String sessionB64 = (String) get(m.one("Secret", FULLNAME + "-session"), "data.scimsession");
        assertTrue(new String(java.util.Base64.getDecoder().decode(sessionB64), StandardCharsets.UTF_8)
                .contains("\"accountId\":\"ci-account\""));

        String checksum = (String) get(m.one("Deployment", FULLNAME), "spec.template.metadata.annotations.checksum/secrets");
        assertNotNull(checksum, "chart-made Secrets carry a checksum annotation");
        String rotated = (String) get(render(template -> template.withValuesFile(values).set("session.value", "{\"rotated\":true}"))
                .one("Deployment", FULLNAME), "spec.template.metadata.annotations.checksum/secrets");
        assertNotEquals(checksum, rotated, "a rotated scimsession changes the pod template");
        String newToken = (String) get(render(template -> template.withValuesFile(values).set("token.value", "scimb_other"))
                .one("Deployment", FULLNAME), "spec.template.metadata.annotations.checksum/secrets");
        assertNotEquals(checksum, newToken, "a new token changes the pod template");
        // An external Redis's password set as a value is a chart-made Secret beside the scimsession's: not hashed.
        Path external = CHART.resolve("ci/external-redis-values.yaml");
        List<String> externalChecksums = new ArrayList<>();
        for (String password : List.of("first-password", "second-password")) {
            Manifests withPassword = render(template -> template.withValuesFile(values).withValuesFile(external)
                    .set("externalRedis.existingSecret", "").set("externalRedis.password", password));
            assertTrue(withPassword.all("Secret").stream().anyMatch(secret -> ((String) get(secret, "metadata.name")).endsWith("-redis")),
                    "the chart makes the external Redis's password Secret");
            externalChecksums.add((String) get(withPassword.one("Deployment", FULLNAME), "spec.template.metadata.annotations.checksum/secrets"));
        }
        assertNotNull(externalChecksums.get(0));
        assertEquals(externalChecksums.get(0), externalChecksums.get(1),
                "no hash of a password in the pod template, where anyone who reads pods could test guesses");
    }

    @Test
    void autoscalingLeavesReplicasToTheHpaAndKeepsThePdb() {
        Manifests m = render(CHART.resolve("ci/hpa-pdb-values.yaml"));
        Map<String, Object> deployment = m.one("Deployment", FULLNAME);
        assertNull(get(deployment, "spec.replicas"), "the HPA owns replicas");
        Map<String, Object> hpa = m.one("HorizontalPodAutoscaler", FULLNAME);
        assertEquals(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", FULLNAME), get(hpa, "spec.scaleTargetRef"));
        assertEquals(3, get(hpa, "spec.minReplicas"));
        assertEquals(8, get(hpa, "spec.maxReplicas"));
        assertEquals(List.of("cpu", "memory"),
                list(map(hpa, "spec"), "metrics").stream().map(x -> get(x, "resource.name")).collect(Collectors.toList()));
        assertEquals("34%", get(m.one("PodDisruptionBudget", FULLNAME), "spec.maxUnavailable"));
        List<Map<String, Object>> spread = list(podSpec(deployment), "topologySpreadConstraints");
        assertEquals(1, spread.size());
        assertEquals("DoNotSchedule", spread.get(0).get("whenUnsatisfiable"));
        // 60 % of 1Gi = 614 MiB, plus the extra option.
        assertEquals("# Generated by the scim-bridge chart from resources.limits.memory and jvm.*.\n-Xmx614m\n-XX:+PrintFlagsFinal\n",
                get(m.one("ConfigMap", FULLNAME + "-jvm"), "data.jvm.options"));
    }

    @Test
    void ingressTerminatesTlsForTheHostAndRoutesToTheService() {
        Manifests m = render(CHART.resolve("ci/ingress-values.yaml"));
        Map<String, Object> ingress = m.one("Ingress", FULLNAME);
        assertEquals("nginx", get(ingress, "spec.ingressClassName"));
        Map<String, Object> tls = list(map(ingress, "spec"), "tls").get(0);
        assertEquals(List.of("scim.acme.example"), tls.get("hosts"));
        assertEquals("scim.acme.example-tls", tls.get("secretName"));
        Map<String, Object> rule = list(map(ingress, "spec"), "rules").get(0);
        assertEquals("scim.acme.example", rule.get("host"));
        List<Map<String, Object>> paths = list(map(rule, "http"), "paths");
        // Only what an IdP and an operator's token check call: /health and /metrics stay inside the cluster.
        assertEquals(List.of("/scim", "/auth/check", "/ping"), paths.stream().map(p -> p.get("path")).collect(Collectors.toList()));
        for (Map<String, Object> path : paths) {
            assertEquals("Prefix", path.get("pathType"));
            assertEquals(Map.of("name", FULLNAME, "port", Map.of("name", "http")), get(path, "backend.service"));
        }

        Map<String, Object> monitor = m.one("ServiceMonitor", FULLNAME);
        Map<String, Object> endpoint = list(map(monitor, "spec"), "endpoints").get(0);
        assertEquals("/metrics", endpoint.get("path"));
        assertEquals("http", endpoint.get("port"));
        assertSubset(get(monitor, "spec.selector.matchLabels"), get(m.one("Service", FULLNAME), "metadata.labels"),
                "ServiceMonitor selector");
        assertEquals("prometheus", get(monitor, "metadata.labels.release"));

        Map<String, Object> deployment = m.one("Deployment", FULLNAME);
        assertEquals(1, get(deployment, "spec.replicas"));
        assertNull(get(podSpec(deployment), "topologySpreadConstraints"), "no spread for a single replica");
        Map<String, Object> bridge = container(podSpec(deployment), "scim-bridge");
        assertEquals("simple", env(bridge, "SCIM_LOG_FORMAT"));
        assertEquals("PT60S", env(bridge, "SCIM_CONFIRMATION_INTERVAL"));
        assertEquals("true", env(bridge, "SCIM_METRICS_ENABLED"), "a ServiceMonitor needs /metrics served");
    }

    @Test
    void metricsAreOffByDefaultAndOnWhenAsked() {
        Map<String, Object> byDefault = container(podSpec(render().one("Deployment", FULLNAME)), "scim-bridge");
        assertEquals("false", env(byDefault, "SCIM_METRICS_ENABLED"));
        assertTrue(render().all("ServiceMonitor").isEmpty(), "no ServiceMonitor by default");
        Map<String, Object> enabled = container(podSpec(render(t -> t.set("metrics.enabled", "true"))
                .one("Deployment", FULLNAME)), "scim-bridge");
        assertEquals("true", env(enabled, "SCIM_METRICS_ENABLED"));
    }

    @ParameterizedTest(name = "limit {0} -> -Xmx{1}")
    @org.junit.jupiter.params.provider.CsvSource({"256Mi, 94m", "320Mi, 118m", "1.5Gi, 568m", "1Gi, 378m", "500M, 176m",
            "2G, 705m", "335544320, 118m"})
    void heapIsAFixedShareOfTheMemoryLimitInEveryUnit(String limit, String heap) {
        Manifests m = render(t -> t.set("resources.limits.memory", limit));
        assertEquals("# Generated by the scim-bridge chart from resources.limits.memory and jvm.*.\n-Xmx" + heap + "\n",
                get(m.one("ConfigMap", FULLNAME + "-jvm"), "data.jvm.options"));
    }

    @Test
    void anExplicitMaxHeapWinsOverThePercentage() {
        Manifests m = render(t -> t.set("jvm.maxHeap", "160m"));
        assertEquals("# Generated by the scim-bridge chart from resources.limits.memory and jvm.*.\n-Xmx160m\n",
                get(m.one("ConfigMap", FULLNAME + "-jvm"), "data.jvm.options"));
    }

    // ---- invalid values fail, and say why -----------------------------------------------------------

    @Test
    void unknownKeysAreRejectedAtEveryLevel() {
        assertRenderFails("Additional property replicas is not allowed", t -> t.set("replicas", "3"));
        assertRenderFails("Additional property storage is not allowed", t -> t.set("redis.persistence.storage", "1Gi"));
        assertRenderFails("Additional property tag is not allowed", t -> t.set("redis.auth.tag", "x"));
    }

    /**
     * Charts before ingress.paths had ingress.path (default "/"); `helm upgrade --reuse-values` keeps that old
     * default, so the single path keeps being routed as before (NOTES.txt warns) instead of failing the upgrade.
     */
    @Test
    void theDeprecatedSinglePathIsStillRoutedAlone() throws IOException {
        Manifests m = render(t -> t.withValuesFile(CHART.resolve("ci/ingress-values.yaml")).set("ingress.path", "/"));
        Map<String, Object> rule = list(map(m.one("Ingress", FULLNAME), "spec"), "rules").get(0);
        List<Map<String, Object>> paths = list(map(rule, "http"), "paths");
        assertEquals(List.of("/"), paths.stream().map(p -> p.get("path")).collect(Collectors.toList()));
        assertRenderFails("ingress.pathType", t -> t.set("ingress.pathType", "Exact"));

        String notes = notes(t -> t.withValuesFile(CHART.resolve("ci/ingress-values.yaml")).set("ingress.path", "/"));
        assertTrue(notes.contains("WARNING: ingress.path=/ is deprecated and routes that one path, which\nalso exposes /health and /metrics"), notes);
        assertTrue(notes.contains("(/scim, /auth/check, /ping)"), notes);
        String quiet = notes(t -> t.withValuesFile(CHART.resolve("ci/ingress-values.yaml")));
        assertTrue(quiet.contains("https://scim.acme.example/scim/v2") && !quiet.contains("ingress.path"), quiet);
    }

    /**
     * NOTES.txt as `helm install` prints it: `helm template` leaves NOTES.txt out, so it renders a copy of the chart
     * in which the same text is also an ordinary template.
     */
    private static String notes(Values values) throws IOException {
        Path copy = Files.createTempDirectory("chart-notes");
        try {
            try (Stream<Path> files = Files.walk(CHART)) {
                for (Path from : (Iterable<Path>) files::iterator) {
                    Path to = copy.resolve(CHART.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to);
                    }
                }
            }
            Files.copy(CHART.resolve("templates/NOTES.txt"), copy.resolve("notes.txt"));
            Files.writeString(copy.resolve("templates/notes-rendered.yaml"),
                    "kind: RenderedNotes\nnotes: {{ tpl (.Files.Get \"notes.txt\") . | toJson }}\n");
            return (String) render(values, copy).all("RenderedNotes").get(0).get("notes");
        } finally {
            ServerProcesses.deleteRecursively(copy);
        }
    }

    @Test
    void wrongTypesAreRejected() {
        assertRenderFails("replicaCount: Invalid type. Expected: integer, given: string", t -> t.set("replicaCount", "two"));
        assertRenderFails("redis.enabled: Invalid type. Expected: boolean, given: string", t -> t.set("redis.enabled", "yes"));
        assertRenderFails("config.logFormat", t -> t.set("config.logFormat", "xml"));
    }

    @Test
    void bundledAndExternalRedisTogetherFail() {
        assertRenderFails("redis.enabled and externalRedis.enabled are mutually exclusive",
                t -> t.set("externalRedis.enabled", "true").set("externalRedis.url", "redis://redis:6379"));
    }

    @Test
    void noRedisFails() {
        assertRenderFails("No Redis configured", t -> t.set("redis.enabled", "false"));
        assertRenderFails("externalRedis.url is empty",
                t -> t.set("redis.enabled", "false").set("externalRedis.enabled", "true"));
    }

    @Test
    void noSessionFails() {
        assertRenderFails("No scimsession configured", t -> t.set("session.existingSecret", ""));
    }

    @Test
    void missingSecretsFail() {
        assertRenderFails("neither redis.auth.existingSecret nor redis.auth.password is set",
                t -> t.set("redis.auth.existingSecret", ""));
        assertRenderFails("token.enabled is true but neither token.value nor token.existingSecret is set",
                t -> t.set("token.enabled", "true"));
    }

    @Test
    void aRedisUrlWithCredentialsIsRejected() {
        assertRenderFails("externalRedis.url: Does not match pattern", t -> t.set("redis.enabled", "false")
                .set("externalRedis.enabled", "true").set("externalRedis.url", "redis://default:secret@redis:6379"));
    }

    // ---- sources that rendering does not show ---------------------------------------------------------

    @Test
    void helmTestPodCurlsPingAndReadinessWithFail() throws IOException {
        String test = Files.readString(CHART.resolve("templates/tests/test-connection.yaml"));
        assertTrue(test.contains("helm.sh/hook: test"), test);
        List<String> curls = test.lines().map(String::trim).filter(l -> l.startsWith("curl ")).collect(Collectors.toList());
        assertEquals(2, curls.size(), test);
        assertTrue(curls.stream().allMatch(l -> l.contains("--fail")), "every curl must use --fail: " + curls);
        assertTrue(curls.get(0).endsWith("\"$base/ping\""), curls.get(0));
        assertTrue(curls.get(1).endsWith("\"$base/health/ready\""), curls.get(1));
    }

    @Test
    void everyValueIsDocumentedInValuesYamlAndTheReadme() throws IOException {
        Map<String, Object> values = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(CHART.resolve("values.yaml"))) instanceof Map<?, ?> v ? cast(v) : Map.of();
        Set<String> leaves = new LinkedHashSet<>();
        collectLeaves("", values, leaves);

        Set<String> params = new LinkedHashSet<>();
        Matcher param = Pattern.compile("(?m)^\\s*## @param (\\S+) ").matcher(Files.readString(CHART.resolve("values.yaml")));
        while (param.find()) {
            params.add(param.group(1));
        }
        assertEquals(leaves, params, "every value has exactly one ## @param line");

        String readme = Files.readString(CHART.resolve("README.md"));
        List<String> missing = leaves.stream().filter(k -> !readme.contains("`" + k + "`")).collect(Collectors.toList());
        assertTrue(missing.isEmpty(), "README.md lacks " + missing);
    }

    @Test
    void schemaClosesEveryObject() throws IOException {
        Object schema = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(CHART.resolve("values.schema.json")));
        List<String> open = new ArrayList<>();
        collectOpenObjects("$", schema, open);
        assertTrue(open.isEmpty(), "objects with properties but without additionalProperties: false: " + open);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private interface Values {
        TemplateCommand apply(TemplateCommand template);
    }

    private static Manifests render(Path... valuesFiles) {
        return render(template -> {
            for (Path file : valuesFiles) {
                template.withValuesFile(file);
            }
            return template;
        });
    }

    private static Manifests render(Values values) {
        return render(values, CHART);
    }

    private static Manifests render(Values values, Path chart) {
        String yaml = values.apply(new Helm(chart).template().withName(RELEASE).withNamespace("scim")).call();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (doc instanceof Map<?, ?> map) {
                docs.add(cast(map));
            }
        }
        return new Manifests(docs);
    }

    private static void assertRenderFails(String expectedMessage, Values values) {
        Exception failure = assertThrows(Exception.class, () -> render(values));
        assertTrue(String.valueOf(failure.getMessage()).contains(expectedMessage),
                () -> "expected a message containing «" + expectedMessage + "», got: " + failure.getMessage());
    }

    private record Manifests(List<Map<String, Object>> docs) {
        List<Map<String, Object>> all(String kind) {
            return docs.stream().filter(d -> kind.equals(d.get("kind"))).collect(Collectors.toList());
        }

        Map<String, Object> find(String kind, String name) {
            return all(kind).stream().filter(d -> name.equals(get(d, "metadata.name"))).findFirst().orElse(null);
        }

        Map<String, Object> one(String kind, String name) {
            Map<String, Object> found = find(kind, name);
            assertNotNull(found, () -> kind + " " + name + " not rendered; have: " + docs.stream()
                    .map(d -> d.get("kind") + "/" + get(d, "metadata.name")).collect(Collectors.toList()));
            return found;
        }
    }

    private static void assertHardened(Map<String, Object> container) {
        String name = (String) container.get("name");
        assertEquals(Boolean.TRUE, get(container, "securityContext.readOnlyRootFilesystem"), name);
        assertEquals(Boolean.FALSE, get(container, "securityContext.allowPrivilegeEscalation"), name);
        assertEquals(Boolean.TRUE, get(container, "securityContext.runAsNonRoot"), name);
        assertEquals(List.of("ALL"), get(container, "securityContext.capabilities.drop"), name);
        assertEquals("RuntimeDefault", get(container, "securityContext.seccompProfile.type"), name);
    }

    private static void assertSubset(Object subset, Object superset, String what) {
        Map<String, Object> sub = cast((Map<?, ?>) Objects.requireNonNull(subset, what));
        Map<String, Object> sup = cast((Map<?, ?>) Objects.requireNonNull(superset, what));
        assertFalse(sub.isEmpty(), what + " is empty");
        sub.forEach((k, v) -> assertEquals(v, sup.get(k), what + ": label " + k + " not on the target " + sup));
    }

    /**
     * The bundled Redis's start script, run with sh as its container runs it (the paths moved to a temporary
     * folder, Redis started from the test instead): a password with quotes, backslashes and shell characters
     * reaches {@code requirepass} as given, so the bridge's AUTH with the Secret's value succeeds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef", "pa\"ss\\word $HOME `id` 'q'", "ends with a backslash\\"})
    void theBundledRedisTakesAOneLinePasswordAsGiven(String password) throws Exception {
        Path dir = Files.createTempDirectory("redis-auth");
        ScriptRun run = runBundledRedisScript(dir, password);
        assertEquals(0, run.exit(), run.stderr());
        int port = ItEnvironment.freePort();
        RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("include " + dir.resolve("auth.conf")).build();
        redis.start();
        try (Jedis client = new Jedis("127.0.0.1", port)) {
            assertThrows(JedisDataException.class, () -> client.auth(password + "x"));
            assertEquals("OK", client.auth(password));
        } finally {
            redis.stop();
        }
    }

    @Test
    void theBundledRedisRefusesAPasswordWithALineBreak() throws Exception {
        Path dir = Files.createTempDirectory("redis-auth");
        ScriptRun run = runBundledRedisScript(dir, "from-file\n");
        assertNotEquals(0, run.exit());
        assertTrue(run.stderr().contains("line break"), run.stderr());
        assertFalse(Files.exists(dir.resolve("auth.conf")) && Files.size(dir.resolve("auth.conf")) > 0);
    }

    private record ScriptRun(int exit, String stderr) {
    }

    private static ScriptRun runBundledRedisScript(Path dir, String password) throws Exception {
        Map<String, Object> redis = container(podSpec(render().one("StatefulSet", FULLNAME + "-redis")), "redis");
        List<String> command = stringList(redis, "command");
        assertEquals(List.of("/bin/sh", "-c"), command.subList(0, 2));
        String script = command.get(2);
        String exec = "exec redis-server /etc/redis/redis.conf";
        assertTrue(script.contains(exec) && script.contains("/tmp/redis"), script);
        ProcessBuilder builder = new ProcessBuilder("sh", "-c",
                script.replace("/tmp/redis", dir.toString()).replace(exec, "exit 0"));
        builder.environment().put("REDIS_PASSWORD", password);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ScriptRun(process.waitFor(), stderr);
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(map(workload, "spec"), "template"), "spec");
    }

    private static Map<String, Object> container(Map<String, Object> podSpec, String name) {
        return named(list(podSpec, "containers"), name, "container");
    }

    private static Map<String, Object> volume(Map<String, Object> podSpec, String name) {
        return named(list(podSpec, "volumes"), name, "volume");
    }

    private static Map<String, Object> mount(Map<String, Object> container, String name) {
        return named(list(container, "volumeMounts"), name, "volumeMount");
    }

    private static Map<String, Object> envVar(Map<String, Object> container, String name) {
        return named(list(container, "env"), name, "env var");
    }

    private static String env(Map<String, Object> container, String name) {
        return (String) envVar(container, name).get("value");
    }

    private static Map<String, Object> named(List<Map<String, Object>> items, String name, String what) {
        return items.stream().filter(i -> name.equals(i.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(what + " " + name + " missing in " + items));
    }

    /** Follows a dotted path; a key that itself contains dots (annotations, data) is matched greedily. */
    private static Object get(Map<String, Object> root, String path) {
        Object current = root;
        String rest = path;
        while (!rest.isEmpty()) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            String key = rest;
            while (!map.containsKey(key) && key.contains(".")) {
                key = key.substring(0, key.lastIndexOf('.'));
            }
            if (!map.containsKey(key)) {
                return null;
            }
            current = map.get(key);
            rest = rest.length() == key.length() ? "" : rest.substring(key.length() + 1);
        }
        return current;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, () -> key + " is not a map in " + parent);
        return cast((Map<?, ?>) value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof List, () -> key + " is not a list in " + parent);
        return (List<Map<String, Object>>) value;
    }

    private static List<Map<String, Object>> listOrEmpty(Map<String, Object> parent, String key) {
        return parent.get(key) == null ? List.of() : list(parent, key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Map<String, Object> parent, String... path) {
        Object value = get(parent, String.join(".", path));
        assertTrue(value instanceof List, () -> String.join(".", path) + " is not a list");
        return (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static void collectLeaves(String prefix, Map<String, Object> node, Set<String> leaves) {
        node.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                collectLeaves(path, cast(child), leaves);
            } else {
                leaves.add(path);
            }
        });
    }

    private static void collectOpenObjects(String path, Object node, List<String> open) {
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey("properties") && !Boolean.FALSE.equals(map.get("additionalProperties"))) {
                open.add(path);
            }
            map.forEach((k, v) -> collectOpenObjects(path + "." + k, v, open));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectOpenObjects(path + "[" + i + "]", list.get(i), open);
            }
        }
    }
}
