package org.liuhua.kit.security;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The service's token check with {@link VerifiedTokens} in front: a token that passed is answered from memory until
 * it expires; any other string goes to the check (Spring Boot's decoder: signature, issuer, audience, expiry).
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder check;
    private final VerifiedTokens<Jwt> verified;

    public CachingJwtDecoder(JwtDecoder check, Clock clock) {
        this.check = check;
        this.verified = new VerifiedTokens<>(VerifiedTokens.DEFAULT_CAPACITY, clock, Jwt::getExpiresAt);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        return jwt != null ? jwt : verified.put(token, check.decode(token));
    }

    /** Puts the cache in front of whatever {@link JwtDecoder} bean the service has. */
    static BeanPostProcessor inFrontOfTheDecoder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        ? new CachingJwtDecoder(decoder, Clock.systemUTC()) : bean;
            }
        };
    }
}
