package io.esbridge.client;

/**
 * Where {@code AddUser} carries the new user's password. Servers silently ignore what they do not know, so a
 * wrong shape does not fail: it creates a user without the intended password.
 */
public enum AddUserShape {
    /** {@code AddUser(user, sendLetter)} with {@code user/Password}: DotNetPanel, WebsitePanel up to 2.1.0.721. */
    PASSWORD_IN_USER_INFO,
    /** {@code AddUser(user, sendLetter, password)}: WebsitePanel from 2.1.0.722, SolidCP 2017-2020. */
    PASSWORD_PARAMETER,
    /** {@code AddUser(user, sendLetter, password, notes)}: SolidCP since 2020-04. */
    PASSWORD_PARAMETER_AND_NOTES,
    /**
     * Password both in {@code user/Password} and as the {@code password} parameter (notes too): every version reads
     * one and ignores the other, so this is the safe choice when the server's version is unknown.
     */
    PASSWORD_IN_BOTH;

    public boolean passwordInUserInfo() {
        return this == PASSWORD_IN_USER_INFO || this == PASSWORD_IN_BOTH;
    }

    public boolean passwordParameter() {
        return this != PASSWORD_IN_USER_INFO;
    }

    public boolean notesParameter() {
        return this == PASSWORD_PARAMETER_AND_NOTES || this == PASSWORD_IN_BOTH;
    }
}
