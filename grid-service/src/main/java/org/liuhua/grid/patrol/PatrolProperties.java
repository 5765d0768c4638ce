package org.liuhua.grid.patrol;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of patrols ({@code liuhua.grid.patrols.*}).
 *
 * @param photoWait how long a sync or a finding waits for a photo id it names that grid-service has not heard of yet
 *                  (hazard-service's {@code evidence-uploaded} event follows the upload by moments; apps upload and
 *                  sync right away) before it refuses it: 3 s
 */
@ConfigurationProperties("liuhua.grid.patrols")
public record PatrolProperties(Duration photoWait) {

    public PatrolProperties {
        photoWait = photoWait == null || photoWait.isNegative() ? Duration.ofSeconds(3) : photoWait;
    }
}
