package io.esbridge.console;

import java.util.Arrays;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may see the run console, the actuator, the replay API and the sync trigger. Each chain names the paths it covers
 * ({@code securityMatcher}); no chain matches anything else, so Spring Security leaves the paths with their own
 * authentication alone: the sandbox's SOAP services ({@code /es*.asmx}, HTTP Basic checked by the sandbox, POSTs
 * without CSRF tokens) and {@code /sandbox/**}. The feed push {@code /api/feeds/**}, with the run reports a push
 * points at ({@code /api/runs/**}), has a chain of its own with its own account
 * ({@code feed.push.PushSecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    /** Scripts and scrapers: HTTP Basic on every request, no session, so no CSRF token to carry. */
    @Bean
    @Order(1)
    SecurityFilterChain apiAndActuator(HttpSecurity http) throws Exception {
        return http.securityMatcher(paths(
                        "/api/replay", "/api/replay/**", "/api/sync", "/api/sync/**", "/actuator", "/actuator/**"))
                .authorizeHttpRequests(auth -> auth
                        // Load balancers probe health anonymously; details only when authenticated
                        // (management.endpoint.health.show-details=when-authorized).
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**"))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** People: a login form (HTTP Basic too), a session, CSRF tokens on every form. */
    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        return http.securityMatcher(paths("/console", "/console/**", "/login", "/logout"))
                .authorizeHttpRequests(auth -> auth.requestMatchers(paths("/console/console.css", "/login"))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console/runs", false))
                .httpBasic(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }

    /**
     * No observation of Spring Security's filter chains, authentications and authorizations: every request crosses
     * the filter chain, also the many SOAP calls of the sandbox which no chain secures, and timing each filter cost more
     * than the metrics are worth (the HTTP server metrics remain).
     */
    @Bean
    SecurityObservationSettings securityUnobserved() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    UserDetailsService consoleUser(ConsoleProperties properties) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(properties.username())
                .password(encoder.encode(ConsolePassword.resolve(properties)))
                .roles("OPERATOR")
                .build());
    }

    /**
     * Path patterns matched on the request path itself, not through Spring MVC: the application also runs servlets
     * that are not Spring MVC (the SOAP services), which Spring MVC matchers refuse to guess about.
     */
    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(
                Arrays.stream(patterns).map(builder::matcher).toArray(RequestMatcher[]::new));
    }
}
