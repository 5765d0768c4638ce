package org.liuhua.e2e.fuzz;

import org.junit.jupiter.api.Test;
import org.liuhua.e2e.DemoFixture;
import org.liuhua.e2e.RunningPlatform;

/**
 * Issue 13, deliverable 12: every operation of every service's OpenAPI document fuzzed through the gateway of the
 * one platform of this JVM, with real Keycloak tokens of six demo roles ({@link ApiFuzzer} says what is generated
 * and checked). The operation count per service and in total, and every finding, are printed.
 */
class ApiFuzzE2EIT {

    @Test
    void everyOperationOfEveryServiceAnswersWithinItsContract() {
        DemoFixture.ensure();
        new ApiFuzzer(RunningPlatform.gateway(),
                role -> RunningPlatform.gatewayAs(RunningPlatform.userToken(role)),
                service -> RunningPlatform.get().service(service).logFile()).run();
    }
}
