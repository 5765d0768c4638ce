package org.liuhua.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A service checks a token once and keeps it; each caller is still who their own token says. */
class VerifiedTokensIT extends KitIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JwtDecoder decoder;

    @Test
    void theServicesTokenCheckKeepsWhatPassedAndStillRefusesWhatDoesNot() {
        assertThat(decoder).isInstanceOf(CachingJwtDecoder.class);
        TestHttp anonymous = new TestHttp("http://127.0.0.1:" + port);
        String officer = TestTokens.user("town-officer-7", Roles.TOWN_OFFICER);
        String inspector = TestTokens.user("inspector-3", Roles.INSPECTOR);
        for (int i = 0; i < 3; i++) {
            assertThat(anonymous.as(officer).get("/api/v1/parcels/p-1").json().path("caller").asString())
                    .isEqualTo("town-officer-7");
            assertThat(anonymous.as(inspector).get("/api/v1/parcels/p-1").json().path("caller").asString())
                    .isEqualTo("inspector-3");
        }
        assertThat(anonymous.as(TestTokens.signedByOtherKey(c -> c.subject("town-officer-7")))
                .get("/api/v1/parcels/p-1").status()).isEqualTo(401);
        String tampered = officer.substring(0, officer.lastIndexOf('.') + 1) + "AAAA";
        assertThat(anonymous.as(tampered).get("/api/v1/parcels/p-1").status()).isEqualTo(401);
    }
}
