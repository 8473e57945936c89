package io.esbridge.migrate;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.datatype.XMLGregorianCalendar;

import io.esbridge.catalogue.QuotaCatalogue;
import io.esbridge.client.StatusIds;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.UserInfo;
import io.esbridge.migrate.SourceSnapshot.SourcePlan;
import io.esbridge.record.AddonRecord;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;
import io.esbridge.record.SubscriptionRecord;

/**
 * A source snapshot as es-bridge's records, keyed by source ids ({@code <name>:user:42}) so that a second migration
 * finds every link of the first, in stages a run each, so that everything a record needs is provisioned by an earlier
 * run: the administrator's plans, then every user (owners first), then by turns the spaces whose plan is provisioned
 * and the reseller plans placed in those spaces, then the add-ons.
 */
final class SourceRecords {

    /** One record to hand to provisioning, and where on the source it came from. */
    record Staged(RecordType type, String key, ProvisioningRecord payload, SourceRef source, Map<String, String> raw) {}

    /** One run's worth of records. */
    record Stage(String name, List<Staged> records) {}

    /** The stages, the plan notes (quotas or groups the target's catalogue lacks), users without a source password. */
    record Mapped(List<Stage> stages, List<String> planNotes, List<String> usersWithoutPassword) {}

    private final MigrationSource source;
    private final PlanMap planMap;
    private final QuotaCatalogue catalogue = QuotaCatalogue.get();

    SourceRecords(MigrationSource source, PlanMap planMap) {
        this.source = source;
        this.planMap = planMap;
    }

    Mapped map(SourceSnapshot snapshot) {
        int admin = snapshot.administratorId();
        List<String> planNotes = new ArrayList<>();
        List<String> withoutPassword = new ArrayList<>();
        Map<Integer, SourcePlan> plansById = new HashMap<>();
        snapshot.plans().forEach(p -> plansById.put(p.id(), p));
        Map<Integer, PackageInfo> spacesById = new HashMap<>();
        snapshot.spaces().forEach(s -> spacesById.put(s.getPackageId(), s));

        List<Stage> stages = new ArrayList<>();
        Set<Integer> plansStaged = new HashSet<>();
        List<Staged> adminPlans = new ArrayList<>();
        for (SourcePlan plan : snapshot.plans()) {
            if (plan.ownerId() == admin) {
                adminPlans.add(plan(plan, null, null, planNotes));
                plansStaged.add(plan.id());
            }
        }
        stages.add(new Stage("plans of the administrator", adminPlans));

        List<Staged> users = new ArrayList<>();
        for (UserInfo user : snapshot.users()) {
            if (user.getPassword() == null || user.getPassword().isEmpty()) {
                withoutPassword.add(user.getUsername());
            }
            users.add(user(user, admin));
        }
        stages.add(new Stage(USERS, users));

        List<PackageInfo> spacesLeft = snapshot.spaces().stream()
                .filter(s -> s.getUserId() != admin)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        List<SourcePlan> plansLeft = snapshot.plans().stream()
                .filter(p -> !plansStaged.contains(p.id()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        Set<Integer> spacesStaged = new HashSet<>();
        int level = 1;
        while (!spacesLeft.isEmpty()) {
            List<PackageInfo> ready = spacesLeft.stream()
                    .filter(s -> plansStaged.contains(s.getPlanId()))
                    .toList();
            // spaces whose plan the source did not list (another owner's, deleted) go last, to fail by name there
            List<PackageInfo> batch = ready.isEmpty() ? List.copyOf(spacesLeft) : ready;
            stages.add(new Stage(
                    "spaces, level " + level,
                    batch.stream()
                            .map(s -> subscription(s, plansById, ownLimits(s, snapshot, plansById, planNotes)))
                            .toList()));
            batch.forEach(s -> spacesStaged.add(s.getPackageId()));
            spacesLeft.removeAll(batch);
            List<SourcePlan> placed = plansLeft.stream()
                    .filter(p -> spacesStaged.contains(p.packageId()))
                    .toList();
            if (!placed.isEmpty()) {
                stages.add(new Stage(
                        "reseller plans, level " + level,
                        placed.stream()
                                .map(p -> plan(
                                        p,
                                        source.key("user", p.ownerId()),
                                        source.key("space", p.packageId()),
                                        planNotes))
                                .toList()));
                placed.forEach(p -> plansStaged.add(p.id()));
                plansLeft.removeAll(placed);
            }
            level++;
        }
        for (SourcePlan plan : plansLeft) {
            planNotes.add("plan '" + plan.name() + "' (" + source.key("plan", plan.id()) + ") of user " + plan.ownerId()
                    + " is placed in no space that was read: not migrated");
        }

        List<Staged> addons = new ArrayList<>();
        snapshot.addons().forEach((spaceId, rows) -> {
            PackageInfo space = spacesById.get(spaceId);
            if (space != null && space.getUserId() != admin) {
                rows.forEach(row -> addons.add(addon(row, space)));
            }
        });
        stages.add(new Stage("add-ons", addons));
        return new Mapped(stages, planNotes, withoutPassword);
    }

    /** The stage of the users, which a migration provisions while it reads them. */
    static final String USERS = "users";

    /** A source user as a customer record; its password where the source gave one. */
    Staged user(UserInfo user, int admin) {
        String password = user.getPassword() == null || user.getPassword().isEmpty() ? null : user.getPassword();
        return customer(user, password, admin);
    }

    private Staged customer(UserInfo user, String password, int admin) {
        boolean ownedByAdmin = user.getOwnerId() == admin;
        String key = source.key("user", user.getUserId());
        CustomerRecord record = new CustomerRecord(
                key,
                user.getUsername(),
                password,
                user.getFirstName(),
                user.getLastName(),
                user.getEmail(),
                user.getStatus(),
                ownedByAdmin ? admin : 0,
                ownedByAdmin ? null : source.key("user", user.getOwnerId()),
                user.getRoleId(),
                user.isIsDemo(),
                user.isIsPeer(),
                false,
                user.getCompanyName(),
                user.getAddress(),
                user.getCity(),
                user.getState(),
                user.getZip(),
                user.getCountry(),
                user.getPrimaryPhone(),
                user.getSecondaryPhone(),
                user.getFax(),
                user.getSecondaryEmail(),
                user.getInstantMessenger(),
                user.isHtmlMail(),
                user.getComments(),
                user.getSubscriberNumber(),
                List.of());
        return staged(
                RecordType.CUSTOMER, key, record, "users", user.getUserId(), Map.of("username", user.getUsername()));
    }

    /**
     * The limits a space with {@code OverrideQuotas} sets differently from its plan. GetPackageQuotas reports a
     * space's limits with its add-ons' units in them, and the add-ons are migrated as add-ons: what they add is taken
     * off again, so that the target's space does not count them twice. Quotas the target's catalogue lacks are noted.
     */
    private Map<Integer, Integer> ownLimits(
            PackageInfo space, SourceSnapshot snapshot, Map<Integer, SourcePlan> plans, List<String> notes) {
        Map<Integer, Integer> reported = snapshot.spaceQuotas().get(space.getPackageId());
        if (reported == null || reported.isEmpty()) {
            return Map.of();
        }
        Map<Integer, Integer> ofPlan = Optional.ofNullable(plans.get(space.getPlanId()))
                .map(SourceRecords::values)
                .orElse(Map.of());
        Map<Integer, Integer> ofAddons = new HashMap<>();
        for (Map<String, String> row : snapshot.addons().getOrDefault(space.getPackageId(), List.of())) {
            SourcePlan addonPlan = plans.get(SourceSnapshot.intOf(row.get("PlanID")));
            String quantity = row.get("Quantity");
            int units = quantity == null || quantity.isBlank() ? 1 : Integer.parseInt(quantity.strip());
            if (addonPlan != null) {
                values(addonPlan)
                        .forEach((id, value) -> ofAddons.merge(
                                id, value < 0 ? -1 : value * units, (a, b) -> a < 0 || b < 0 ? -1 : a + b));
            }
        }
        Map<Integer, Integer> own = new java.util.TreeMap<>();
        reported.forEach((quotaId, value) -> {
            int added = ofAddons.getOrDefault(quotaId, 0);
            int ownValue = value < 0 || added < 0 ? value : value - added;
            if (ownValue == ofPlan.getOrDefault(quotaId, 0)) {
                return;
            }
            if (catalogue.quota(quotaId).isEmpty()) {
                notes.add("space '" + space.getPackageName() + "' (" + source.key("space", space.getPackageId())
                        + "): own limit of quota " + quotaId + " is not in the target's catalogue: left out");
                return;
            }
            own.put(quotaId, ownValue);
        });
        return own;
    }

    /** A plan's quota values by id, of its enabled groups. */
    private static Map<Integer, Integer> values(SourcePlan plan) {
        Set<Integer> enabled = new HashSet<>();
        plan.groups().stream()
                .filter(g -> Boolean.parseBoolean(g.get("Enabled")))
                .forEach(g -> enabled.add(SourceSnapshot.intOf(g.get("GroupID"))));
        Map<Integer, Integer> values = new HashMap<>();
        plan.quotas().stream()
                .filter(q -> enabled.contains(SourceSnapshot.intOf(q.get("GroupID"))))
                .forEach(q ->
                        values.put(SourceSnapshot.intOf(q.get("QuotaID")), SourceSnapshot.intOf(q.get("QuotaValue"))));
        return values;
    }

    private Staged subscription(PackageInfo space, Map<Integer, SourcePlan> plans, Map<Integer, Integer> own) {
        String key = source.key("space", space.getPackageId());
        String planName = Optional.ofNullable(plans.get(space.getPlanId()))
                .map(p -> planMap.target(p.name()))
                .orElse(null);
        SubscriptionRecord record = new SubscriptionRecord(
                key,
                source.key("user", space.getUserId()),
                null,
                planName == null ? "source plan " + space.getPlanId() + " (not listed by the source)" : planName,
                space.getPackageName(),
                space.getPackageComments(),
                StatusIds.packageStatus(space.getStatusId()),
                dateOf(space.getPurchaseDate()),
                false,
                own);
        return staged(
                RecordType.SUBSCRIPTION,
                key,
                record,
                "spaces",
                space.getPackageId(),
                Map.of("packageName", String.valueOf(space.getPackageName())));
    }

    private Staged addon(Map<String, String> row, PackageInfo space) {
        int id = Integer.parseInt(row.get("PackageAddonID").strip());
        String key = source.key("addon", id);
        String quantity = row.get("Quantity");
        String status = row.get("StatusID");
        AddonRecord record = new AddonRecord(
                key,
                source.key("space", space.getPackageId()),
                source.key("user", space.getUserId()),
                null,
                planMap.target(row.get("PlanName")),
                quantity == null || quantity.isBlank() ? 1 : Integer.parseInt(quantity.strip()),
                StatusIds.packageStatus(status == null || status.isBlank() ? 1 : Integer.parseInt(status.strip())),
                dateText(row.get("PurchaseDate")),
                row.get("Comments"),
                false);
        return staged(
                RecordType.ADDON, key, record, "add-ons", id, Map.of("planName", String.valueOf(row.get("PlanName"))));
    }

    private Staged plan(SourcePlan plan, String ownerKey, String spaceKey, List<String> notes) {
        String key = source.key("plan", plan.id());
        String name = planMap.target(plan.name());
        Map<String, String> row = plan.row();
        Set<Integer> enabled = new HashSet<>();
        List<PlanRecord.Group> groups = new ArrayList<>();
        for (Map<String, String> g : plan.groups()) {
            if (!Boolean.parseBoolean(g.get("Enabled"))) {
                continue;
            }
            int groupId = Integer.parseInt(g.get("GroupID").strip());
            enabled.add(groupId);
            if (catalogue.groupName(groupId).isEmpty()) {
                notes.add("plan '" + name + "' (" + key + "): resource group " + groupId + " '" + g.get("GroupName")
                        + "' is not in the target's catalogue: left out");
                continue;
            }
            groups.add(new PlanRecord.Group(
                    groupId,
                    true,
                    Boolean.parseBoolean(g.get("CalculateDiskSpace")),
                    Boolean.parseBoolean(g.get("CalculateBandwidth"))));
        }
        List<PlanRecord.Quota> quotas = new ArrayList<>();
        for (Map<String, String> q : plan.quotas()) {
            if (!enabled.contains(SourceSnapshot.intOf(q.get("GroupID")))) {
                continue;
            }
            int quotaId = Integer.parseInt(q.get("QuotaID").strip());
            if (catalogue.quota(quotaId).isEmpty()) {
                notes.add("plan '" + name + "' (" + key + "): quota " + quotaId + " '" + q.get("QuotaName")
                        + "' is not in the target's catalogue: left out");
                continue;
            }
            quotas.add(new PlanRecord.Quota(quotaId, SourceSnapshot.intOf(q.get("QuotaValue"))));
        }
        PlanRecord record = new PlanRecord(
                key,
                name,
                row.get("PlanDescription"),
                Boolean.parseBoolean(row.get("IsAddon")),
                row.get("Available") == null || Boolean.parseBoolean(row.get("Available")),
                decimal(row.get("SetupPrice")),
                decimal(row.get("RecurringPrice")),
                SourceSnapshot.intOf(row.get("RecurrenceUnit")),
                SourceSnapshot.intOf(row.get("RecurrenceLength")),
                groups,
                quotas,
                false,
                ownerKey,
                spaceKey);
        return staged(
                RecordType.PLAN, key, record, "plans", plan.id(), Map.of("planName", String.valueOf(plan.name())));
    }

    private Staged staged(
            RecordType type, String key, ProvisioningRecord payload, String table, int id, Map<String, String> raw) {
        Map<String, String> shown = new LinkedHashMap<>(raw);
        return new Staged(
                type, key, payload, SourceRef.tableRow(source.name() + " " + table, String.valueOf(id)), shown);
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text.strip());
    }

    private static LocalDateTime dateOf(XMLGregorianCalendar date) {
        return date == null
                ? null
                : date.toGregorianCalendar().toZonedDateTime().toLocalDateTime();
    }

    /** A DataSet's xs:dateTime text, with or without an offset. */
    private static LocalDateTime dateText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return dateOf(javax.xml.datatype.DatatypeFactory.newInstance().newXMLGregorianCalendar(text.strip()));
        } catch (javax.xml.datatype.DatatypeConfigurationException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the source's add-on PurchaseDate '" + text + "' is not an xs:dateTime");
        }
    }
}
