package dev.scimbridge.health;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.scimbridge.service.CredentialService;
import dev.scimbridge.session.SessionProblem;
import dev.scimbridge.session.TokenAuthenticator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the credentials, check {@code scimsession}:
 * <ul>
 *   <li>DOWN when the scimsession is missing, unreadable, malformed, of another version or altered,
 *       with {@code problem} (the kind) and {@code reason} (names the setting or path, never the
 *       contents);</li>
 *   <li>UP with {@code state: locked} while waiting for the first request with the bearer token:
 *       the identity provider's first call is what unlocks it, so being DOWN here would keep the
 *       IdP's traffic away forever;</li>
 *   <li>UP with {@code state: unlocked} once the account keys are in memory.</li>
 * </ul>
 */
@Readiness
@ApplicationScoped
public class ScimSessionReadinessCheck implements HealthCheck {

    @Inject
    CredentialService credentials;

    @Override
    public HealthCheckResponse call() {
        Result r = evaluate(credentials.state(), credentials.problem().orElse(null));
        HealthCheckResponseBuilder b = HealthCheckResponse.named("scimsession").status(r.up());
        r.data().forEach(b::withData);
        return b.build();
    }

    /** The check's outcome, apart from the MicroProfile Health types (unit-testable without a runtime). */
    record Result(boolean up, Map<String, String> data) {
    }

    static Result evaluate(TokenAuthenticator.State state, SessionProblem problem) {
        Map<String, String> data = new LinkedHashMap<>();
        return switch (state) {
            case UNAVAILABLE -> {
                data.put("problem", problem == null ? "unknown" : problem.kind().name().toLowerCase(Locale.ROOT));
                data.put("reason", problem == null ? "the scimsession is unusable" : problem.reason());
                yield new Result(false, data);
            }
            case LOCKED -> {
                data.put("state", "locked");
                data.put("detail", "waiting for the first request with the bearer token");
                yield new Result(true, data);
            }
            case UNLOCKED -> {
                data.put("state", "unlocked");
                yield new Result(true, data);
            }
        };
    }
}
