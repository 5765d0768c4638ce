package org.liuhua.reporting;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.ArchitectureRules;

class ArchitectureTest {

    @Test
    void followsTheLayout() {
        ArchitectureRules.verify("org.liuhua.reporting");
    }
}
