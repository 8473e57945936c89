package io.esbridge.provisioning;

import org.springframework.stereotype.Component;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.UserInfo;
import io.esbridge.provisioning.ProvisioningException.Reason;
import io.esbridge.record.RecordType;
import io.esbridge.state.Link;

/**
 * The owner (panel user id) of a provisioned customer's user, which decides among whose plans its spaces and add-ons
 * are resolved. The customer's link records it ({@code parentEsId}, written when the user is created or adopted); a
 * link written before owners were recorded has none, and then the server is asked ({@code GetUserById}), one read.
 */
@Component
class UserOwners {

    private final EnterpriseServerClient client;

    UserOwners(EnterpriseServerClient client) {
        this.client = client;
    }

    /** The owner of the customer linked by {@code customer} (an applied CUSTOMER link). */
    int ownerOf(Link customer) {
        if (customer.type() != RecordType.CUSTOMER) {
            throw new IllegalArgumentException("not a customer link: " + customer.type() + " " + customer.billingKey());
        }
        if (customer.parentEsId() != null) {
            return customer.parentEsId();
        }
        return client.getUserById(customer.esId())
                .map(UserInfo::getOwnerId)
                .orElseThrow(() -> new ProvisioningException(
                        Reason.GONE_FROM_SERVER,
                        "user " + customer.esId() + " (billing customer " + customer.billingKey()
                                + ") no longer exists on the server"));
    }
}
