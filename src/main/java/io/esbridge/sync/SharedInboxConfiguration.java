package io.esbridge.sync;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Inboxes on storage shared by several instances: the read lock of {@code routes/feeds-inbox.yaml}
 * ({@code readLock: idempotent-changed}) takes each file in this repository, in the state store's database, so that
 * exactly one instance reads it; in memory, every instance would take it.
 */
@Configuration
public class SharedInboxConfiguration {

    /** The processor name under which the inboxes' read locks are kept in {@code CAMEL_MESSAGEPROCESSED}. */
    static final String INBOX_LOCKS = "es-bridge-inbox-locks";

    @Bean
    HashedKeyRepository inboxReadLocks(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, INBOX_LOCKS);
        repository.setCreateTableIfNotExists(true);
        return new HashedKeyRepository(repository);
    }
}
