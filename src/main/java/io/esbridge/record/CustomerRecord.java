package io.esbridge.record;

import java.util.List;

import io.esbridge.contract.UserStatus;

/**
 * A billing client, as the fields of {@code UserInfo} it sets. The password is kept only until the user is created or
 * its password changed; the state store keeps a hash of it, never the password.
 *
 * @param ownerId  the owner's panel user id, when the mapping names it as a constant (1 = serveradmin); 0 when
 *                 {@code ownerKey} names the owner instead
 * @param ownerKey the billing key of the owning customer (a reseller, role 2), resolved to its user id through its
 *                 link when provisioned; null when {@code ownerId} is given
 * @param roleId   1 administrator, 2 reseller, 3 user
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
        String ownerKey,
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

    public static final int ROLE_RESELLER = 2;

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
                ownerKey,
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

    /** Role 2: this customer owns users, spaces and plans of its own. */
    public boolean reseller() {
        return roleId == ROLE_RESELLER;
    }

    @Override
    public String toString() {
        return "CustomerRecord[key=" + key + ", username=" + username + ", password="
                + (password == null ? "none" : "******") + ", email=" + email + ", status=" + status + "]";
    }
}
