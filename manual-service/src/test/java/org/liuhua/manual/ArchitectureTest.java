package org.liuhua.manual;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.ArchitectureRules;

/** Package by feature, adapters → application → domain, a plain-Java domain, no cycles between features. */
class ArchitectureTest {

    @Test
    void followsTheServiceArchitecture() {
        ArchitectureRules.verify("org.liuhua.manual");
    }
}
