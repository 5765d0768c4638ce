package org.liuhua.kit.time;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param zone the city's time zone: every day, month, quarter and deadline boundary is cut in it
 */
@ConfigurationProperties("liuhua")
public record CityProperties(ZoneId zone) {

    public CityProperties {
        zone = zone == null ? CityCalendar.DEFAULT_ZONE : zone;
    }
}
