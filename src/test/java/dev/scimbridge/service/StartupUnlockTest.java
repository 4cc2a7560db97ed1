package dev.scimbridge.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.scimbridge.config.ScimConfig;
import dev.scimbridge.session.AuthResult;
import dev.scimbridge.session.BearerToken;
import dev.scimbridge.session.ScimSessionJson;
import dev.scimbridge.session.SessionCrypto;
import dev.scimbridge.session.TokenAuthenticator;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scimsession's start-up load and token-file unlock, begun early or run on the taking thread. */
class StartupUnlockTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static SessionCrypto.Created account;

    @TempDir
    Path dir;

    @BeforeAll
    static void createAccount() {
        account = SessionCrypto.createAccount("Acme", "p@acme.example", RANDOM);
    }

    @Test
    void withoutBeginTheTakingThreadLoadsAndUnlocks() throws Exception {
        StartupUnlock startup = StartupUnlock.take(config(session(), tokenFile(account.token())));
        assertEquals(TokenAuthenticator.State.UNLOCKED, startup.authenticator().state());
        assertEquals(AuthResult.Outcome.OK, startup.authenticator().authenticate(account.token(), "idp").outcome());
    }

    @Test
    void takeCollectsTheBegunUnlockOnce() throws Exception {
        String session = session();   // written once: the begun thread may be reading it
        StartupUnlock.begin(config(session, tokenFile(account.token())));
        StartupUnlock.begin(config(session, null)); // ignored: one is begun already
        ScimConfig withoutTokenFile = config(session, null);

        StartupUnlock begun = StartupUnlock.take(withoutTokenFile);
        assertEquals(TokenAuthenticator.State.UNLOCKED, begun.authenticator().state(), "take did not return the begun unlock");

        StartupUnlock again = StartupUnlock.take(withoutTokenFile);
        assertEquals(TokenAuthenticator.State.LOCKED, again.authenticator().state());
    }

    @Test
    void aWorkerThatCannotStartLeavesTheUnlockToTake() throws Exception {
        String session = session();
        String tokenFile = tokenFile(account.token());
        // As Thread.start fails when the process may create no more threads.
        StartupUnlock.begin(config(session, tokenFile), work -> new Thread(work) {
            @Override
            public synchronized void start() {
                throw new OutOfMemoryError("unable to create native thread");
            }
        });
        StartupUnlock startup = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> StartupUnlock.take(config(session, tokenFile)), "take waited for a worker that never ran");
        assertEquals(TokenAuthenticator.State.UNLOCKED, startup.authenticator().state());
        assertEquals(AuthResult.Outcome.OK, startup.authenticator().authenticate(account.token(), "idp").outcome());
    }

    @Test
    void aWrongTokenLeavesItLockedForTheFirstRequest() throws Exception {
        String session = session();   // written once: the begun thread may be reading it
        StartupUnlock.begin(config(session, tokenFile(BearerToken.generate(RANDOM))));
        StartupUnlock startup = StartupUnlock.take(config(session, null));
        assertEquals(TokenAuthenticator.State.LOCKED, startup.authenticator().state());
        assertEquals(AuthResult.Outcome.OK, startup.authenticator().authenticate(account.token(), "idp").outcome());
    }

    @Test
    void anUnreadableTokenFileLeavesItLocked() throws Exception {
        StartupUnlock startup = StartupUnlock.take(config(session(), dir.toString()));
        assertEquals(TokenAuthenticator.State.LOCKED, startup.authenticator().state());
    }

    @Test
    void aTokenGivenInPlaceOfItsFileIsNotLogged() throws Exception {
        Logger log = Logger.getLogger(StartupUnlock.class.getName());
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            StartupUnlock startup = StartupUnlock.take(config(session(), account.token()));
            assertEquals(TokenAuthenticator.State.LOCKED, startup.authenticator().state());
        } finally {
            log.removeHandler(capture);
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains("scim.token.file") && line.contains("cannot be read")), logged.toString());
        assertTrue(logged.stream().noneMatch(line -> line.contains(BearerToken.PREFIX)), logged.toString());
    }

    @Test
    void withoutAScimsessionItIsUnavailable() throws Exception {
        StartupUnlock.begin(config(null, tokenFile(account.token())));
        StartupUnlock startup = StartupUnlock.take(config(null, null));
        assertEquals(TokenAuthenticator.State.UNAVAILABLE, startup.authenticator().state());
    }

    @Test
    void theExtensionIsRegisteredForTheContainer() {
        // CDI finds portable extensions through META-INF/services; without the entry nothing begins early.
        assertEquals(List.of(StartupUnlockExtension.class), ServiceLoader.load(Extension.class).stream()
                .map(ServiceLoader.Provider::type).filter(t -> t.getPackageName().startsWith("dev.scimbridge")).toList());
    }

    @Test
    void scimConfigReadsItsDefaults() {
        ScimConfig config = new ScimConfig(new MapConfig(Map.of("scim.session", "  ", "scim.token.file", " /run/token ")));
        assertEquals(Optional.empty(), config.session());
        assertEquals(Optional.of("/run/token"), config.tokenFile());
        assertEquals(Duration.ofSeconds(1), config.backoffInitial());
        assertEquals(Duration.ofSeconds(30), config.backoffMax());
        ScimConfig set = new ScimConfig(new MapConfig(Map.of("scim.auth.backoff.initial", "PT2S", "scim.auth.backoff.max", "PT1M")));
        assertEquals(Duration.ofSeconds(2), set.backoffInitial());
        assertEquals(Duration.ofMinutes(1), set.backoffMax());
    }

    private String session() throws Exception {
        Path file = dir.resolve("scimsession");
        Files.writeString(file, ScimSessionJson.write(account.session()));
        return file.toString();
    }

    private String tokenFile(String token) throws Exception {
        Path file = Files.createTempFile(dir, "token", "");
        Files.writeString(file, token + "\n");
        return file.toString();
    }

    private static ScimConfig config(String session, String tokenFile) {
        Map<String, String> values = new java.util.HashMap<>();
        if (session != null) {
            values.put("scim.session", session);
        }
        if (tokenFile != null) {
            values.put("scim.token.file", tokenFile);
        }
        return new ScimConfig(new MapConfig(values));
    }

    /** A MicroProfile Config over a map, converting to String and Duration as the runtime would. */
    private record MapConfig(Map<String, String> values) implements Config {
        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            String v = values.get(name);
            if (v == null || v.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(type.cast(type == Duration.class ? Duration.parse(v) : v));
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
