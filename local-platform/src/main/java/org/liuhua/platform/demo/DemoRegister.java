package org.liuhua.platform.demo;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import org.liuhua.platform.Platform;
import org.liuhua.platform.keycloak.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The register's life after registration (G-2), through grid-service's public API: a few establishments closed
 * (关闭/注销, kept with their history), and the demo enterprise officer's proposed updates of its own facts — one
 * approved by the 锦丰镇 town officer, one awaiting review. The rental factory's landlord/tenant pair comes from
 * {@link DemoTraining}; the links are kept in step by grid-service.
 */
final class DemoRegister {

    /** The demo enterprise officer's establishment (deploy/keycloak). */
    static final String OFFICER_ESTABLISHMENT = "est-jinfeng-0001";
    private static final String[] REASONS = {"企业停产关闭，营业执照已注销", "厂房拆迁，企业迁出本镇", "经营期满不再续租，已歇业"};

    private DemoRegister() {
    }

    /** Loads the register demo; a failure is reported and leaves the rest of the demo city in place. */
    static void load(Platform platform, Supplier<String> seederToken) {
        String tokenUrl = platform.identity().tokenUrl();
        DemoApi api = new DemoApi(platform.gatewayUrl(), platform.directRoutes(), seederToken);
        DemoApi enterprise = new DemoApi(platform.gatewayUrl(), platform.directRoutes(),
                Tokens.cachedPassword(tokenUrl, "liuhua-cli", "enterprise-officer", "liuhua"));
        DemoApi town = new DemoApi(platform.gatewayUrl(), platform.directRoutes(),
                Tokens.cachedPassword(tokenUrl, "liuhua-cli", "town-officer", "liuhua"));
        int closed = closeSome(api);
        proposals(enterprise, town);
        System.out.printf("[liuhua] demo register: %d establishments closed, 2 enterprise updates proposed%n",
                closed);
    }

    /** The last establishments of three towns (none a landlord, none the demo enterprise) close. */
    private static int closeSome(DemoApi api) {
        int closed = 0;
        for (int t = 0; t < 3 && t < DemoCity.TOWNS.size(); t++) {
            JsonNode page = api.get("/api/v1/establishments?townId=" + DemoCity.TOWNS.get(t).id()
                    + "&status=ACTIVE&sort=id,desc&size=10");
            for (JsonNode e : page.get("items")) {
                String id = e.get("id").asString();
                if (e.get("tenantIds").isEmpty() && !OFFICER_ESTABLISHMENT.equals(id)) {
                    api.post("/api/v1/establishments/" + id + "/close", Map.of("closedOn",
                            LocalDate.now().minusDays(20L + 7 * t).toString(), "reason", REASONS[t]));
                    closed++;
                    break;
                }
            }
        }
        return closed;
    }

    /** One update approved by the town (a new workshop and its staff), one awaiting review. */
    private static void proposals(DemoApi enterprise, DemoApi town) {
        JsonNode own = enterprise.get("/api/v1/establishments/" + OFFICER_ESTABLISHMENT);
        int employees = own.get("employeeCount").asInt();
        int workshops = own.get("workshops").asInt();
        JsonNode first = enterprise.post("/api/v1/establishments/" + OFFICER_ESTABLISHMENT + "/update-proposals",
                Map.of("employeeCount", employees + 8, "workshops", workshops + 1,
                        "note", "新增包装车间，招聘一线员工8人（已签订劳动合同）"));
        town.post("/api/v1/establishments/update-proposals/" + first.get("id").asString() + "/approve",
                Map.of("reason", "已现场核实新车间及人员花名册"));
        enterprise.post("/api/v1/establishments/" + OFFICER_ESTABLISHMENT + "/update-proposals",
                Map.of("employeeCount", employees + 5, "note", "季节性减员3人"));
    }
}
