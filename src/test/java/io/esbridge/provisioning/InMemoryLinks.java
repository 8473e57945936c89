package io.esbridge.provisioning;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.esbridge.state.LinkStore;

/**
 * The real state store on an H2 database in memory, built with the application's Flyway migrations and no Spring
 * context: a provisioner's unit test reads and writes links with the same SQL the application does. The database is
 * migrated once per JVM (migrating it for every test would cost more than the test) and emptied for each test, which
 * holds while the unit tests of a JVM run one after another, as surefire runs them.
 */
final class InMemoryLinks {

    private static JdbcTemplate jdbc;

    private InMemoryLinks() {}

    /** The store, with no link in it. */
    static synchronized LinkStore store() {
        if (jdbc == null) {
            DriverManagerDataSource db =
                    new DriverManagerDataSource("jdbc:h2:mem:provisioner-unit-tests;DB_CLOSE_DELAY=-1", "sa", "");
            Flyway.configure().dataSource(db).load().migrate();
            jdbc = new JdbcTemplate(db);
        }
        jdbc.update("delete from es_link");
        return new LinkStore(jdbc);
    }
}
