package org.liuhua.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * One operation of a service's OpenAPI document (method and path template), with its parameters, its JSON request
 * body schema (if any) and its declared answers; references are resolved by swagger-parser.
 */
record ApiOperation(String service, String method, String path, List<Parameter> parameters,
                    Schema<?> body, boolean bodyRequired, String bodyMediaType, Set<String> declaredStatuses,
                    Map<String, Schema<?>> okSchemas, List<String> roles) {

    /** The document's extension naming the roles that may call an operation (the kit's ApiDocsConfiguration). */
    static final String ROLES = "x-liuhua-roles";

    /**
     * Whether the document says which roles may call the operation and this one is not among them: such a role
     * gets 403 for any request, before anything about the request is checked. Without the extension every role
     * counts as one that may call the operation (a 403 then comes from the object's scope).
     */
    boolean forbids(String role) {
        return !roles.isEmpty() && !roles.contains(role.toUpperCase().replace('-', '_'));
    }

    /** A body carrying a file (a property of format binary): sent as multipart/form-data, whatever else is listed. */
    boolean uploads() {
        Schema<?> schema = Inputs.effective(body);
        return bodyMediaType != null && (bodyMediaType.contains("multipart") || schema != null
                && schema.getProperties() != null && schema.getProperties().values().stream()
                .anyMatch(p -> "binary".equals(p.getFormat())));
    }

    /** The names of the file properties of the body ({@code file} when the document names none). */
    List<String> fileParts() {
        Schema<?> schema = Inputs.effective(body);
        List<String> parts = schema == null || schema.getProperties() == null ? List.of()
                : schema.getProperties().entrySet().stream().filter(p -> "binary".equals(p.getValue().getFormat()))
                .map(Map.Entry::getKey).toList();
        return parts.isEmpty() ? List.of("file") : parts;
    }

    String label() {
        return method + " " + path;
    }

    boolean writes() {
        return !method.equals("GET");
    }

    boolean isList() {
        return method.equals("GET") && parameters.stream().anyMatch(p -> p.getName().equals("size"))
                && parameters.stream().anyMatch(p -> p.getName().equals("sort"));
    }

    boolean declares(int status) {
        return declaredStatuses.contains(String.valueOf(status)) || declaredStatuses.contains(status / 100 + "XX")
                || declaredStatuses.contains("default");
    }

    /** Parses one service's document and lists its operations under {@code /api/}. */
    static List<ApiOperation> parse(String service, String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            throw new IllegalStateException(service + ": the OpenAPI document does not parse: " + result.getMessages());
        }
        List<ApiOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) ->
                    operations.add(of(service, method, path, item, operation)));
        });
        return operations;
    }

    private static ApiOperation of(String service, PathItem.HttpMethod method, String path, PathItem item,
                                   Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        Schema<?> body = null;
        String mediaType = null;
        boolean bodyRequired = false;
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            for (Map.Entry<String, MediaType> media : operation.getRequestBody().getContent().entrySet()) {
                if (body == null || media.getKey().contains("json")) {
                    body = media.getValue().getSchema();
                    mediaType = media.getKey();
                }
            }
            bodyRequired = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
        }
        Set<String> statuses = operation.getResponses() == null ? Set.of() : operation.getResponses().keySet();
        Map<String, Schema<?>> okSchemas = new java.util.HashMap<>();
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getContent() != null) {
                    response.getContent().forEach((type, media) -> {
                        if (type.contains("json") && media.getSchema() != null) {
                            okSchemas.put(status, media.getSchema());
                        }
                    });
                }
            });
        }
        List<String> roles = operation.getExtensions() != null
                && operation.getExtensions().get(ROLES) instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        return new ApiOperation(service, method.name(), path, parameters, body, bodyRequired, mediaType,
                Set.copyOf(statuses), okSchemas, roles);
    }
}
