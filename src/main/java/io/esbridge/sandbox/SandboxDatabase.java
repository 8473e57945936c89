package io.esbridge.sandbox;

import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox's own H2 database. Deliberately not a Spring DataSource bean: one would switch off the auto-configured
 * primary DataSource, which is es-bridge's state store.
 */
final class SandboxDatabase implements AutoCloseable {

    private final JdbcConnectionPool pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SandboxDatabase(String url) {
        pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(64);
        new ResourceDatabasePopulator(new ClassPathResource("sandbox/schema.sql")).execute(pool);
        jdbc = JdbcClient.create(pool);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    TransactionTemplate transactions() {
        return transactions;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
