package dev.scimbridge.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application at the context root; SCIM resources live under {@code /scim/v2}. */
@ApplicationPath("/")
public class ScimApplication extends Application {
}
