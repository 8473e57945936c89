package io.esbridge.client;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a brand setting ({@code es.sandbox.brand}) as operators write it ({@code websitepanel-2.1}), refusing others
 * by name. {@code auto} reads as {@link Brand#SOLIDCP}: the sandbox plays {@code es.server.brand}'s value
 * (config/application.yml), where auto means "look at the server", and a sandbox has nothing to look at, so it plays
 * the default brand, which the client's detection then finds. ({@code es.server.brand} itself is a
 * {@link BrandChoice}.)
 */
@Component
@ConfigurationPropertiesBinding
public class BrandConverter implements Converter<String, Brand> {

    @Override
    public Brand convert(String source) {
        String id = source.strip();
        return id.equalsIgnoreCase(BrandChoice.AUTO_ID) ? Brand.SOLIDCP : Brand.fromId(id);
    }
}
