package dev.scimbridge.session;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading {@code scim.session}: a session (with warnings, e.g. loose file permissions)
 * or the problem that prevents one.
 */
public record SessionLoad(Optional<ScimSession> session, Optional<SessionProblem> problem, List<String> warnings) {

    public SessionLoad {
        if (session.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("exactly one of session and problem");
        }
        warnings = List.copyOf(warnings);
    }

    public static SessionLoad ok(ScimSession session, List<String> warnings) {
        return new SessionLoad(Optional.of(session), Optional.empty(), warnings);
    }

    public static SessionLoad failed(SessionProblem.Kind kind, String reason) {
        return new SessionLoad(Optional.empty(), Optional.of(new SessionProblem(kind, reason)), List.of());
    }
}
