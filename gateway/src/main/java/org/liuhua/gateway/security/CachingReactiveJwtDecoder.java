package org.liuhua.gateway.security;

import java.time.Clock;

import org.liuhua.kit.security.VerifiedTokens;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway's token check with {@link VerifiedTokens} in front, as the services have it (service-kit's
 * CachingJwtDecoder): a token that passed is answered from memory until it expires; any other string is checked.
 */
public final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder check;
    private final VerifiedTokens<Jwt> verified;

    public CachingReactiveJwtDecoder(ReactiveJwtDecoder check, Clock clock) {
        this.check = check;
        this.verified = new VerifiedTokens<>(VerifiedTokens.DEFAULT_CAPACITY, clock, Jwt::getExpiresAt);
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        return jwt != null ? Mono.just(jwt) : check.decode(token).map(checked -> verified.put(token, checked));
    }

    static BeanPostProcessor inFrontOfTheDecoder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof CachingReactiveJwtDecoder)
                        ? new CachingReactiveJwtDecoder(decoder, Clock.systemUTC()) : bean;
            }
        };
    }
}
