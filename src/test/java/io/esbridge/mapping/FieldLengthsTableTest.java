package io.esbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.esbridge.catalogue.FieldLengths;
import io.esbridge.record.RecordType;

/**
 * The table of field lengths covers every text field a mapping may set and es-bridge sends (a new one without a
 * size would reach the server unchecked), and names only fields that exist.
 */
class FieldLengthsTableTest {

    /** Target fields that are no text on the wire: numbers, flags, statuses, dates, keys, plan resources. */
    private static final Set<String> NOT_TEXT = Set.of(
            "Status",
            "OwnerId",
            "RoleId",
            "IsDemo",
            "IsPeer",
            "SendLetter",
            "HtmlMail",
            "CustomerKey",
            "SubscriptionKey",
            // billing keys of other records (a reseller, its space), resolved to panel ids: never sent as text
            "OwnerKey",
            "SpaceKey",
            "PlanId",
            "Quantity",
            "PurchaseDate",
            "Ended",
            "IsAddon",
            "Available",
            "SetupPrice",
            "RecurringPrice",
            "RecurrenceUnit",
            "RecurrenceLength",
            "Groups",
            "Quotas");

    @Test
    void everyTextFieldOfEveryRecordTypeHasItsPanelColumn() {
        for (RecordType type : RecordType.values()) {
            Set<String> text = new HashSet<>(TargetFields.KNOWN.get(type));
            text.removeAll(NOT_TEXT);
            Set<String> listed = new HashSet<>();
            FieldLengths.defaults().of(type).forEach(l -> listed.add(l.field()));
            assertThat(listed).as(type.name()).containsExactlyInAnyOrderElementsOf(text);
        }
    }

    @Test
    void theSizesAreThoseOfThePanelsDatabaseScripts() {
        FieldLengths lengths = FieldLengths.defaults();
        Map<String, Integer> expected = Map.ofEntries(
                Map.entry("Users.Username", 50),
                Map.entry("Users.Password", 200),
                Map.entry("Users.FirstName", 50),
                Map.entry("Users.LastName", 50),
                Map.entry("Users.Email", 255),
                Map.entry("Users.SecondaryEmail", 255),
                Map.entry("Users.CompanyName", 100),
                Map.entry("Users.Address", 200),
                Map.entry("Users.City", 50),
                Map.entry("Users.State", 50),
                Map.entry("Users.Country", 50),
                Map.entry("Users.Zip", 20),
                Map.entry("Users.PrimaryPhone", 30),
                Map.entry("Users.SecondaryPhone", 30),
                Map.entry("Users.Fax", 30),
                Map.entry("Users.InstantMessenger", 100),
                Map.entry("Users.SubscriberNumber", 32),
                Map.entry("Comments.CommentText", 1000),
                Map.entry("Packages.PackageName", 300),
                Map.entry("HostingPlans.PlanName", 200));
        expected.forEach(
                (column, size) -> assertThat(lengths.column(column)).as(column).contains(size));
        for (String ntext : new String[] {
            "Users.Comments", "Packages.PackageComments", "PackageAddons.Comments", "HostingPlans.PlanDescription"
        }) {
            assertThat(lengths.column(ntext)).as(ntext).isEmpty();
        }
        assertThat(lengths.withOverrides(Map.of("HostingPlans.PlanName", 400)).all())
                .filteredOn(l -> l.column().equals("HostingPlans.PlanName"))
                .extracting(FieldLengths.Limit::maxLength)
                .containsOnly(400)
                .hasSize(3);
    }
}
