package io.esbridge.provisioning;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.esbridge.client.EnterpriseServerClient;

/**
 * Resolves hosting plan and add-on plan names to their ids on the server (GetHostingPlans / GetHostingAddons of the
 * plan owner), cached and reloaded once when a name is not found, so plans created meanwhile are seen.
 */
@Component
public class PlanDirectory {

    private final EnterpriseServerClient client;
    private final int ownerId;
    private volatile Map<String, Integer> plans;
    private volatile Map<String, Integer> addons;

    public PlanDirectory(EnterpriseServerClient client, ProvisioningProperties properties) {
        this.client = client;
        this.ownerId = properties.planOwnerId();
    }

    public int hostingPlanId(Integer id, String name) {
        if (id != null) {
            return id;
        }
        Integer found = lookup(name, false);
        if (found == null) {
            plans = load(false);
            found = lookup(name, false);
        }
        return require(found, name, plans, "hosting plan");
    }

    public int addonPlanId(Integer id, String name) {
        if (id != null) {
            return id;
        }
        Integer found = lookup(name, true);
        if (found == null) {
            addons = load(true);
            found = lookup(name, true);
        }
        return require(found, name, addons, "add-on plan");
    }

    /** Forget what is cached (after plans were created or renamed). */
    public void refresh() {
        plans = null;
        addons = null;
    }

    private Integer lookup(String name, boolean addon) {
        Map<String, Integer> names = addon ? addons : plans;
        if (names == null) {
            names = load(addon);
            if (addon) {
                addons = names;
            } else {
                plans = names;
            }
        }
        return names.get(normal(name));
    }

    private Map<String, Integer> load(boolean addon) {
        var rows = addon ? client.getHostingAddons(ownerId) : client.getHostingPlans(ownerId);
        Map<String, Integer> names = new ConcurrentHashMap<>();
        for (Map<String, String> row : rows) {
            if (row.get("PlanName") != null && row.get("PlanID") != null) {
                names.putIfAbsent(normal(row.get("PlanName")), Integer.parseInt(row.get("PlanID").strip()));
            }
        }
        return names;
    }

    private static int require(Integer found, String name, Map<String, Integer> known, String what) {
        if (found == null) {
            throw new ProvisioningException(ProvisioningException.Reason.UNKNOWN_PLAN, "no " + what + " named '"
                    + name + "' exists on the server (known: " + known.keySet().stream().sorted()
                            .collect(Collectors.joining(", ")) + ")");
        }
        return found;
    }

    private static String normal(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
