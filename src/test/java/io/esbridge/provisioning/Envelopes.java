package io.esbridge.provisioning;

import java.lang.reflect.RecordComponent;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;
import io.esbridge.record.AddonRecord;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;
import io.esbridge.record.SubscriptionRecord;

/** Mapped records as a feed would produce them, for provisioning tests. */
final class Envelopes {

    private Envelopes() {}

    static CustomerRecord customer(String key, String username, String email, UserStatus status) {
        return new CustomerRecord(
                key,
                username,
                "Secret-" + key + "!",
                "First " + key,
                "Last " + key,
                email,
                status,
                1,
                null,
                3,
                false,
                false,
                false,
                "Company " + key,
                "1 Main St",
                "Springfield",
                "IL",
                "62701",
                "US",
                "+1 555 0100",
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                List.of());
    }

    static CustomerRecord withEmail(CustomerRecord c, String email) {
        return with(c, "email", email);
    }

    static CustomerRecord withStatus(CustomerRecord c, UserStatus status) {
        return with(c, "status", status);
    }

    /** The record with one component replaced: tests change one field of a customer at a time. */
    static <R extends Record> R with(R record, String component, Object value) {
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(component)
                        ? value
                        : components[i].getAccessor().invoke(record);
            }
            @SuppressWarnings("unchecked")
            R copy = (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }

    static SubscriptionRecord subscription(
            String key, String customerKey, String planName, String packageName, PackageStatus status) {
        return new SubscriptionRecord(
                key,
                customerKey,
                null,
                planName,
                packageName,
                "billing service " + key,
                status,
                LocalDateTime.of(2024, 3, 1, 12, 0),
                false);
    }

    static AddonRecord addon(String key, String subscriptionKey, String customerKey, String planName, int quantity) {
        return new AddonRecord(
                key,
                subscriptionKey,
                customerKey,
                null,
                planName,
                quantity,
                PackageStatus.ACTIVE,
                LocalDateTime.of(2024, 3, 1, 12, 0),
                "billing add-on " + key,
                false);
    }

    static RecordEnvelope envelope(String runId, long line, ProvisioningRecord record) {
        RecordType type =
                switch (record.getClass().getSimpleName()) {
                    case "CustomerRecord" -> RecordType.CUSTOMER;
                    case "SubscriptionRecord" -> RecordType.SUBSCRIPTION;
                    case "AddonRecord" -> RecordType.ADDON;
                    default -> RecordType.PLAN;
                };
        return new RecordEnvelope(
                runId,
                SourceRef.fileLine("test-feed.csv", line),
                type,
                record.key(),
                record,
                Map.of("key", record.key()));
    }
}
