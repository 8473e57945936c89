package io.esbridge.client;

import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;

/** The numeric ids behind the status enums (AddPackage takes {@code statusId}, PackageInfo holds {@code StatusId}). */
public final class StatusIds {

    private StatusIds() {}

    /** Active 1, Suspended 2, Cancelled 3, New 4. */
    public static int id(PackageStatus status) {
        return status.ordinal() + 1;
    }

    /** Active 1, Suspended 2, Cancelled 3, Pending 4. */
    public static int id(UserStatus status) {
        return status.ordinal() + 1;
    }

    public static PackageStatus packageStatus(int id) {
        return PackageStatus.values()[id - 1];
    }

    public static UserStatus userStatus(int id) {
        return UserStatus.values()[id - 1];
    }
}
