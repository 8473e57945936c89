package io.esbridge.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The member lists of src/test/resources/golden/{brand}/{Type}.members: the element names, in declared order, that
 * one brand's version declares for UserInfo, PackageInfo and PackageAddonInfo, taken from the contract reference
 * rather than from the main code, so that the two cannot agree on a wrong list.
 */
public final class GoldenMembers {

    private GoldenMembers() {}

    public static List<String> of(Brand brand, String type) {
        String resource = "/golden/" + brand.id() + "/" + type + ".members";
        try (InputStream in = GoldenMembers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing " + resource);
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local names of the child elements of {@code parent}, in document order. */
    public static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add(e.getLocalName());
            }
        }
        return names;
    }

    /** The one child element of {@code parent} called {@code localName}. */
    public static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no <" + localName + "> in <" + parent.getLocalName() + ">");
    }
}
