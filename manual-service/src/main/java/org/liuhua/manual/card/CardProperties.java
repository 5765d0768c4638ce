package org.liuhua.manual.card;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicBaseUrl where phones reach the platform (the gateway): a printed card's QR code opens
 *                      {@code <publicBaseUrl>/m/cards/{id}}
 */
@ConfigurationProperties("liuhua.manual.cards")
public record CardProperties(String publicBaseUrl) {

    public CardProperties {
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl.replaceAll("/+$", "");
    }
}
