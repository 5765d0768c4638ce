package org.liuhua.platform.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;

import org.liuhua.platform.Platform;
import org.liuhua.platform.keycloak.Tokens;

/**
 * Loads the demo city once, on the platform's first start (a marker in the data folder remembers it), through the
 * services' own APIs with the seeding client's token (role CITY_ADMIN).
 */
public final class DemoData {

    static final String MARKER = "demo-data-loaded";
    public static final long SEED = 20261122L;

    private DemoData() {
    }

    public static void loadOnFirstStart(Platform platform) throws IOException {
        Path marker = platform.dataDir().resolve(MARKER);
        if (Files.exists(marker) || "false".equalsIgnoreCase(System.getenv("LIUHUA_DEMO_DATA"))) {
            return;
        }
        String tokenUrl = platform.identity().tokenUrl();
        Supplier<String> seeder = Tokens.cachedClientCredentials(tokenUrl, "liuhua-seeder",
                System.getenv().getOrDefault("LIUHUA_SEEDER_SECRET", "liuhua-seeder-secret"));
        DemoApi api = new DemoApi(platform.gatewayUrl(), platform.directRoutes(), seeder);
        DemoApi reviewer = new DemoApi(platform.gatewayUrl(), platform.directRoutes(),
                Tokens.cachedPassword(tokenUrl, "liuhua-cli", "city-admin", "liuhua"));
        DemoApi firm = new DemoApi(platform.gatewayUrl(), platform.directRoutes(),
                Tokens.cachedClientCredentials(tokenUrl, "demo-firm", "demo-firm-secret"));
        long started = System.nanoTime();
        System.out.println("[liuhua] loading the demo city (first start) …");
        DemoCity.Summary summary = new DemoCity(SEED).load(api, reviewer, firm);
        DemoStaffing.load(platform, api);
        DemoPosts.load(api);
        DemoSources.load(platform, seeder);
        DemoFirms.load(platform, api, firm);
        // handbooks and training come after the city they refer to; a failure there is reported, not fatal
        try {
            System.out.println("[liuhua] " + new DemoManual(SEED).load(api, new DemoApi(platform.gatewayUrl(),
                    platform.directRoutes(), Tokens.cachedPassword(tokenUrl, "liuhua-cli", "enterprise-officer",
                    "liuhua"))));
        } catch (RuntimeException e) {
            System.out.println("[liuhua] WARNING: demo handbooks not loaded completely: " + e);
        }
        try {
            DemoTraining.load(platform, seeder);
        } catch (RuntimeException e) {
            System.out.println("[liuhua] WARNING: demo training records not loaded completely: " + e);
        }
        DemoRegister.load(platform, seeder);
        Files.writeString(marker, Instant.now() + " " + summary + "\n");
        System.out.printf("[liuhua] demo city loaded in %.0f s: %s%n", (System.nanoTime() - started) / 1e9, summary);
    }
}
