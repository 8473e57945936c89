package io.esbridge.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.esbridge.client.Brand;

/**
 * The sandbox Enterprise Server built into es-bridge ({@code es.sandbox.*}).
 *
 * @param enabled       serve esUsers.asmx, esPackages.asmx and esAuthentication.asmx at the root of this web server
 * @param brand         brand it plays (namespace, AddUser shape, 401 realm)
 * @param namespace     overrides the brand's namespace
 * @param datasourceUrl its own database (never es-bridge's state store), in a file so that it outlives a restart as a
 *                      real server would
 * @param adminPassword password of {@code serveradmin} (user 1); equals the default {@code es.server.password}
 * @param plans         hosting plans and add-on plans created at start when no plan of that name exists
 */
@ConfigurationProperties("es.sandbox")
public record SandboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("solidcp") Brand brand,
        String namespace,
        @DefaultValue("jdbc:h2:file:./data/sandbox;AUTO_SERVER=TRUE;WRITE_DELAY=0") String datasourceUrl,
        @DefaultValue("serveradmin") String adminPassword,
        List<PlanSeed> plans) {

    public SandboxProperties {
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    /** The namespace the sandbox speaks: the override, else the brand's. */
    public String effectiveNamespace() {
        return namespace == null || namespace.isBlank() ? brand.namespace() : namespace.strip();
    }

    /**
     * A plan of the seed.
     *
     * @param name           PlanName
     * @param addon          an add-on plan (IsAddon) rather than a hosting plan
     * @param description    PlanDescription
     * @param recurringPrice monthly price
     * @param maxQuantity    add-on plans: the most units one hosting space may buy; more answers -305
     * @param quotas         quota id (or catalogue name, e.g. {@code Mail Accounts}) to value; -1 = unlimited
     */
    public record PlanSeed(
            String name,
            @DefaultValue("false") boolean addon,
            String description,
            BigDecimal recurringPrice,
            Integer maxQuantity,
            Map<String, Integer> quotas) {

        public PlanSeed {
            quotas = quotas == null ? Map.of() : Map.copyOf(quotas);
        }
    }

    @Override
    public String toString() {
        return "SandboxProperties[enabled=" + enabled + ", brand=" + brand.id() + ", namespace="
                + effectiveNamespace() + ", datasourceUrl=" + datasourceUrl + ", adminPassword=******, plans="
                + plans.size() + "]";
    }
}
