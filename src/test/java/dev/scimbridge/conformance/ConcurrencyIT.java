package dev.scimbridge.conformance;

import static dev.scimbridge.conformance.ScimAssertions.assertExactlyOne;
import static dev.scimbridge.conformance.ScimAssertions.assertScimError;
import static dev.scimbridge.conformance.ScimAssertions.values;
import static dev.scimbridge.conformance.ScimClient.entraQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Races an IdP produces: Entra and Okta send membership changes for one group in parallel, and retry a
 * create while the first attempt is still in flight. Requests start together behind a latch.
 */
class ConcurrencyIT extends ScimTestBase {

    @Test
    void fiftyParallelMemberAddsLeaveExactlyFiftyMembers() throws Exception {
        String groupId = createPlainGroup("Parallel " + Fixtures.unique());
        String path = "/Groups/" + groupId;
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            userIds.add(createPlainUser("parallel" + i + "." + Fixtures.unique() + "@example.com"));
        }

        List<ScimResponse> responses = inParallel(50, i ->
                () -> scim.patch(path, Fixtures.load("entra/patch-group-add-member.json", "userId", userIds.get(i))));
        for (ScimResponse response : responses) {
            assertTrue(response.status() == 200 || response.status() == 204, () -> "every add succeeds: " + response);
        }

        JsonObject group = read(path);
        List<String> members = values(group, "members");
        assertEquals(50, members.size(), () -> "members after 50 parallel adds: " + group);
        assertEquals(new HashSet<>(userIds), new HashSet<>(members), group::toString);
    }

    @Test
    void twentyParallelCreatesOfOneUserNameMakeOneUser() throws Exception {
        String userName = "race." + Fixtures.unique() + "@example.com";
        String body = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(ScimAssertions.USER_SCHEMA))
                .add("userName", userName)
                .build().toString();

        List<ScimResponse> responses = inParallel(20, i -> () -> scim.post("/Users", body));
        List<ScimResponse> created = responses.stream().filter(r -> r.status() == 201).toList();
        created.forEach(r -> scim.deleteLater("/Users/" + r.json().getString("id")));
        assertEquals(1, created.size(), () -> "exactly one 201: " + responses);
        for (ScimResponse response : responses) {
            if (response.status() != 201) {
                assertScimError(409, "uniqueness", response);
            }
        }
        assertExactlyOne(created.get(0).json().getString("id"),
                scim.get("/Users?filter=" + entraQuery("userName eq \"" + userName + "\"")));
    }

    /** Runs {@code n} requests on {@code n} threads that start together; their answers in index order. */
    private static List<ScimResponse> inParallel(int n, IntFunction<Callable<ScimResponse>> request)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ScimResponse>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<ScimResponse> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "threads ready");
            go.countDown();
            List<ScimResponse> responses = new ArrayList<>();
            for (Future<ScimResponse> future : futures) {
                responses.add(future.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a parallel request did not finish in 120 s", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
