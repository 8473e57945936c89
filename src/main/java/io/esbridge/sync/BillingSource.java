package io.esbridge.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.datasource.init.ScriptException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The billing database the sync reads, opened by the first use (a sync), not at start: an installation that only
 * imports files has no billing database (nor the sample's scripts), and its {@code import}, {@code serve} and the
 * rest must run all the same. A failed opening is not kept: the next sync tries again, so a billing database that was
 * down at 02:00 is read by the next trigger without a restart.
 * <p>
 * Deliberately not a {@link DataSource} bean: one would stand beside (or replace) the state store's auto-configured
 * data source, which Flyway, Quartz and every store rely on.
 */
public class BillingSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BillingSource.class);

    private static final Pattern FAILED_STATEMENT = Pattern.compile("(statement #\\d+ of .+?): ");

    private final SyncProperties.Source settings;
    private HikariDataSource dataSource;
    private NamedParameterJdbcTemplate jdbc;
    /** Why the last opening failed, until one succeeds; for the health component. */
    private volatile String failure;

    public BillingSource(SyncProperties.Source settings) {
        this.settings = settings;
    }

    public String name() {
        return settings.name();
    }

    /**
     * Opens the database now, unless it is open: connects, and loads the init scripts into a database without tables.
     *
     * @throws BillingSourceUnavailableException saying which setting to look at
     */
    public synchronized void open() {
        if (dataSource != null) {
            return;
        }
        try {
            HikariDataSource opened = connect();
            try {
                if (!settings.initScripts().isEmpty()) {
                    initialiseIfEmpty(opened);
                }
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            dataSource = opened;
            jdbc = new NamedParameterJdbcTemplate(opened);
            failure = null;
        } catch (BillingSourceUnavailableException e) {
            failure = e.getMessage();
            throw e;
        }
    }

    /** Opens the database on first use; see {@link #open()}. */
    public synchronized NamedParameterJdbcTemplate jdbc() {
        open();
        return jdbc;
    }

    /** For tests and the benchmark, which change billing rows as a billing system would; opens on first use. */
    public synchronized DataSource dataSource() {
        open();
        return dataSource;
    }

    /**
     * The database for camel-sql (route {@code sync-phase-read}), once a sync has opened it ({@link #open()}, the
     * first step of every sync). The route is built at start, and whatever it asks of its data source then must not
     * open this database (see the class comment): until a sync opened it, any use fails with that sentence instead.
     */
    public DataSource forRoutes() {
        return new DelegatingDataSource() {
            @Override
            protected DataSource obtainTargetDataSource() {
                return ifOpen().orElseThrow(() -> new IllegalStateException(
                        "the billing database " + name() + " is opened by a sync, not before"));
            }

            @Override
            public void afterPropertiesSet() {
                // nothing to check at start: the target exists only once a sync opened it
            }
        };
    }

    /** The database if a sync opened it, without opening it (the health component must not be what opens it). */
    public synchronized Optional<DataSource> ifOpen() {
        return Optional.ofNullable(dataSource);
    }

    /** Why the last opening failed, the one sentence; empty when none failed or one succeeded since. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private HikariDataSource connect() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("billing-" + settings.name());
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxConnections());
        // a sync only reads; PostgreSQL streams a result set (fetch size honoured) only outside auto-commit
        config.setReadOnly(true);
        config.setAutoCommit(false);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            // the cause's own message, not Hikari's: Hikari's may quote the URL, and a JDBC URL may carry a password
            throw new BillingSourceUnavailableException(
                    "cannot connect to the billing database (the settings"
                            + " es.sync.source.url, username and password): " + rootMessage(e),
                    e);
        }
    }

    /** Loads the scripts (the sample billing database) into a database that has no table yet, never twice. */
    private void initialiseIfEmpty(HikariDataSource opened) {
        try (Connection connection = opened.getConnection()) {
            connection.setReadOnly(false);
            if (hasTables(connection)) {
                return;
            }
            checkScriptsReadable();
            ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
            settings.initScripts().forEach(script -> populator.addScript(new FileSystemResource(Path.of(script))));
            populator.setSqlScriptEncoding("UTF-8");
            try {
                populator.populate(connection);
            } catch (ScriptException e) {
                // which statement, not its text nor the driver's message: both quote the row, and rows hold passwords
                throw new BillingSourceUnavailableException(
                        "the setting es.sync.source.init-scripts is wrong:"
                                + " loading " + settings.initScripts() + " into the billing database failed at "
                                + failedStatement(e),
                        null);
            }
            connection.commit();
            LOG.info("Billing database {} loaded from {}", settings.name(), settings.initScripts());
        } catch (SQLException e) {
            throw new BillingSourceUnavailableException(
                    "cannot connect to the billing database (the settings"
                            + " es.sync.source.url, username and password): " + rootMessage(e),
                    e);
        }
    }

    /**
     * Every script checked before the first runs: a schema loaded without its data would leave tables, and a
     * database with tables is never loaded again.
     */
    private void checkScriptsReadable() {
        for (String script : settings.initScripts()) {
            Path file = Path.of(script).toAbsolutePath();
            if (!Files.isReadable(file)) {
                throw new BillingSourceUnavailableException(
                        "the setting es.sync.source.init-scripts is wrong: "
                                + file + (Files.exists(file) ? " cannot be read" : " does not exist") + " (the scripts"
                                + " load the sample billing database; for your own, set es.sync.source.url and"
                                + " es.sync.source.init-scripts=[])",
                        null);
            }
        }
    }

    /** "statement #3 of file [...] (SQL state 42S02)", from Spring's message without the statement after it. */
    private static String failedStatement(ScriptException e) {
        Matcher where = FAILED_STATEMENT.matcher(String.valueOf(e.getMessage()));
        String statement = where.find() ? where.group(1) : "a statement";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return statement + " (SQL state " + sql.getSQLState() + ")";
            }
        }
        return statement;
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (ResultSet tables = connection
                .getMetaData()
                .getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public synchronized void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
