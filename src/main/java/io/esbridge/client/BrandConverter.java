package io.esbridge.client;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads {@code es.server.brand} as operators write it ({@code websitepanel-2.1}), refusing others by name. */
@Component
@ConfigurationPropertiesBinding
public class BrandConverter implements Converter<String, Brand> {

    @Override
    public Brand convert(String source) {
        return Brand.fromId(source.strip());
    }
}
