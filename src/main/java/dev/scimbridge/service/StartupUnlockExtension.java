package dev.scimbridge.service;

import dev.scimbridge.config.ScimConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A portable extension (Jakarta CDI 4.0 §11.5.1, {@code BeforeBeanDiscovery}) that begins the
 * scimsession's start-up unlock before bean discovery, so the key derivation runs beside the container's
 * deployment work instead of after it (docs/operations.md, Start-up time). Registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class StartupUnlockExtension implements Extension {

    void begin(@Observes BeforeBeanDiscovery event) {
        StartupUnlock.begin(new ScimConfig(ConfigProvider.getConfig(StartupUnlockExtension.class.getClassLoader())));
    }
}
