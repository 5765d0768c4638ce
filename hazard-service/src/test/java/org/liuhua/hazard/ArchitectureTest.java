package org.liuhua.hazard;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.ArchitectureRules;

/**
 * hazard-service keeps the one architecture of the services: features without cycles ({@code access}, {@code known},
 * {@code firm}, {@code loop}, {@code intake}, {@code publicreport}, {@code evidence}); in each, adapters ({@code web},
 * {@code messaging}) → application → {@code domain}, never back; the domain without web, Spring, MongoDB or Kafka.
 */
class ArchitectureTest {

    @Test
    void theServiceFollowsTheArchitectureRules() {
        ArchitectureRules.verify("org.liuhua.hazard");
    }
}
