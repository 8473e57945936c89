package io.esbridge.feed;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
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

    /**
     * Orphan-aware: an instance keeps its locks alive while it reads; the lock of an instance that died mid-file
     * expires after {@code es.feeds.read-lock-max-age}, and another instance takes the file.
     */
    @Bean
    HashedKeyRepository inboxReadLocks(DataSource dataSource, CamelContext camel, FeedProperties feeds) {
        long maxAge = feeds.readLockMaxAge().toMillis();
        JdbcOrphanLockAwareIdempotentRepository repository =
                new JdbcOrphanLockAwareIdempotentRepository(dataSource, INBOX_LOCKS, camel);
        repository.setCreateTableIfNotExists(true);
        repository.setLockMaxAgeMillis(maxAge);
        repository.setLockKeepAliveIntervalMillis(Math.max(1000, maxAge / 5));
        return new HashedKeyRepository(repository);
    }
}
