package org.liuhua.training;

import org.liuhua.kit.test.ServiceTestSupport;
import org.liuhua.kit.test.SharedDefaultsContract;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** training-service has no domain features yet; it still runs with every default the platform promises. */
class TrainingServiceSmokeIT extends SharedDefaultsContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "training-it");
    }

    @Override
    protected String applicationName() {
        return "training-service";
    }
}
