package io.esbridge.feed;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.esbridge.catalogue.FieldLengths;
import io.esbridge.mapping.MappingRegistry;

/** Beans of the feeds: mappings and the record of imported files (the push's login: push.PushSecurityConfiguration). */
@Configuration
public class FeedConfiguration {

    /** The processor name under which imported files' digests are kept in {@code CAMEL_MESSAGEPROCESSED}. */
    static final String IMPORTED_FILES = "es-bridge-feed-files";

    @Bean
    MappingRegistry mappingRegistry(FeedProperties properties, CamelContext camel, FieldLengths lengths) {
        return new MappingRegistry(properties.mappings(), camel, lengths);
    }

    /** Digests of the files imported, in the state store, so that a restart does not import them again. */
    @Bean
    JdbcMessageIdRepository importedFeedFiles(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, IMPORTED_FILES);
        repository.setCreateTableIfNotExists(true);
        return repository;
    }
}
