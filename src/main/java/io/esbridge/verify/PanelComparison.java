package io.esbridge.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.StatusIds;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserStatus;
import io.esbridge.record.RecordType;
import io.esbridge.state.Link;
import io.esbridge.state.LinkStore;

/**
 * One linked record read back from the panel (GetUserById, GetPackage, GetPackageAddon, GetHostingPlan) and compared
 * with the link's applied JSON, field by field: the fields provisioning writes and a hand on the panel changes
 * (e-mail, names, status, plan, quantity). Only reads.
 */
@Component
class PanelComparison {

    private final EnterpriseServerClient client;
    private final ObjectMapper mapper;
    private final LinkStore links;

    PanelComparison(EnterpriseServerClient client, ObjectMapper mapper, LinkStore links) {
        this.client = client;
        this.mapper = mapper;
        this.links = links;
    }

    /**
     * What one verify reads more than once, read once: plan names (a subscription applied by plan name is compared by
     * the name of the panel's plan), and the status of a space's user and of an add-on's space.
     */
    static final class Reads {
        final Map<Integer, Optional<String>> planNames = new ConcurrentHashMap<>();
        final Map<Integer, Optional<Integer>> userStatuses = new ConcurrentHashMap<>();
        final Map<Integer, Optional<Integer>> spaceStatuses = new ConcurrentHashMap<>();
    }

    /** The drift of one applied link. */
    List<Drift> compare(Link link, Reads reads) {
        JsonNode applied = applied(link);
        int id = link.esId();
        List<Drift> drift = new ArrayList<>();
        switch (link.type()) {
            case CUSTOMER -> {
                Optional<UserInfo> user = client.getUserById(id);
                if (user.isEmpty()) {
                    return List.of(Drift.missing(link.type(), link.billingKey(), id));
                }
                UserInfo u = user.get();
                field(drift, link, "email", applied.path("email"), u.getEmail());
                field(drift, link, "firstName", applied.path("firstName"), u.getFirstName());
                field(drift, link, "lastName", applied.path("lastName"), u.getLastName());
                if (links.cascadeOf(RecordType.CUSTOMER, link.billingKey()).isEmpty()) {
                    // under a suspended reseller the server's cascade holds its status, not what billing has
                    field(drift, link, "status", applied.path("status"), userStatus(u.getStatusId()));
                }
            }
            case SUBSCRIPTION -> {
                Optional<PackageInfo> space = client.getPackage(id);
                if (space.isEmpty()) {
                    return List.of(Drift.missing(link.type(), link.billingKey(), id));
                }
                PackageInfo s = space.get();
                plan(drift, link, applied, s.getPlanId(), reads.planNames);
                field(drift, link, "packageName", applied.path("packageName"), s.getPackageName());
                // ChangeUserStatus cascades to the user's spaces: under a user that is not active, the server's
                // cascade holds the space's status (a repair would otherwise reactivate a suspended customer's space)
                if (active(reads.userStatuses, link.parentEsId(), userId -> client.getUserById(userId)
                        .map(UserInfo::getStatusId))) {
                    field(drift, link, "status", applied.path("status"), packageStatus(s.getStatusId()));
                }
            }
            case ADDON -> {
                Optional<PackageAddonInfo> addon = client.getPackageAddon(id);
                if (addon.isEmpty()) {
                    return List.of(Drift.missing(link.type(), link.billingKey(), id));
                }
                PackageAddonInfo a = addon.get();
                plan(drift, link, applied, a.getPlanId(), reads.planNames);
                field(drift, link, "quantity", applied.path("quantity"), String.valueOf(a.getQuantity()));
                // likewise under a space that is not active (its user's cascade, or its own status)
                if (active(reads.spaceStatuses, link.parentEsId(), spaceId -> client.getPackage(spaceId)
                        .map(PackageInfo::getStatusId))) {
                    field(drift, link, "status", applied.path("status"), packageStatus(a.getStatusId()));
                }
            }
            case PLAN -> {
                Optional<HostingPlanInfo> plan = client.getHostingPlan(id);
                if (plan.isEmpty()) {
                    return List.of(Drift.missing(link.type(), link.billingKey(), id));
                }
                field(drift, link, "name", applied.path("name"), plan.get().getPlanName());
            }
        }
        return drift;
    }

    /** Whether the parent (a user, a space) is active on the panel (status id 1); a parent gone counts as not. */
    private static boolean active(
            Map<Integer, Optional<Integer>> statuses, Integer parentId, Function<Integer, Optional<Integer>> read) {
        return parentId != null && statuses.computeIfAbsent(parentId, read).orElse(0) == 1;
    }

    /** A status id outside the known ones (a panel of another version, a hand-edited row) is drift, not a crash. */
    private static String userStatus(int id) {
        return id >= 1 && id <= UserStatus.values().length
                ? StatusIds.userStatus(id).name()
                : "status id " + id;
    }

    private static String packageStatus(int id) {
        return id >= 1 && id <= PackageStatus.values().length
                ? StatusIds.packageStatus(id).name()
                : "status id " + id;
    }

    /** A field es-bridge did not apply (absent from the JSON) is not compared: the panel's value is its own. */
    private static void field(List<Drift> drift, Link link, String name, JsonNode applied, String panel) {
        if (applied.isMissingNode() || applied.isNull()) {
            return;
        }
        if (!Objects.equals(applied.asText(), panel)) {
            drift.add(Drift.changed(link.type(), link.billingKey(), link.esId(), name, applied.asText(), panel));
        }
    }

    /**
     * The plan by id when one was applied, else by name as provisioning resolves it (trimmed, any case): the panel
     * stores the id of the plan the name resolved to.
     */
    private void plan(
            List<Drift> drift, Link link, JsonNode applied, int panelPlanId, Map<Integer, Optional<String>> names) {
        JsonNode appliedId = applied.path("planId");
        String panelName = names.computeIfAbsent(
                        panelPlanId, id -> client.getHostingPlan(id).map(HostingPlanInfo::getPlanName))
                .orElse(null);
        String panel = panelName == null ? "id " + panelPlanId : panelName + " (id " + panelPlanId + ")";
        if (appliedId.isNumber()) {
            if (appliedId.asInt() != panelPlanId) {
                drift.add(Drift.changed(
                        link.type(), link.billingKey(), link.esId(), "plan", "id " + appliedId.asInt(), panel));
            }
        } else if (applied.path("planName").isTextual()
                && !applied.path("planName")
                        .asText()
                        .strip()
                        .equalsIgnoreCase(Objects.toString(panelName, "").strip())) {
            drift.add(Drift.changed(
                    link.type(),
                    link.billingKey(),
                    link.esId(),
                    "plan",
                    applied.path("planName").asText(),
                    panel));
        }
    }

    private JsonNode applied(Link link) {
        if (link.appliedJson() == null) {
            // an adopted object whose applied state is not known: nothing to compare but its presence
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(link.appliedJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "the state store's link of " + link.type() + " " + link.billingKey() + " holds unreadable JSON");
        }
    }
}
