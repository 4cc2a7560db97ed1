package dev.scimbridge.service;

import java.util.logging.Logger;

import dev.scimbridge.config.ScimConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * A portable extension (Jakarta CDI 4.0 §11.5.1, {@code BeforeBeanDiscovery}) that begins the
 * scimsession's start-up unlock before bean discovery, so the key derivation runs beside the container's
 * deployment work instead of after it (docs/operations.md, Start-up time). Registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}. If it cannot begin, the credential
 * service does the same work when the application starts.
 */
public class StartupUnlockExtension implements Extension {
    private static final Logger LOG = Logger.getLogger(StartupUnlockExtension.class.getName());

    void begin(@Observes BeforeBeanDiscovery event) {
        try {
            StartupUnlock.begin(ScimConfig.current(StartupUnlockExtension.class.getClassLoader()));
        } catch (RuntimeException e) {
            LOG.warning("The scimsession is loaded when the application starts instead of early ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
