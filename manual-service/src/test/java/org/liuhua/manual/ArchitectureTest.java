package org.liuhua.manual;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.ArchitectureRules;

class ArchitectureTest {

    @Test
    void followsTheLayout() {
        ArchitectureRules.verify("org.liuhua.manual");
    }
}
