package io.esbridge.reliability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * es-bridge with its sandbox Enterprise Server over real HTTP and a state store in memory, retries short (one
 * redelivery after 10 ms) so that a bad record fails fast. One set of settings for the reliability tests that need
 * nothing else, so Spring starts one application for all of them: each must find its records by its own run id or
 * name prefix, never by counting a whole table or the server's users. The settings are those of
 * {@code sandboxed.properties}, which the provisioning engine tests name too: one context serves both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:sandboxed.properties")
@interface SandboxedImportTest {}
