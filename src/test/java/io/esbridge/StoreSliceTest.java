package io.esbridge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;

import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.state.LinkStore;

/**
 * A slice of the state store for a test of its SQL: the Flyway migrations on an embedded H2 and the stores, no server,
 * no routes; each test rolled back. Every store test uses this one set, so Spring builds the slice once for all of
 * them (a store test importing only its own store would be a context of its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JdbcTest
@Import({LinkStore.class, DeadLetterStore.class})
public @interface StoreSliceTest {}
