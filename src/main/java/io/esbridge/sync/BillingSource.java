package io.esbridge.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The billing database the sync reads. Deliberately not a {@link DataSource} bean: one would stand beside (or
 * replace) the state store's auto-configured data source, which Flyway, Quartz and every store rely on.
 */
public class BillingSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BillingSource.class);

    private final String name;
    private final HikariDataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;

    public BillingSource(SyncProperties.Source source) {
        this.name = source.name();
        HikariConfig config = new HikariConfig();
        config.setPoolName("billing-" + source.name());
        config.setJdbcUrl(source.url());
        config.setUsername(source.username());
        config.setPassword(source.password());
        config.setMaximumPoolSize(source.maxConnections());
        // a sync only reads; PostgreSQL streams a result set (fetch size honoured) only outside auto-commit
        config.setReadOnly(true);
        config.setAutoCommit(false);
        this.dataSource = new HikariDataSource(config);
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        if (!source.initScripts().isEmpty()) {
            initialiseIfEmpty(source);
        }
    }

    public String name() {
        return name;
    }

    public NamedParameterJdbcTemplate jdbc() {
        return jdbc;
    }

    /** For tests and the benchmark, which change billing rows as a billing system would. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Loads the scripts (the sample billing database) into a database that has no table yet, never twice. */
    private void initialiseIfEmpty(SyncProperties.Source source) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(false);
            if (hasTables(connection)) {
                return;
            }
            ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
            source.initScripts().forEach(script -> populator.addScript(new FileSystemResource(Path.of(script))));
            populator.setSqlScriptEncoding("UTF-8");
            populator.populate(connection);
            connection.commit();
            LOG.info("Billing database {} loaded from {}", source.url(), source.initScripts());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load " + source.initScripts() + " into " + source.url(), e);
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                "%", new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
