package org.liuhua.kit.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What every service's OpenAPI document says about where and how it is called.
 *
 * @param serverUrl the public URL clients call (the gateway), the document's only {@code servers} entry (default
 *                  {@code http://localhost:8080}, the local platform's gateway); never the service's own address
 */
@ConfigurationProperties("liuhua.openapi")
public record ApiDocsProperties(String serverUrl) {

    public ApiDocsProperties {
        serverUrl = serverUrl == null || serverUrl.isBlank() ? "http://localhost:8080" : serverUrl.strip();
    }
}
