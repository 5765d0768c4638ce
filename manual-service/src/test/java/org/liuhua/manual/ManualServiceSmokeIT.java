package org.liuhua.manual;

import org.liuhua.kit.test.ServiceTestSupport;
import org.liuhua.kit.test.SharedDefaultsContract;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** manual-service runs with every default the platform promises (without starter content: none is on its class path here). */
class ManualServiceSmokeIT extends SharedDefaultsContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "manual-it");
    }

    @Override
    protected String applicationName() {
        return "manual-service";
    }
}
