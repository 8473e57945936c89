package io.esbridge.client;

import java.util.List;

import io.esbridge.contract.UserInfo;

/**
 * The profile {@link BrandDetection} picked for a server, with what its WSDL showed.
 *
 * @param brand the brand and version
 * @param shape the AddUser shape (the brand's, or one its AddUser's parameters call for)
 * @param found what the WSDL said
 */
public record Detection(Brand brand, AddUserShape shape, WsdlFacts found) {

    /** One line for the log or the console: the brand and the facts it was picked by. */
    public String line() {
        List<String> versioned = found.userInfoMembers().stream()
                .filter(member -> member.equals("Password") || versionedElement(member))
                .toList();
        return "brand " + brand.id() + " (namespace " + found.namespace() + ", UserInfo has "
                + found.userInfoMembers().size() + " members"
                + (versioned.isEmpty() ? "" : " including " + String.join(", ", versioned))
                + "; AddUser(" + String.join(", ", found.addUserParameters()) + ")"
                + (shape == brand.addUserShape() ? "" : "; AddUser shape " + shape)
                + ")";
    }

    private static boolean versionedElement(String member) {
        for (VersionedMember versioned : VersionedMember.values()) {
            if (versioned.type() == UserInfo.class && versioned.elements().contains(member)) {
                return true;
            }
        }
        return false;
    }
}
