package org.liuhua.training;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.ArchitectureRules;

/** The platform's architecture rules over training-service's main classes. */
class ArchitectureTest {

    @Test
    void followsThePlatformArchitecture() {
        ArchitectureRules.verify("org.liuhua.training");
    }
}
