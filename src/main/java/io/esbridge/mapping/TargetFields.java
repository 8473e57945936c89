package io.esbridge.mapping;

import java.util.Map;
import java.util.Set;

import io.esbridge.record.RecordType;

/**
 * The target fields a mapping may set per record type, named as the Enterprise Server's types name them
 * ({@code UserInfo}, {@code PackageInfo}, {@code PackageAddonInfo}, {@code HostingPlanInfo}) plus the keys that tie
 * records together ({@code CustomerKey}, {@code SubscriptionKey}) and {@code Ended}.
 */
final class TargetFields {

    static final Map<RecordType, Set<String>> KNOWN = Map.of(
            RecordType.CUSTOMER,
                    Set.of(
                            "Username",
                            "Password",
                            "FirstName",
                            "LastName",
                            "Email",
                            "Status",
                            "OwnerId",
                            "OwnerKey",
                            "RoleId",
                            "IsDemo",
                            "IsPeer",
                            "SendLetter",
                            "CompanyName",
                            "Address",
                            "City",
                            "State",
                            "Zip",
                            "Country",
                            "PrimaryPhone",
                            "SecondaryPhone",
                            "Fax",
                            "SecondaryEmail",
                            "InstantMessenger",
                            "HtmlMail",
                            "Comments",
                            "SubscriberNumber",
                            "Notes"),
            RecordType.SUBSCRIPTION,
                    Set.of(
                            "CustomerKey",
                            "PlanId",
                            "PlanName",
                            "PackageName",
                            "PackageComments",
                            "Status",
                            "PurchaseDate",
                            "Ended",
                            // the space's own limits (RecordFactory reads them into SubscriptionRecord.quotas)
                            "Quotas"),
            RecordType.ADDON,
                    Set.of(
                            "SubscriptionKey",
                            "CustomerKey",
                            "PlanId",
                            "PlanName",
                            "Quantity",
                            "Status",
                            "PurchaseDate",
                            "Comments",
                            "Ended"),
            RecordType.PLAN,
                    Set.of(
                            "PlanName",
                            "PlanDescription",
                            "IsAddon",
                            "Available",
                            "SetupPrice",
                            "RecurringPrice",
                            "RecurrenceUnit",
                            "RecurrenceLength",
                            "Groups",
                            "Quotas",
                            "Ended",
                            "OwnerKey",
                            "SpaceKey"));

    private TargetFields() {}
}
