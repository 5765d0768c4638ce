package org.liuhua.reporting.cockpit.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.liuhua.reporting.cockpit.CockpitProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the cockpit page: {@code /cockpit/} is {@code static/cockpit/index.html}; {@code /cockpit/vendor/echarts/…}
 * is the ECharts webjar bundled into the jar (nothing is loaded from the internet); every {@code /cockpit/**}
 * answer carries a Content-Security-Policy that allows scripts from this origin only and connections to this
 * origin and the Keycloak the page logs in with.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CockpitProperties.class)
class CockpitWebConfiguration implements WebMvcConfigurer {

    static final String ECHARTS_VERSION = webjarVersion("echarts");
    /** Boot's token issuer (the kit fills it from LIUHUA_SECURITY_ISSUER). */
    static final String TOKEN_ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/cockpit", "/cockpit/");
        registry.addViewController("/cockpit/").setViewName("forward:/cockpit/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/cockpit/vendor/echarts/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/")
                .setCacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)));
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> cockpitContentSecurityPolicy(CockpitProperties properties,
                                                                              Environment environment) {
        String realm = CockpitProperties.origin(properties.issuerOr(environment.getProperty(TOKEN_ISSUER)));
        String policy = String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                // ECharts and the page set element styles; no inline script is allowed
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self' " + realm,
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self' " + realm,
                "frame-ancestors 'none'");
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", policy);
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setHeader("X-Content-Type-Options", "nosniff");
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/cockpit/*", "/cockpit");
        registration.setName("cockpitContentSecurityPolicy");
        return registration;
    }

    private static String webjarVersion(String name) {
        String path = "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        try (InputStream in = CockpitWebConfiguration.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the " + name + " webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
