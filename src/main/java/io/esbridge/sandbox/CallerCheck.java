package io.esbridge.sandbox;

import java.util.Optional;

import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserRole;
import io.esbridge.contract.UserStatus;

/**
 * The real server's {@code SecurityContext.CheckAccount}: what a write operation demands of its caller (the Basic
 * user), answered as a negative code before anything changes (contract section 2.4). The anonymous supervisor of
 * esAuthentication passes every demand.
 */
final class CallerCheck {

    /** One demand of an operation on its caller. */
    enum Demand {
        NOT_DEMO,
        IS_ACTIVE,
        IS_RESELLER
    }

    private final UserDirectory users;
    /** WebsitePanel 1.x answers -108 to a caller who is no reseller; later versions -112. */
    private final int notResellerCode;

    CallerCheck(UserDirectory users, int notResellerCode) {
        this.users = users;
        this.notResellerCode = notResellerCode;
    }

    /** @return 0 when the caller meets every demand, else the code the real server answers */
    int check(int callerId, Demand... demands) {
        if (callerId == SoapOperations.SUPERVISOR) {
            return 0;
        }
        Optional<UserInfo> caller = users.byId(callerId);
        if (caller.isEmpty()) {
            throw new ServerFaultException("You are not allowed to access this account");
        }
        for (Demand demand : demands) {
            int code =
                    switch (demand) {
                        case NOT_DEMO -> caller.get().isIsDemo() ? -106 : 0;
                        case IS_ACTIVE -> activeCode(caller.get().getStatus());
                        case IS_RESELLER -> caller.get().getRole() == UserRole.ADMINISTRATOR
                                        || caller.get().getRole() == UserRole.RESELLER
                                ? 0
                                : notResellerCode;
                    };
            if (code < 0) {
                return code;
            }
        }
        return 0;
    }

    private static int activeCode(UserStatus status) {
        return switch (status) {
            case PENDING -> -103;
            case SUSPENDED -> -104;
            case CANCELLED -> -105;
            case ACTIVE -> 0;
        };
    }
}
