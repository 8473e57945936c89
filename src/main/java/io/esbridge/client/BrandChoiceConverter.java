package io.esbridge.client;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads {@code es.server.brand}: {@code auto} or a brand as operators write it ({@code websitepanel-2.1}). */
@Component
@ConfigurationPropertiesBinding
public class BrandChoiceConverter implements Converter<String, BrandChoice> {

    @Override
    public BrandChoice convert(String source) {
        return BrandChoice.parse(source);
    }
}
