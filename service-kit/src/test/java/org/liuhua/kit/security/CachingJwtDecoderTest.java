package org.liuhua.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestTokens;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The check runs once per token that passes; a token that failed is checked (and refused) every time. */
class CachingJwtDecoderTest {

    private final NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(TestTokens.jwkSetUri()).build();
    private final AtomicInteger checks = new AtomicInteger();
    private final JwtDecoder counting = token -> {
        checks.incrementAndGet();
        return nimbus.decode(token);
    };
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(counting, Clock.systemUTC());

    @Test
    void aValidTokenIsCheckedOnceAndAnsweredFromMemoryUntilItExpires() {
        String token = TestTokens.user("inspector", Roles.INSPECTOR);
        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);
        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(checks).hasValue(1);
        decoder.decode(TestTokens.user("town-officer", Roles.TOWN_OFFICER));
        assertThat(checks).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndAnExpiredOneIsNeverAnswered() {
        String foreign = TestTokens.signedByOtherKey(c -> c.subject("intruder"));
        assertThatThrownBy(() -> decoder.decode(foreign)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(foreign)).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);

        // a day later every test token has expired: the check still answers (it has its own clock), the cache never
        CachingJwtDecoder tomorrow = new CachingJwtDecoder(counting,
                Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(1)));
        String token = TestTokens.user("inspector", Roles.INSPECTOR);
        tomorrow.decode(token);
        tomorrow.decode(token);
        assertThat(checks).as("an expired answer is not kept").hasValue(4);
    }
}
