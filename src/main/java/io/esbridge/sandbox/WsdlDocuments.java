package io.esbridge.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.function.SingletonSupplier;

import io.esbridge.client.Brand;
import io.esbridge.client.DeclaredMembers;

/**
 * The {@code ?WSDL} answers: our contract WSDL with the schema inlined (as ASMX publishes it, so that clients need
 * no second download), the versioned types cut down to the brand's members, the contract namespace replaced by the
 * brand's, and the address set to the URL asked.
 */
final class WsdlDocuments {

    private static final Pattern SCHEMA_IMPORT = Pattern.compile(
            "<s:schema elementFormDefault=\"qualified\">\\s*<s:import [^>]*schemaLocation=\"EnterpriseServer.xsd\"/>"
                    + "\\s*</s:schema>");
    private static final Pattern ADDRESS = Pattern.compile("<soap:address location=\"[^\"]*\"/>");

    private final String namespace;
    private final Map<String, String> byService = new ConcurrentHashMap<>();
    private final SingletonSupplier<String> schema;

    WsdlDocuments(String namespace, DeclaredMembers members) {
        this.namespace = namespace;
        this.schema = SingletonSupplier.of(() -> BrandSchema.of(read("wsdl/EnterpriseServer.xsd"), members));
    }

    String wsdl(String service, String address) {
        String template = byService.computeIfAbsent(service, this::load);
        return ADDRESS.matcher(template)
                .replaceFirst(Matcher.quoteReplacement("<soap:address location=\"" + escape(address) + "\"/>"));
    }

    private String load(String service) {
        String wsdl = SCHEMA_IMPORT
                .matcher(read("wsdl/" + service + ".wsdl"))
                .replaceFirst(Matcher.quoteReplacement(schema.get()));
        // the target namespace, the schema's, and every soapAction ("namespace/Operation")
        return wsdl.replace(Brand.CONTRACT_NAMESPACE, namespace);
    }

    private static String read(String resource) {
        try (InputStream in = WsdlDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
