package io.esbridge.provisioning;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.UserInfo;
import io.esbridge.provisioning.ProvisioningException.Reason;
import io.esbridge.record.RecordType;
import io.esbridge.state.Link;

/**
 * The owner (panel user id) of a provisioned customer's user, which decides among whose plans its spaces and add-ons
 * are resolved. The customer's link records it ({@code parentEsId}, written when the user is created or adopted). A
 * link written before owners were recorded has none: then the {@code OwnerId} es-bridge applied to the user (in the
 * link's applied state; a user is adopted only with that owner) tells it, and only a link without either makes the
 * server be asked ({@code GetUserById}), one read. The applied state also serves a dry run, whose users do not exist.
 */
@Component
class UserOwners {

    private final EnterpriseServerClient client;
    private final ObjectMapper mapper;

    UserOwners(EnterpriseServerClient client, ObjectMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    /** The owner of the customer linked by {@code customer} (an applied CUSTOMER link). */
    int ownerOf(Link customer) {
        if (customer.type() != RecordType.CUSTOMER) {
            throw new IllegalArgumentException("not a customer link: " + customer.type() + " " + customer.billingKey());
        }
        if (customer.parentEsId() != null) {
            return customer.parentEsId();
        }
        int applied = appliedOwnerId(customer);
        if (applied > 0) {
            return applied;
        }
        return client.getUserById(customer.esId())
                .map(UserInfo::getOwnerId)
                .orElseThrow(() -> new ProvisioningException(
                        Reason.GONE_FROM_SERVER,
                        "user " + customer.esId() + " (billing customer " + customer.billingKey()
                                + ") no longer exists on the server"));
    }

    /** The OwnerId last applied to the user, 0 when the link does not say (an owner given by key, an old format). */
    private int appliedOwnerId(Link customer) {
        if (customer.appliedJson() == null) {
            return 0;
        }
        try {
            return mapper.readTree(customer.appliedJson()).path("ownerId").asInt(0);
        } catch (JsonProcessingException e) {
            return 0; // unreadable: the server is asked instead
        }
    }
}
