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
 * give (400 always, 401 and 403 when a token is needed, 404 on paths with an id, 409, 413 and 422 on writes, 429);
 * the optional {@code Idempotency-Key} header on POST, PUT and PATCH; and properties that may be null marked as such
 * and not required (only {@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty} and primitive properties are
 * required). Paging is described by {@link PageQuery} itself ({@code page}, {@code size}, {@code sort}).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

    public static final String BEARER = "bearer-jwt";
    public static final String PROBLEM = "Problem";
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
                    v31));
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation, boolean isPublic,
                                 boolean v31) {
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
        if (path.contains("{")) {
            problems.put("404", "no such object, or not in the caller's scope");
        }
        if (write || method == PathItem.HttpMethod.DELETE) {
            problems.put("409", "not allowed in the object's current state, changed concurrently, or the first "
                    + "request with this Idempotency-Key is still in progress");
        }
        if (operation.getRequestBody() != null) {
            problems.put("413", "the request body is too large");
        }
        if (write) {
            problems.put("422", "the Idempotency-Key was already used for a different request");
        }
        problems.put("429", "too many requests; retry after the Retry-After header's seconds");
        problems.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                        .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>()
                                .$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
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
