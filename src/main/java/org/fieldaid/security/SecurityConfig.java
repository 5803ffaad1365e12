package org.fieldaid.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import org.fieldaid.security.ui.LoginView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(LockoutPolicy.class)
class SecurityConfig {

    /**
     * What the browser may load and run. Vaadin's client engine starts from an inline script and runs the
     * expressions the server sends as functions, hence 'unsafe-inline' and 'unsafe-eval' for scripts; its
     * components set inline styles. Everything else comes from this server only, and no other site may frame it.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry,
                                           OpenSessions openSessions, JdbcTemplate jdbc,
                                           ObjectProvider<SecurityContextHolderStrategy> holder) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/app.css", "/images/**").permitAll());
        http.headers(SecurityConfig::securityHeaders);
        // A new session id at every login (no fixation), and every session known to the registry, so that an
        // administrator's change to an account ends that account's sessions at their next request.
        http.sessionManagement(sessions -> sessions
                .sessionFixation(fixation -> fixation.changeSessionId())
                .maximumSessions(-1)
                .sessionRegistry(sessionRegistry)
                .expiredSessionStrategy(openSessions));
        // an administrator's change to an account, on this node or another, is read from the database at each
        // request and ends the session through the registry (decision 034)
        http.addFilterBefore(new AccessEpochFilter(jdbc, sessionRegistry,
                holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)), ConcurrentSessionFilter.class);
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                // A signed-in person who types an address that is no page reaches Vaadin, which shows the error
                // view in the layout instead of an empty 403; anybody else is still sent to the login page.
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        return http.build();
    }

    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                // By default the header writer adds the headers when the response commits. Vaadin's pages reach
                // the Vaadin servlet through Spring MVC's named forward, and their responses came out without
                // any of them (only Spring Security's own redirects had them). Written before the request goes
                // on, they reach every response; Vaadin still sets its own Cache-Control where it serves a
                // cacheable static resource.
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                });
    }

    /** Authorities are {@code RESOURCE:ACTION}; no {@code ROLE_} prefix, also not for {@code @RolesAllowed}. */
    @Bean
    static GrantedAuthorityDefaults grantedAuthorityDefaults() {
        return new GrantedAuthorityDefaults("");
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends, so that it forgets it. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
