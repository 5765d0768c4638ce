package org.liuhua.gateway.routes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes exist only for endpoints that exist, and every endpoint is routed (OWASP API9, inventory): every path
 * pattern of every service route in the gateway's {@code application.yml} must match at least one path a controller
 * of that service declares, and every path a service's controllers declare must be matched by one of its routes,
 * except the few that are deliberately internal. The controller paths are read from the services' sources (class
 * and method {@code @RequestMapping}/{@code @GetMapping}/… annotations), so this cannot drift from the code.
 */
class RoutesMatchControllersTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final PathPatternParser PARSER = new PathPatternParser();
    private static final Pattern SERVICE_URI = Pattern.compile("\\$\\{([A-Z]+)_SERVICE_URI");
    private static final Pattern MAPPING = Pattern.compile(
            "@(Request|Get|Post|Put|Patch|Delete)Mapping(\\s*\\(([^)]*)\\))?");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    /** Controller paths no route leads to, on purpose. */
    private static final Map<String, String> INTERNAL = Map.of(
            "/api/v1/admin/**", "operators' rebuild of read models: called on the service inside the cluster only");

    @Test
    void everyRoutedPathLeadsToAControllerAndEveryControllerPathIsRouted() throws IOException {
        Map<String, List<String>> routes = routesByService();
        assertThat(routes).containsOnlyKeys("grid-service", "hazard-service", "training-service", "manual-service",
                "reporting-service");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> service : routes.entrySet()) {
            Set<String> paths = controllerPaths(service.getKey());
            assertThat(paths).as(service.getKey() + " controller paths").isNotEmpty();
            for (String route : service.getValue()) {
                PathPattern pattern = PARSER.parse(route);
                if (paths.stream().noneMatch(path -> pattern.matches(PathContainer.parsePath(path)))) {
                    problems.add(service.getKey() + ": route " + route + " leads to no endpoint");
                }
            }
            for (String path : paths) {
                boolean routed = service.getValue().stream()
                        .anyMatch(route -> PARSER.parse(route).matches(PathContainer.parsePath(path)));
                boolean internal = path.equals("/error") || INTERNAL.keySet().stream()
                        .anyMatch(route -> PARSER.parse(route).matches(PathContainer.parsePath(path)));
                if (!routed && !internal) {
                    problems.add(service.getKey() + ": endpoint " + path + " is not routed");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theSourceReaderFindsClassAndMethodMappings() throws IOException {
        Set<String> grid = controllerPaths("grid-service");
        assertThat(grid).contains("/api/v1/patrols/sync", "/api/v1/patrols/{id}/findings", "/api/v1/towns");
        assertThat(controllerPaths("hazard-service")).contains("/api/v1/hazards/{id}/evidence");
    }

    /** service → the Path patterns of its routes (the API-docs routes aside, which are the gateway's own). */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> routesByService() throws IOException {
        Map<String, Object> yaml;
        try (InputStream in = Files.newInputStream(REPO.resolve("gateway/src/main/resources/application.yml"))) {
            yaml = new Yaml().load(in);
        }
        Map<String, Object> webflux = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) yaml.get("spring")).get("cloud")).get("gateway"))
                .get("server")).get("webflux");
        Map<String, List<String>> byService = new LinkedHashMap<>();
        for (Map<String, Object> route : (List<Map<String, Object>>) webflux.get("routes")) {
            Matcher uri = SERVICE_URI.matcher(String.valueOf(route.get("uri")));
            assertThat(uri.find()).as("route " + route.get("id") + " targets a service").isTrue();
            String service = uri.group(1).toLowerCase(java.util.Locale.ROOT) + "-service";
            for (Object predicate : (List<Object>) route.get("predicates")) {
                String text = String.valueOf(predicate);
                if (text.startsWith("Path=") && !text.startsWith("Path=/api-docs/")) {
                    for (String pattern : text.substring("Path=".length()).split(",")) {
                        byService.computeIfAbsent(service, s -> new ArrayList<>()).add(pattern.trim());
                    }
                }
            }
        }
        return byService;
    }

    /** Every request path a service's controllers declare: class-level prefix × method-level paths. */
    static Set<String> controllerPaths(String service) throws IOException {
        Set<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.walk(REPO.resolve(service).resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("@RestController") && !source.contains("@Controller")) {
                    continue;
                }
                int classAt = indexOfClass(source);
                List<String> prefixes = List.of("");
                List<String> methods = new ArrayList<>();
                Matcher m = MAPPING.matcher(source);
                while (m.find()) {
                    List<String> values = values(m.group(3));
                    if (m.start() < classAt) {
                        if (m.group(1).equals("Request")) {
                            prefixes = values.isEmpty() ? List.of("") : values;
                        }
                    } else {
                        methods.addAll(values.isEmpty() ? List.of("") : values);
                    }
                }
                for (String prefix : prefixes) {
                    for (String method : methods) {
                        String path = (prefix + (method.isEmpty() || method.startsWith("/") ? method : "/" + method))
                                .replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                        paths.add(path.isEmpty() ? "/" : path);
                    }
                }
            }
        }
        return paths;
    }

    private static int indexOfClass(String source) {
        Matcher declaration = Pattern.compile("\\n(public |final |abstract )*(class|record|interface) ").matcher(source);
        return declaration.find() ? declaration.start() : 0;
    }

    /** The path literals of an annotation's arguments ({@code "/x"}, {@code {"/a","/b"}}, {@code path = "/x"}). */
    private static List<String> values(String arguments) {
        List<String> values = new ArrayList<>();
        if (arguments == null) {
            return values;
        }
        String paths = arguments;
        Matcher named = Pattern.compile("(value|path)\\s*=\\s*(\\{[^}]*}|\"[^\"]*\")").matcher(arguments);
        if (named.find()) {
            paths = named.group(2);
        } else if (arguments.contains("=") && !arguments.trim().startsWith("\"") && !arguments.trim().startsWith("{")) {
            return values;
        } else {
            int firstNamed = arguments.indexOf('=');
            if (firstNamed >= 0) {
                paths = arguments.substring(0, arguments.lastIndexOf(',', firstNamed) < 0 ? firstNamed
                        : arguments.lastIndexOf(',', firstNamed));
            }
        }
        Matcher literal = LITERAL.matcher(paths);
        while (literal.find()) {
            values.add(literal.group(1));
        }
        return values;
    }
}
