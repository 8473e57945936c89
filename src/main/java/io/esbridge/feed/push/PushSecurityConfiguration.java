package io.esbridge.feed.push;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import io.esbridge.feed.FeedProperties;

/**
 * Who may push feeds ({@code POST /api/feeds/{mapping}}) and read the run reports a push points at
 * ({@code GET /api/runs/{id}}): HTTP Basic against {@code es.feeds.push.username/password}, a billing system's
 * account of its own, not the console's. Stateless and without CSRF tokens (scripts, not browsers). Without a
 * configured password nobody may push: a push endpoint open by default would let anyone create panel users.
 * <p>
 * The account is this chain's own authentication manager, not a {@code UserDetailsService} bean: a second such bean
 * would make Spring Boot stop wiring the console's account into the other chains.
 */
@Configuration(proxyBeanMethods = false)
public class PushSecurityConfiguration {

    /** The realm of the push's 401 answers, distinct from the console's so a client knows which account is meant. */
    static final String CHALLENGE = "Basic realm=\"es-bridge feeds\", charset=\"UTF-8\"";

    @Bean
    @Order(0)
    SecurityFilterChain feedPush(HttpSecurity http, FeedProperties properties) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        AuthenticationEntryPoint challenge = (request, response, refused) -> {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        };
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/feeds/**"), paths.matcher("/api/runs/**")))
                .authenticationManager(pushAccount(properties.push()))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(challenge))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(challenge))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static AuthenticationManager pushAccount(FeedProperties.Push push) {
        if (push.password() == null || push.password().isEmpty()) {
            return authentication -> {
                throw new BadCredentialsException("no push password configured (es.feeds.push.password)");
            };
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        DaoAuthenticationProvider provider =
                new DaoAuthenticationProvider(new InMemoryUserDetailsManager(User.withUsername(push.username())
                        .password(encoder.encode(push.password()))
                        .roles("FEEDS")
                        .build()));
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }
}
