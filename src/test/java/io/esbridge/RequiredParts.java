package io.esbridge;

import java.util.Locale;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one rule for the parts outside the JVM that some tests need (PostgreSQL, PHP with its SOAP extension, Chromium
 * with chromedriver, Linux's process spaces): under {@code CI=true} (in any case) a missing part fails the test, with
 * what is missing and how to get it, so that a build machine that lacks it cannot pass by skipping the tests that
 * prove the most; elsewhere the test is skipped (a JUnit assumption), so that a developer without it can still build.
 */
public final class RequiredParts {

    private RequiredParts() {}

    /** Whether this is the CI build ({@code CI=true}, {@code CI=TRUE} ...), where nothing may be skipped. */
    public static boolean underCi() {
        String ci = System.getenv("CI");
        return ci != null && "true".equals(ci.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Returns when the part is {@code present}; otherwise fails the calling test under CI and skips it elsewhere.
     *
     * @param missing what is missing and how to get it, e.g. "php with the soap extension is not installed (apt-get
     *                install php-cli php-soap)"
     */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (underCi()) {
            throw new IllegalStateException(
                    missing + " [CI=true: a missing part fails the test instead of skipping" + " it]");
        }
        Assumptions.abort(missing + " [skipped: CI is not true]");
    }

    /**
     * The same rule as a condition on a test class, decided before the class's extensions run: a Spring test reads
     * its database in {@code @DynamicPropertySource} while loading the context, where an assumption surfaces as a
     * context-load error instead of a skip.
     */
    static ConditionEvaluationResult condition(boolean present, String missing) {
        if (present) {
            return ConditionEvaluationResult.enabled("present");
        }
        if (underCi()) {
            throw new IllegalStateException(
                    missing + " [CI=true: a missing part fails the test instead of skipping" + " it]");
        }
        return ConditionEvaluationResult.disabled(missing + " [skipped: CI is not true]");
    }

    /**
     * {@code @ExtendWith(RequiredParts.PostgreSql.class)}: the class needs the test PostgreSQL
     * ({@link PostgresSchemas}).
     */
    public static final class PostgreSql implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String unreachable = PostgresSchemas.unreachable();
            return condition(unreachable == null, unreachable);
        }
    }
}
