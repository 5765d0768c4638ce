package org.liuhua.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s/base/keycloak/realm-import.yaml is generated from the realm kept as code, deploy/keycloak/
 * liuhua-realm.json, for a production realm: without the demo users, without the demo clients (those with a password
 * grant or a secret written in the file, see docs/security.md) and with the cockpit's address as the placeholder
 * ${LIUHUA_PUBLIC_URL} (filled per overlay from the Secret liuhua-realm-placeholders). When the realm file changes,
 * this test fails until the import is regenerated:
 * {@code ./mvnw -B -o -q -pl deploy-check -am verify -Dkit.skipTests=true -Dtest=RealmImportTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dliuhua.realm.regenerate=true}.
 */
class RealmImportTest {

    static final Path REALM = Repo.DEPLOY.resolve("keycloak/liuhua-realm.json");
    static final Path IMPORT = Repo.K8S.resolve("base/keycloak/realm-import.yaml");
    static final String LOCAL_URL = "http://localhost:8080";
    static final String PUBLIC_URL = "${LIUHUA_PUBLIC_URL}";

    @SuppressWarnings("unchecked")
    static Map<String, Object> generate() throws IOException {
        Map<String, Object> realm = new ObjectMapper().readValue(REALM.toFile(), LinkedHashMap.class);
        realm.remove("users");
        realm.put("sslRequired", "external");
        List<Object> clients = new ArrayList<>();
        for (Object c : (List<Object>) realm.getOrDefault("clients", List.of())) {
            Map<String, Object> client = (Map<String, Object>) c;
            boolean demo = Boolean.TRUE.equals(client.get("directAccessGrantsEnabled")) || client.get("secret") != null;
            if (!demo) {
                clients.add(client);
            }
        }
        realm.put("clients", clients);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "liuhua-realm");
        metadata.put("labels", new LinkedHashMap<>(Map.of("app.kubernetes.io/part-of", "liuhua")));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", "liuhua-keycloak");
        spec.put("placeholders", Map.of("LIUHUA_PUBLIC_URL",
                Map.of("secret", Map.of("name", "liuhua-realm-placeholders", "key", "public-url"))));
        spec.put("realm", replace(realm));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.put("metadata", metadata);
        resource.put("spec", spec);
        return resource;
    }

    private static Object replace(Object value) {
        if (value instanceof String s) {
            return s.replace(LOCAL_URL, PUBLIC_URL);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, replace(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(RealmImportTest::replace).toList());
        }
        return value;
    }

    @Test
    void theRealmImportIsGeneratedFromTheRealmKeptAsCode() throws IOException {
        Map<String, Object> expected = generate();
        if (Boolean.getBoolean("liuhua.realm.regenerate")) {
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            options.setWidth(120);
            options.setSplitLines(false);
            String header = "# GENERATED from deploy/keycloak/liuhua-realm.json by deploy-check's RealmImportTest "
                    + "(-Dliuhua.realm.regenerate=true);\n# do not edit. The production realm: no demo users or demo "
                    + "clients; the cockpit's address from the\n# Secret liuhua-realm-placeholders. The operator "
                    + "imports it once, when the realm does not exist yet.\n";
            Files.writeString(IMPORT, header + new Yaml(options).dump(expected));
        }
        assertThat(Files.exists(IMPORT)).as(IMPORT + " (regenerate: see the class comment)").isTrue();
        Object committed = Kustomize.yaml().load(Files.readString(IMPORT));
        assertThat(committed).as(IMPORT + " is stale: regenerate it (see RealmImportTest)").isEqualTo(expected);
    }

    @Test
    void theProductionRealmHasNoDemoIdentities() throws IOException {
        Map<String, Object> realm = Rendered.at(generate(), "spec", "realm");
        assertThat(realm).doesNotContainKey("users");
        assertThat(Repo.read(IMPORT)).doesNotContain("demo-firm-secret", "demo-sensors-secret", "liuhua-seeder-secret",
                "\"liuhua\"", "localhost");
    }
}
