package io.esbridge.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The billing database, and Quartz's JDBC job store made to fit the state store's database. */
@Configuration
public class SyncConfiguration {

    static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";

    @Bean(destroyMethod = "close")
    BillingSource billingSource(SyncProperties properties) {
        return new BillingSource(properties.source());
    }

    /**
     * Quartz reads its BYTEA job data on PostgreSQL only through its PostgreSQL delegate; the state store's database
     * decides, unless {@code spring.quartz.properties.org.quartz.jobStore.driverDelegateClass} says otherwise.
     */
    @Bean
    SchedulerFactoryBeanCustomizer quartzDelegateForStateStore(QuartzProperties quartz, DataSource dataSource) {
        return factory -> {
            if (quartz.getProperties().containsKey(DELEGATE)) {
                return;
            }
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.put(
                    DELEGATE,
                    isPostgres(dataSource)
                            ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                            : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            factory.setQuartzProperties(properties);
        };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the state store's database", e);
        }
    }
}
