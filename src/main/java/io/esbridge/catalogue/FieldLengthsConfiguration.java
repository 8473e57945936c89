package io.esbridge.catalogue;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The field lengths validation and the sandbox share: the panel's column sizes, with the columns a setting
 * {@code es.field-lengths.<Table>.<Column>} overrides (e.g. {@code es.field-lengths.Users.City: 100}).
 */
@Configuration(proxyBeanMethods = false)
public class FieldLengthsConfiguration {

    @Bean
    FieldLengths fieldLengths(Environment environment) {
        Map<String, Integer> overrides = Binder.get(environment)
                .bind("es.field-lengths", Bindable.mapOf(String.class, Integer.class))
                .orElse(Map.of());
        return FieldLengths.defaults().withOverrides(overrides);
    }
}
