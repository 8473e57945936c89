package io.esbridge.feed.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.springframework.web.filter.OncePerRequestFilter;

import io.esbridge.feed.FeedProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic authentication of the push endpoint against {@code es.feeds.push.username/password}, compared in
 * constant time. Without a configured password nobody may push.
 */
public class PushBasicAuthFilter extends OncePerRequestFilter {

    private final byte[] expected;

    public PushBasicAuthFilter(FeedProperties.Push push) {
        this.expected = push.password() == null || push.password().isEmpty() ? null
                : (push.username() + ":" + push.password()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (authenticated(request.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"es-bridge feeds\", charset=\"UTF-8\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    private boolean authenticated(String authorization) {
        if (expected == null || authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, expected);
    }
}
