package io.esbridge.record;

import java.util.List;

import io.esbridge.contract.UserStatus;

/**
 * A billing client, as the fields of {@code UserInfo} it sets. The password is kept only until the user is created or
 * its password changed; the state store keeps a hash of it, never the password.
 */
public record CustomerRecord(
        String key,
        String username,
        String password,
        String firstName,
        String lastName,
        String email,
        UserStatus status,
        int ownerId,
        int roleId,
        boolean demo,
        boolean peer,
        boolean sendLetter,
        String companyName,
        String address,
        String city,
        String state,
        String zip,
        String country,
        String primaryPhone,
        String secondaryPhone,
        String fax,
        String secondaryEmail,
        String instantMessenger,
        boolean htmlMail,
        String comments,
        String subscriberNumber,
        List<String> notes)
        implements ProvisioningRecord {

    @Override
    public String customerKey() {
        return key;
    }

    /** The same record carrying another password (or none). */
    public CustomerRecord withPassword(String newPassword) {
        return new CustomerRecord(
                key,
                username,
                newPassword,
                firstName,
                lastName,
                email,
                status,
                ownerId,
                roleId,
                demo,
                peer,
                sendLetter,
                companyName,
                address,
                city,
                state,
                zip,
                country,
                primaryPhone,
                secondaryPhone,
                fax,
                secondaryEmail,
                instantMessenger,
                htmlMail,
                comments,
                subscriberNumber,
                notes);
    }

    @Override
    public String toString() {
        return "CustomerRecord[key=" + key + ", username=" + username + ", password="
                + (password == null ? "none" : "******") + ", email=" + email + ", status=" + status + "]";
    }
}
