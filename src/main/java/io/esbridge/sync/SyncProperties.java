package io.esbridge.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The nightly sync from a billing database ({@code es.sync.*}).
 *
 * @param scheduleEnabled   whether the Quartz schedule runs in this process (one-shot commands turn it off)
 * @param cron              when the scheduled sync runs (Quartz cron: seconds first)
 * @param scheduledMode     the mode of scheduled runs
 * @param source            the billing database
 * @param phases            what is read, in order: each phase waits until the previous one has every outcome, so a
 *                          customer exists before its services and a service before its add-ons, and a reseller's
 *                          space before its plans, and those before its customers' services
 * @param watermarkColumn   the column of every query that only grows when a row changes (timestamp or number)
 * @param watermarkType     how the watermark compares: TIMESTAMP or NUMBER
 * @param disappeared       what happens to customers and subscriptions that are no longer in billing (reconcile)
 * @param retryFailed       replay the open dead letters of earlier syncs at the start of every run
 * @param fetchSize         rows fetched per round trip from the billing database
 * @param parameters        further named parameters bound into every query beside :watermark (the WHMCS profile's
 *                          :servertype and :overlap_minutes), so that a shipped query is set, not edited
 */
@ConfigurationProperties("es.sync")
public record SyncProperties(
        @DefaultValue("true") boolean scheduleEnabled,
        @DefaultValue("0 0 2 * * ?") String cron,
        @DefaultValue("INCREMENTAL") SyncMode scheduledMode,
        @DefaultValue Source source,
        List<Phase> phases,
        @DefaultValue("updated_at") String watermarkColumn,
        @DefaultValue("TIMESTAMP") WatermarkType watermarkType,
        @DefaultValue("REPORT") DisappearedPolicy disappeared,
        @DefaultValue("true") boolean retryFailed,
        @DefaultValue("1000") int fetchSize,
        Map<String, String> parameters) {

    public SyncProperties {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        if (parameters.containsKey("watermark")) {
            throw new IllegalArgumentException(
                    "es.sync.parameters.watermark: the watermark is bound by the sync itself");
        }
        if (phases == null || phases.isEmpty()) {
            // each phase needs the one before: resellers (first in the customers' read) before their customers, a
            // reseller's space before its plans, the plans before the services of the reseller's customers
            phases = List.of(
                    new Phase("customers", Path.of("config/sync/customers.sql"), "billing-db-customers", "clients"),
                    new Phase(
                            "reseller-spaces",
                            Path.of("config/sync/reseller-spaces.sql"),
                            "billing-db-subscriptions",
                            "services"),
                    new Phase(
                            "reseller-plans",
                            Path.of("config/sync/reseller-plans.sql"),
                            "billing-db-plans",
                            "products"),
                    new Phase(
                            "subscriptions",
                            Path.of("config/sync/subscriptions.sql"),
                            "billing-db-subscriptions",
                            "services"),
                    new Phase("addons", Path.of("config/sync/addons.sql"), "billing-db-addons", "service_addons"));
        }
    }

    /**
     * The billing database: any JDBC URL whose driver is on the class path (H2 and PostgreSQL are).
     *
     * @param name        names the source in the watermark table, so that two billing databases keep their own
     * @param initScripts run once on a database that has no table yet (the sample database in memory)
     */
    public record Source(
            @DefaultValue("billing") String name,
            @DefaultValue("jdbc:h2:mem:billing;DB_CLOSE_DELAY=-1") String url,
            @DefaultValue("sa") String username,
            String password,
            List<String> initScripts,
            @DefaultValue("4") int maxConnections) {

        public Source {
            initScripts = initScripts == null ? List.of() : List.copyOf(initScripts);
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "Source[name=" + name + ", url=" + url + ", username=" + username + ", password=******]";
        }
    }

    /**
     * One query of the billing database and the mapping of its rows.
     *
     * @param name    names the phase in the run and the watermark table
     * @param query   a file holding one SELECT with a {@code :watermark} parameter
     * @param mapping the mapping ({@code config/mappings/<mapping>.yml}) of its rows
     * @param table   the table named in the rows' source ({@code table clients row bdb-1001})
     */
    public record Phase(String name, Path query, String mapping, String table) {}

    public enum WatermarkType {
        TIMESTAMP,
        NUMBER
    }
}
