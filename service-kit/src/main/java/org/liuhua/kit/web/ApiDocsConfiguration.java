package org.liuhua.kit.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.liuhua.kit.idempotency.IdempotencyFilter;
import org.liuhua.kit.security.SecurityProperties;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes every service's OpenAPI document say what the service really does, once for all (ADR 10): the gateway as the
 * one server ({@code liuhua.openapi.server-url}); the bearer JWT scheme on every operation except the public paths
 * ({@code liuhua.security.public-paths}); the kit's problem+json answers ({@code Problem} schema) each operation can
 * give (400 always, 401 and 403 when a token is needed, 404 on paths with an id, 406 when it answers with a body,
 * 408, 413 and 415 when it reads one, 409 and 422 on writes, 429 and 503 always), and the problem schema for the
 * error answers a service declares itself ({@code @ApiResponse(responseCode = "404", description = ...)}); the roles
 * that may call an operation ({@value #ROLES}, from a {@code @PreAuthorize} of {@code hasRole}/{@code hasAnyRole}
 * only); the bounds of a date ({@value #DATE_BOUND}: {@code future}, {@code future-or-present}, {@code past},
 * {@code past-or-present}, from the kit's {@link DateBound} or Bean Validation's {@code @Future}, ... on the
 * property);
 * the optional {@code Idempotency-Key} header on POST, PUT and PATCH; and properties that may be null marked as such
 * and not required (only {@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty} and primitive properties are
 * required). Paging is described by {@link PageQuery} itself ({@code page}, {@code size}, {@code sort}).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

    public static final String BEARER = "bearer-jwt";
    public static final String PROBLEM = "Problem";
    /** The extension listing the roles that may call an operation (any other role gets 403 before any 400). */
    public static final String ROLES = "x-liuhua-roles";
    /** The extension saying on which side of today a date property must lie. */
    public static final String DATE_BOUND = "x-liuhua-date-bound";
    private static final Map<String, String> DATE_BOUNDS = Map.of("Future", "future", "FutureOrPresent",
            "future-or-present", "Past", "past", "PastOrPresent", "past-or-present");
    private static final java.util.regex.Pattern ROLE_RULE = java.util.regex.Pattern.compile(
            "\\s*has(Any)?Role\\(([^)]*)\\)\\s*(or\\s+has(Any)?Role\\(([^)]*)\\)\\s*)*");
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'([A-Z_]+)'");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> REQUIRING = Set.of("NotNull", "NotBlank", "NotEmpty");
    private static final Set<String> PRIMITIVES = Set.of("int", "long", "boolean", "double", "float", "short",
            "byte", "char");

    /** The gateway's URL, whatever address the document was fetched from. */
    @Bean
    ServerBaseUrlCustomizer gatewayServerUrl(ApiDocsProperties properties) {
        return (url, request) -> properties.serverUrl();
    }

    /** A property that may be null says so, and only a property that may not is required. */
    @Bean
    PropertyCustomizer nullableProperties() {
        return (property, type) -> {
            if (property != null && type.getCtxAnnotations() != null) {
                for (Annotation annotation : type.getCtxAnnotations()) {
                    String bound = annotation instanceof DateBound side ? side.value().extension()
                            : DATE_BOUNDS.get(annotation.annotationType().getSimpleName());
                    if (bound != null) {
                        property.addExtension(DATE_BOUND, bound);
                    }
                }
            }
            if (property == null || property.get$ref() != null || isRequired(type)) {
                return property;
            }
            if (property.getTypes() != null && !property.getTypes().isEmpty()) {
                property.addType("null");
            } else if (property.getSpecVersion() == SpecVersion.V31 && property.getType() != null) {
                property.addType(property.getType());
                property.addType("null");
            } else {
                property.setNullable(true);
            }
            return property;
        };
    }

    /**
     * A POST that answers with a {@code ResponseEntity} creates (201, usually with {@code Location}) or finds what
     * exists (200): both are documented with the same body.
     */
    @Bean
    org.springdoc.core.customizers.OperationCustomizer createdAnswers() {
        return (operation, handler) -> {
            boolean post = org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(
                    handler.getMethod(), org.springframework.web.bind.annotation.PostMapping.class);
            boolean entity = org.springframework.http.ResponseEntity.class
                    .isAssignableFrom(handler.getMethod().getReturnType());
            ApiResponses responses = operation.getResponses();
            if (post && entity && responses != null && responses.containsKey("200")
                    && !responses.containsKey("201")) {
                ApiResponse ok = responses.get("200");
                responses.addApiResponse("201", new ApiResponse().description("created")
                        .content(ok.getContent()));
            }
            return operation;
        };
    }

    /**
     * The roles that may call an operation, from its {@code @PreAuthorize} (on the method, else on the class; also
     * through a meta-annotation) when that names roles only: {@value #ROLES} and a line in the description.
     */
    @Bean
    org.springdoc.core.customizers.OperationCustomizer rolesOfOperations() {
        return (operation, handler) -> {
            List<String> roles = roles(handler);
            if (!roles.isEmpty()) {
                operation.addExtension(ROLES, roles);
                String line = "Roles: " + String.join(", ", roles) + ".";
                operation.setDescription(operation.getDescription() == null || operation.getDescription().isBlank()
                        ? line : operation.getDescription() + "\n\n" + line);
            }
            return operation;
        };
    }

    /** The roles a handler's {@code @PreAuthorize} allows, or none when it says more than roles (or is absent). */
    static List<String> roles(org.springframework.web.method.HandlerMethod handler) {
        org.springframework.security.access.prepost.PreAuthorize rule = org.springframework.core.annotation
                .AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                        org.springframework.security.access.prepost.PreAuthorize.class);
        if (rule == null) {
            rule = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(
                    handler.getBeanType(), org.springframework.security.access.prepost.PreAuthorize.class);
        }
        if (rule == null || !ROLE_RULE.matcher(rule.value()).matches()) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        java.util.regex.Matcher quoted = QUOTED.matcher(rule.value());
        while (quoted.find()) {
            if (!roles.contains(quoted.group(1))) {
                roles.add(quoted.group(1));
            }
        }
        return roles;
    }

    @Bean
    GlobalOpenApiCustomizer kitApiDocs(SecurityProperties security, ApiDocsProperties properties) {
        List<PathPattern> open = security.publicPaths().stream().map(PathPatternParser.defaultInstance::parse)
                .toList();
        return api -> customise(api, open, properties);
    }

    static void customise(OpenAPI api, List<PathPattern> open, ApiDocsProperties properties) {
        boolean v31 = api.getSpecVersion() == SpecVersion.V31;
        api.setServers(new ArrayList<>(List.of(new Server().url(properties.serverUrl())
                .description("the API gateway"))));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("an access token of the city's identity provider (Keycloak)"));
        components.addSchemas(PROBLEM, problemSchema(v31));
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ApiDocsConfiguration::dropNullableFromRequired);
        }
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            boolean isPublic = open.stream().anyMatch(p -> p.matches(PathContainer.parsePath(path)));
            item.readOperationsMap().forEach((method, operation) -> document(path, method, operation, isPublic,
                    v31, namesObjects(operation, components)));
        });
    }

    /**
     * Whether a request names another object besides its path: a query parameter or a top-level body property
     * called {@code …Id} or {@code …Ids} (an establishment, a staff member), which the service looks up and answers
     * 404 for when it does not exist or lies outside the caller's scope.
     */
    @SuppressWarnings("rawtypes")
    static boolean namesObjects(Operation operation, Components components) {
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "query".equals(p.getIn()) && isReference(p.getName()))) {
            return true;
        }
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return false;
        }
        for (MediaType media : operation.getRequestBody().getContent().values()) {
            Schema<?> schema = media.getSchema();
            if (schema != null && schema.get$ref() != null && components.getSchemas() != null) {
                schema = components.getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/')
                        + 1));
            }
            Map<String, Schema> properties = schema == null ? null : schema.getProperties();
            if (properties != null && properties.keySet().stream().anyMatch(ApiDocsConfiguration::isReference)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReference(String name) {
        return name.length() > 2 && (name.endsWith("Id") || name.endsWith("Ids"));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation, boolean isPublic,
                                 boolean v31, boolean namesObjects) {
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        if (!isPublic && (operation.getSecurity() == null || operation.getSecurity().isEmpty())) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
        if (isPublic) {
            operation.setSecurity(new ArrayList<>());
        }
        if (write && (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(p -> IdempotencyFilter.HEADER.equalsIgnoreCase(p.getName())))) {
            operation.addParametersItem(new Parameter().in("header").name(IdempotencyFilter.HEADER).required(false)
                    .description("a key of your choice (a UUID) that makes a retry of this request safe: a repeat "
                            + "with the same key and body answers the first answer again (header "
                            + IdempotencyFilter.REPLAYED + ": true)")
                    .schema(typed(new Schema<>(), "string", v31).maxLength(200)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "invalid input: errors[] names each field or parameter");
        if (!isPublic) {
            problems.put("401", "no valid bearer token");
            problems.put("403", "the caller's role may not do this");
        }
        if (path.contains("{") || namesObjects) {
            problems.put("404", "no such object (also one the request names), or not in the caller's scope");
        }
        if (write || method == PathItem.HttpMethod.DELETE) {
            problems.put("409", "not allowed in the object's current state, changed concurrently, or the first "
                    + "request with this Idempotency-Key is still in progress");
        }
        boolean answersWithBody = responses.entrySet().stream().anyMatch(r -> r.getKey().startsWith("2")
                && r.getValue().getContent() != null && !r.getValue().getContent().isEmpty());
        if (answersWithBody) {
            problems.put("406", "the Accept header names no media type this operation answers with");
        }
        if (operation.getRequestBody() != null) {
            problems.put("408", "the request body did not arrive in time");
            problems.put("413", "the request body is too large");
            problems.put("415", "the request body's Content-Type is not one this operation reads");
        }
        if (write) {
            problems.put("422", "the Idempotency-Key was already used for a different request");
        }
        problems.put("429", "too many requests; retry after the Retry-After header's seconds");
        problems.put("503", "the service or its store is briefly unavailable; retry after the Retry-After header's "
                + "seconds");
        problems.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description)
                        .content(problemContent()));
            }
        });
        // an error answer a service declared itself (a 404 for an unknown reference in the body, ...) is a problem too
        responses.forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && (response.getContent() == null
                    || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.setContent(problemContent());
            }
        });
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>()
                .$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void dropNullableFromRequired(Schema<?> schema) {
        if (schema.getRequired() == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = new ArrayList<>(schema.getRequired());
        required.removeIf(name -> {
            Schema property = schema.getProperties().get(name);
            return property != null && (Boolean.TRUE.equals(property.getNullable())
                    || property.getTypes() != null && property.getTypes().contains("null"));
        });
        schema.setRequired(required.isEmpty() ? null : required);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema(boolean v31) {
        Schema error = typed(new Schema<>(), "object", v31)
                .addProperty("field", typed(new Schema<>(), "string", v31))
                .addProperty("message", typed(new Schema<>(), "string", v31));
        error.setRequired(List.of("field", "message"));
        Schema problem = typed(new Schema<>(), "object", v31)
                .description("RFC 9457 problem details, the one shape of every error answer")
                .addProperty("type", typed(new Schema<>(), "string", v31).format("uri"))
                .addProperty("title", typed(new Schema<>(), "string", v31))
                .addProperty("status", typed(new Schema<>(), "integer", v31).format("int32"))
                .addProperty("detail", typed(new Schema<>(), "string", v31))
                .addProperty("instance", typed(new Schema<>(), "string", v31))
                .addProperty("traceId", typed(new Schema<>(), "string", v31))
                .addProperty("errors", typed(new Schema<>(), "array", v31).items(error));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }

    private static <T> Schema<T> typed(Schema<T> schema, String type, boolean v31) {
        schema.setType(type);
        if (v31) {
            schema.addType(type);
        }
        return schema;
    }

    private static boolean isRequired(AnnotatedType type) {
        Type javaType = type.getType();
        String name = javaType instanceof Class<?> c ? c.getName() : String.valueOf(javaType);
        for (String primitive : PRIMITIVES) {
            if (name.equals(primitive) || name.endsWith(" " + primitive + "]")) {
                return true;
            }
        }
        Annotation[] annotations = type.getCtxAnnotations();
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (REQUIRING.contains(annotation.annotationType().getSimpleName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
