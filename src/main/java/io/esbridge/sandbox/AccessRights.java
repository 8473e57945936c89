package io.esbridge.sandbox;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserRole;

/**
 * Who may act on which user and which hosting space: the real server's SQL functions {@code CheckActorUserRights},
 * {@code CheckActorPackageRights} and {@code CanCreateUser}. A caller acts on itself and everything below it in the
 * user tree (a peer acts as its owner); only an administrator acts on the {@code System} space. Without these, a
 * rehearsal with a reseller's credentials would succeed where the real panel refuses.
 */
final class AccessRights {

    static final String PACKAGE_DENIED = "You are not allowed to access this package";
    static final String ACCOUNT_DENIED = "You are not allowed to access this account";

    private final UserDirectory users;
    private final JdbcClient jdbc;

    AccessRights(UserDirectory users, SandboxDatabase database) {
        this.users = users;
        this.jdbc = database.jdbc();
    }

    /** CheckActorUserRights: the caller is the user, or the user's owner, or an owner further up. */
    boolean onUser(int callerId, int userId) {
        if (callerId == SoapOperations.SUPERVISOR) {
            return true;
        }
        int actor = actingAs(callerId);
        return actor == userId || isAncestor(actor, userId);
    }

    /** CanCreateUser: AddUser may put a user under the caller itself or under any user below it. */
    boolean mayCreateUnder(int callerId, int ownerId) {
        return onUser(callerId, ownerId);
    }

    /** CheckActorPackageRights: the System space is the administrators'; any other is its owner's tree's. */
    boolean onSpace(int callerId, int packageId) {
        if (callerId == SoapOperations.SUPERVISOR) {
            return true;
        }
        if (packageId == HostingSpaces.SYSTEM_PACKAGE_ID) {
            return isAdministrator(callerId);
        }
        Optional<Integer> owner = jdbc.sql("SELECT user_id FROM es_packages WHERE package_id = ?")
                .param(packageId)
                .query(Integer.class)
                .optional();
        // an unknown space passes, as in the real function: the operation then fails on it for its own reason
        return owner.isEmpty() || onUser(callerId, owner.get());
    }

    /** The caller's rights on a hosting space, or the SOAP fault the real server's stored procedure raises. */
    void requireSpace(int callerId, int packageId) {
        if (!onSpace(callerId, packageId)) {
            throw new ServerFaultException(PACKAGE_DENIED);
        }
    }

    void requireUser(int callerId, int userId) {
        if (!onUser(callerId, userId)) {
            throw new ServerFaultException(ACCOUNT_DENIED);
        }
    }

    boolean isAdministrator(int callerId) {
        return callerId == SoapOperations.SUPERVISOR
                || users.byId(callerId)
                        .map(u -> u.getRole() == UserRole.ADMINISTRATOR)
                        .orElse(false);
    }

    /** A peer acts with its owner's rights. */
    private int actingAs(int callerId) {
        return users.byId(callerId)
                .filter(UserInfo::isIsPeer)
                .map(UserInfo::getOwnerId)
                .orElse(callerId);
    }

    private boolean isAncestor(int ancestorId, int userId) {
        Set<Integer> seen = new HashSet<>();
        Optional<UserInfo> user = users.byId(userId);
        while (user.isPresent()
                && user.get().getOwnerId() != 0
                && seen.add(user.get().getUserId())) {
            if (user.get().getOwnerId() == ancestorId) {
                return true;
            }
            user = users.byId(user.get().getOwnerId());
        }
        return false;
    }
}
