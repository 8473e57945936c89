package io.esbridge.record;

/** What a billing record becomes on the Enterprise Server. */
public enum RecordType {
    /** A billing client: a user account ({@code UserInfo}). */
    CUSTOMER,
    /** A billing service: a hosting space ({@code PackageInfo}) of its customer's user. */
    SUBSCRIPTION,
    /** A billing add-on of a service: a package add-on ({@code PackageAddonInfo}). */
    ADDON,
    /** A billing product: a hosting plan, or an add-on plan ({@code HostingPlanInfo} with IsAddon). */
    PLAN
}
