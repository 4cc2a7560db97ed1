package dev.scimbridge.testsupport;

import java.io.File;
import java.util.Arrays;
import java.util.Objects;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test archives for in-container (Arquillian) tests. They are named differently from the application
 * ({@code scim-bridge}) so that they deploy beside it, and they take the application's runtime
 * libraries from the exploded WAR the build has just made, except the embedded development Redis.
 */
public final class ArquillianDeployments {

    private ArquillianDeployments() {
    }

    /** A WAR named {@code name}.war with the given packages (recursively) and the app's libraries. */
    public static WebArchive withPackages(String name, String... packages) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackages(true, packages)
                .addAsWebInfResource(new org.jboss.shrinkwrap.api.asset.StringAsset(
                        "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" bean-discovery-mode=\"annotated\" version=\"4.0\"/>"),
                        "beans.xml");
        File lib = new File("target/scim-bridge/WEB-INF/lib");
        // Not the development Redis (12 of the 14 MB; the IT server names its Redis): Liberty's dropins monitor
        // keeps an archive INSTALLED while it is still being written, and the Arquillian container takes an
        // application INSTALLED for over a second as failed to start ("started unexpectedly", liberty-arquillian).
        File[] jars = Objects.requireNonNull(lib.listFiles((dir, file) -> file.endsWith(".jar") && !file.startsWith("embedded-redis")),
                "run mvn package first: " + lib + " is missing");
        Arrays.stream(jars).forEach(war::addAsLibrary);
        return war;
    }
}
