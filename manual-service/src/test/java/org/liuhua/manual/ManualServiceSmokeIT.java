package org.liuhua.manual;

import org.liuhua.kit.test.ServiceTestSupport;
import org.liuhua.kit.test.SharedDefaultsContract;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** manual-service has no domain features yet; it still runs with every default the platform promises. */
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
