package io.esbridge.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.esbridge.RequiredParts;

/**
 * The test MariaDB ({@code .ci/mariadb-start}): a fresh database {@code whmcs_<random>} per use, into which the sync
 * loads the sample WHMCS database (es.sync.source.init-scripts). {@code ES_TEST_MARIADB_HOST} ({@code host:port}),
 * {@code ES_TEST_MARIADB_USER} and {@code ES_TEST_MARIADB_PASSWORD} point the tests elsewhere.
 */
final class WhmcsMariaDb {

    static final String HOST = System.getenv().getOrDefault("ES_TEST_MARIADB_HOST", "127.0.0.1:3306");
    static final String USER = System.getenv().getOrDefault("ES_TEST_MARIADB_USER", "esbridge");
    static final String PASSWORD = System.getenv().getOrDefault("ES_TEST_MARIADB_PASSWORD", "esbridge");
    /** As config/application-whmcs.yml reads it: TIMESTAMP columns in UTC, whatever the server's zone. */
    static final String SESSION = "sessionVariables=time_zone='+00:00'";

    private WhmcsMariaDb() {}

    /** A new empty database, by MariaDB Connector/J's URL. */
    static String create() {
        String database =
                "whmcs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database + " character set utf8 collate utf8_unicode_ci");
        } catch (Exception e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return database;
    }

    static String mariadbUrl(String database) {
        return "jdbc:mariadb://" + HOST + "/" + database + "?" + SESSION;
    }

    /** Null when MariaDB answers; otherwise why not, and what to run. */
    static String unreachable() {
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", PASSWORD);
        login.setProperty("connectTimeout", "5000");
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://" + HOST + "/", login)) {
            return connection.isValid(2) ? null : "MariaDB at " + HOST + " does not answer";
        } catch (Exception e) {
            return "MariaDB is not reachable at " + HOST + " as " + USER + " (" + e.getMessage()
                    + "): run .ci/mariadb-start (apt-get install mariadb-server)";
        }
    }

    /**
     * {@code @ExtendWith(WhmcsMariaDb.Required.class)}: RequiredParts' rule, decided before Spring loads the context
     * (whose {@code @DynamicPropertySource} creates the database): missing MariaDB fails under CI=true, skips
     * elsewhere.
     */
    static final class Required implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String unreachable = unreachable();
            if (unreachable == null) {
                return ConditionEvaluationResult.enabled("MariaDB answers");
            }
            if (RequiredParts.underCi()) {
                throw new IllegalStateException(
                        unreachable + " [CI=true: a missing part fails the test instead of skipping it]");
            }
            return ConditionEvaluationResult.disabled(unreachable + " [skipped: CI is not true]");
        }
    }
}
