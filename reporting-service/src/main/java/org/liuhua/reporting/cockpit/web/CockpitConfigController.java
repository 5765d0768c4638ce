package org.liuhua.reporting.cockpit.web;

import org.liuhua.reporting.cockpit.CockpitProperties;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /cockpit/config.json} (open, like the page itself): where the page logs in and what it shows in its
 * header. Holds no secret: the client is public and proves itself with PKCE.
 */
@RestController
class CockpitConfigController {

    /** The page's settings; {@code nightlyReload} as {@code HH:mm} in the wall screen's local time. */
    record CockpitConfig(String issuer, String clientId, String cityName, String nightlyReload, String apiBase,
                         String streamPath) {
    }

    private final CockpitProperties properties;
    private final String issuer;

    CockpitConfigController(CockpitProperties properties, Environment environment) {
        this.properties = properties;
        this.issuer = properties.issuerOr(environment.getProperty(CockpitWebConfiguration.TOKEN_ISSUER));
    }

    @GetMapping("/cockpit/config.json")
    ResponseEntity<CockpitConfig> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(new CockpitConfig(issuer, properties.clientId(), properties.cityName(),
                        properties.nightlyReload().toString(), "/api/v1", "/api/v1/cockpit/stream"));
    }
}
