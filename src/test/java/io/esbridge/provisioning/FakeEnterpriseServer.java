package io.esbridge.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.esbridge.client.AddUserShape;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;

/**
 * An Enterprise Server client that reaches no server: the write calls a provisioner makes are noted in order, and the
 * reads answer what the test put here. Any call it does not fake asks for the client's ports and fails the test: a
 * provisioner making a call the test did not expect is a finding, not something to answer quietly.
 */
final class FakeEnterpriseServer extends EnterpriseServerClient {

    /** The write calls made, e.g. {@code ChangeUserStatus 12 SUSPENDED}. */
    final List<String> calls = new ArrayList<>();
    /** The add-on plans of the plan owner (GetHostingAddons rows: PlanID, PlanName). */
    final List<Map<String, String>> addonPlans = new ArrayList<>();
    /** The package add-ons of every space (GetPackageAddons rows), whatever the space asked for. */
    final List<Map<String, String>> packageAddons = new ArrayList<>();
    /** The id the next AddPackageAddon answers. */
    int nextAddonId = 500;

    FakeEnterpriseServer() {
        super(
                () -> {
                    throw new AssertionError("the fake Enterprise Server was asked for a call it does not fake");
                },
                AddUserShape.PASSWORD_PARAMETER);
    }

    @Override
    public void changeUserStatus(int userId, UserStatus status) {
        calls.add("ChangeUserStatus " + userId + " " + status);
    }

    @Override
    public void changePackageStatus(int packageId, PackageStatus status) {
        calls.add("ChangePackageStatus " + packageId + " " + status);
    }

    @Override
    public List<Map<String, String>> getHostingAddons(int userId) {
        return addonPlans;
    }

    @Override
    public int addPackageAddon(PackageAddonInfo addon) {
        calls.add("AddPackageAddon space " + addon.getPackageId() + " plan " + addon.getPlanId() + " quantity "
                + addon.getQuantity());
        return nextAddonId++;
    }

    @Override
    public void updatePackageAddon(PackageAddonInfo addon) {
        calls.add("UpdatePackageAddon " + addon.getPackageAddonId() + " space " + addon.getPackageId() + " plan "
                + addon.getPlanId() + " quantity " + addon.getQuantity());
    }

    @Override
    public void deletePackageAddon(int packageAddonId) {
        calls.add("DeletePackageAddon " + packageAddonId);
    }

    @Override
    public List<Map<String, String>> getPackageAddons(int packageId) {
        return packageAddons;
    }
}
