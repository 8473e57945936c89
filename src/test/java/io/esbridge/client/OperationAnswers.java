package io.esbridge.client;

import java.util.Set;

import org.w3c.dom.Element;

/**
 * Minimal well-formed ASMX answers for every operation, in the request's own namespace: a code for int results,
 * {@code false} for UserExists, a {@code PackageResult} for the operations that return one, nothing (a null result)
 * for the rest.
 */
final class OperationAnswers {

    private static final Set<String> INT_RESULTS = Set.of(
            "AddUser",
            "UpdateUser",
            "DeleteUser",
            "ChangeUserPassword",
            "ChangeUserStatus",
            "AuthenticateUser",
            "AddHostingPlan",
            "DeleteHostingPlan",
            "UpdatePackageName",
            "DeletePackage",
            "ChangePackageStatus",
            "DeletePackageAddon");
    private static final Set<String> PACKAGE_RESULTS =
            Set.of("UpdateHostingPlan", "AddPackage", "UpdatePackage", "AddPackageAddon", "UpdatePackageAddon");

    private static final Set<String> USERS_OPERATIONS = Set.of(
            "UserExists",
            "GetUserById",
            "GetUserByUsername",
            "GetUsers",
            "AddUser",
            "UpdateUser",
            "DeleteUser",
            "ChangeUserPassword",
            "ChangeUserStatus");

    private OperationAnswers() {}

    static boolean isUsersOperation(String op) {
        return USERS_OPERATIONS.contains(op);
    }

    static String forRequest(WireCapture.Request request) {
        Element wrapper = request.bodyContent();
        String op = wrapper.getLocalName();
        String ns = wrapper.getNamespaceURI();
        return WireCapture.envelope(response(op, ns, result(op)));
    }

    static String response(String op, String ns, String resultContent) {
        String result = resultContent == null ? "" : "<" + op + "Result>" + resultContent + "</" + op + "Result>";
        return "<" + op + "Response xmlns=\"" + ns + "\">" + result + "</" + op + "Response>";
    }

    private static String result(String op) {
        if (INT_RESULTS.contains(op)) {
            return "7";
        }
        if (PACKAGE_RESULTS.contains(op)) {
            return "<Result>7</Result>";
        }
        if (op.equals("UserExists")) {
            return "false";
        }
        return null;
    }
}
