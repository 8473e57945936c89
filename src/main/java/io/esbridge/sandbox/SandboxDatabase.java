package io.esbridge.sandbox;

import java.util.List;
import java.util.Locale;

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

    /**
     * Columns that sandbox files made before the panel's column sizes were enforced (ColumnSizes) declared with a
     * size of their own, some smaller than the real server's (a package name of 255, ntext columns of 4000): they
     * lose it, so that only the real server's sizes apply.
     */
    private static final List<String> SIZED_BEFORE = List.of(
            "es_users.password",
            "es_users.first_name",
            "es_users.last_name",
            "es_users.email",
            "es_users.secondary_email",
            "es_users.address",
            "es_users.city",
            "es_users.state",
            "es_users.country",
            "es_users.zip",
            "es_users.primary_phone",
            "es_users.secondary_phone",
            "es_users.fax",
            "es_users.instant_messenger",
            "es_users.company_name",
            "es_users.subscriber_number",
            "es_users.comments",
            "es_user_notes.note",
            "es_plans.plan_name",
            "es_plans.plan_description",
            "es_packages.package_name",
            "es_packages.package_comments",
            "es_package_addons.comments");
    /** The length of an H2 VARCHAR declared without one. */
    private static final long UNSIZED = 1_000_000_000L;

    private final JdbcConnectionPool pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SandboxDatabase(String url) {
        pool = JdbcConnectionPool.create(withQueryCache(url), "sa", "");
        pool.setMaxConnections(64);
        new ResourceDatabasePopulator(new ClassPathResource("sandbox/schema.sql")).execute(pool);
        jdbc = JdbcClient.create(pool);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        unsizeOlderColumns();
    }

    /**
     * H2 keeps the parsed form of 8 statements per connection by default; one AddPackage runs more different ones than
     * that, so without a larger cache the sandbox parsed SQL on most calls (a tenth of its CPU under load).
     */
    private static String withQueryCache(String url) {
        return url.toUpperCase(Locale.ROOT).contains(";QUERY_CACHE_SIZE=") ? url : url + ";QUERY_CACHE_SIZE=128";
    }

    private void unsizeOlderColumns() {
        for (String tableColumn : SIZED_BEFORE) {
            String table = tableColumn.substring(0, tableColumn.indexOf('.'));
            String column = tableColumn.substring(table.length() + 1);
            Long size = jdbc.sql("SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA ="
                            + " SCHEMA() AND TABLE_NAME = ? AND COLUMN_NAME = ?")
                    .param(table.toUpperCase(Locale.ROOT))
                    .param(column.toUpperCase(Locale.ROOT))
                    .query(Long.class)
                    .optional()
                    .orElse(UNSIZED);
            if (size < UNSIZED) {
                jdbc.sql("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DATA TYPE VARCHAR")
                        .update();
            }
        }
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
