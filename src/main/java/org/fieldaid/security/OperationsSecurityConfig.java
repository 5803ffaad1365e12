package org.fieldaid.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Actuator, for operators only (decision 031): an account with METRICS:READ over HTTP Basic (a Prometheus server
 * scrapes that way), or a caller from one of {@code fieldaid.operations.allowed-addresses}. Only health and the
 * Prometheus scrape are exposed at all (application.properties); everything else under /actuator is not there.
 *
 * <p>The password is checked by the same {@link LoginGate} as the login page, so wrong passwords count towards the
 * lockout and are audited. A successful scrape is not audited: it reads counts every few seconds, and an audit row
 * for each would drown the log. No session is made for it.
 */
@Configuration
class OperationsSecurityConfig {

    static final String ACTUATOR = "/actuator/**";
    /** What operators read; the same two endpoints are the only ones exposed (application.properties). */
    static final List<String> SERVED = List.of("/actuator/health", "/actuator/health/**", "/actuator/prometheus");

    @Bean
    @Order(1)
    SecurityFilterChain operationsFilterChain(HttpSecurity http, LoginGate loginGate,
                                              @Value("${fieldaid.operations.allowed-addresses:}") String allowed)
            throws Exception {
        List<RequestMatcher> addresses = allowedAddresses(allowed);
        RequestMatcher served = new OrRequestMatcher(SERVED.stream()
                .<RequestMatcher>map(PathPatternRequestMatcher::pathPattern).toList());
        http.securityMatcher(ACTUATOR)
                .authorizeHttpRequests(auth -> {
                    if (!addresses.isEmpty()) {
                        auth.requestMatchers(new AndRequestMatcher(served, new OrRequestMatcher(addresses)))
                                .permitAll();
                    }
                    auth.requestMatchers(served).hasAuthority(Authority.METRICS_READ.code());
                    // anything else under /actuator is refused here, before Spring MVC could hand it to Vaadin
                    auth.anyRequest().denyAll();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(OperationsSecurityConfig::askForPassword))
                // answered here with a status alone: the servlet's error page would be Vaadin's, which sends anyone
                // it does not know to the login page (302) instead of telling a scraper 401 or 403
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(OperationsSecurityConfig::askForPassword)
                        .accessDeniedHandler((request, response, denied) ->
                                response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                // its own manager, without the event publisher: no LOGIN audit row for every scrape
                .authenticationManager(new ProviderManager(loginGate))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // read-only GETs without a session or cookie: nothing for a forged request to ride on
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    private static void askForPassword(HttpServletRequest request, HttpServletResponse response,
                                       AuthenticationException refused) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"FieldAid operations\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }

    /** @param allowed comma-separated addresses or CIDR ranges, IPv4 or IPv6 */
    static List<RequestMatcher> allowedAddresses(String allowed) {
        return Arrays.stream(allowed.split(","))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .<RequestMatcher>map(IpAddressMatcher::new)
                .toList();
    }
}
