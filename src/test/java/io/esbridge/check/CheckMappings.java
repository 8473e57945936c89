package io.esbridge.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The mappings a check test reads its inputs with: the project's own (config/mappings), plus a customers mapping with
 * owners by key and roles by column (resellers), and subscriptions and add-ons that name plans as they are (so that
 * an unknown plan reaches the plan check rather than the mapping's value list).
 */
final class CheckMappings {

    private CheckMappings() {}

    static Path write(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> own = Files.list(Path.of("config/mappings"))) {
            for (Path mapping : own.toList()) {
                Files.copy(mapping, folder.resolve(mapping.getFileName()));
            }
        }
        Files.writeString(
                folder.resolve("ck-customers.yml"),
                """
                type: CUSTOMER
                key: customer_id
                secrets: [password]
                optional: [Password]
                fields:
                  Username: username
                  Password: password
                  FirstName: first_name
                  LastName: last_name
                  Email: email
                  RoleId: role
                  OwnerKey: reseller_id
                constants:
                  OwnerId: 1
                  Status: Active
                """,
                StandardCharsets.UTF_8);
        Files.writeString(
                folder.resolve("ck-subscriptions.yml"),
                """
                type: SUBSCRIPTION
                key: service_id
                fields:
                  CustomerKey: customer_id
                  PlanName: plan
                  PackageName: domain
                constants:
                  Status: Active
                  Ended: false
                defaults:
                  PurchaseDate: "${date:now:yyyy-MM-dd}"
                """,
                StandardCharsets.UTF_8);
        Files.writeString(
                folder.resolve("ck-addons.yml"),
                """
                type: ADDON
                key: addon_id
                fields:
                  SubscriptionKey: service_id
                  CustomerKey: customer_id
                  PlanName: addon
                constants:
                  Quantity: 1
                  Status: Active
                  Ended: false
                defaults:
                  PurchaseDate: "${date:now:yyyy-MM-dd}"
                """,
                StandardCharsets.UTF_8);
        return folder;
    }
}
