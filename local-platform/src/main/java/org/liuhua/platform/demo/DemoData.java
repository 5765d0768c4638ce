package org.liuhua.platform.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.liuhua.platform.Platform;
import org.liuhua.platform.keycloak.Tokens;

/**
 * Loads the demo city once, on the platform's first start (a marker in the data folder remembers it), through the
 * services' own APIs with the seeding client's token (role CITY_ADMIN). Its parts run concurrently where they do not
 * read or change each other's data; each logs its wall time, a failing one an ERROR.
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
        DemoApi enterprise = new DemoApi(platform.gatewayUrl(), platform.directRoutes(),
                Tokens.cachedPassword(tokenUrl, "liuhua-cli", "enterprise-officer", "liuhua"));
        long started = System.nanoTime();
        System.out.println("[liuhua] loading the demo city (first start) …");
        DemoCity city = new DemoCity(SEED);
        DemoManual manual = new DemoManual(SEED);
        AtomicReference<DemoCity.Summary> summary = new AtomicReference<>();
        List<String> failed;
        // each part once the parts it reads or changes have loaded, up to four at a time (see DemoParts)
        try (DemoParts parts = new DemoParts(4)) {
            var register = parts.essential("city register", () -> city.register(api));
            var hazards = parts.essential("city patrols and hazards",
                    () -> summary.set(city.patrolsAndHazards(api, reviewer, firm)), register);
            var staffing = parts.part("staffing", () -> DemoStaffing.load(platform, api), register);
            var handbooks = parts.part("handbooks", () -> {
                if (!manual.handbooks(api, enterprise)) {
                    throw new DemoApi.DemoLoadException("manual-service does not know the establishments");
                }
            }, register);
            // training adds a rental factory's tenants, which staffing's cluster lists must not see yet
            var training = parts.part("training", () -> DemoTraining.load(platform, seeder), staffing);
            // rewrites whole establishments (PUT): after the parts that bind their staff or link their tenants
            var posts = parts.part("posts", () -> DemoPosts.load(api), training);
            // these add hazards, which the closed loop of the city's hazards must not move
            var sources = parts.part("sources", () -> DemoSources.load(platform, seeder), hazards);
            var firms = parts.part("firms", () -> DemoFirms.load(platform, api, firm), hazards);
            var selfChecks = parts.part("self-checks", () -> System.out.println("[liuhua] " + manual.selfChecks(api)),
                    handbooks, hazards);
            // closes establishments and changes the demo enterprise's facts, which the others read
            parts.part("establishment changes", () -> DemoRegister.load(platform, seeder), posts, sources, firms,
                    selfChecks);
            parts.await();
            failed = parts.failures();
        }
        Files.writeString(marker, Instant.now() + " " + summary.get() + "\n");
        if (failed.isEmpty()) {
            System.out.printf("[liuhua] demo city loaded in %.0f s: %s%n", (System.nanoTime() - started) / 1e9,
                    summary.get());
        } else {
            System.out.printf("[liuhua] ERROR: demo city loaded in %.0f s without %s (see above): %s%n",
                    (System.nanoTime() - started) / 1e9, failed, summary.get());
        }
    }
}
