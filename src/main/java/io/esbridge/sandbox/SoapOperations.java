package io.esbridge.sandbox;

import static io.esbridge.sandbox.CallerCheck.Demand.IS_ACTIVE;
import static io.esbridge.sandbox.CallerCheck.Demand.IS_RESELLER;
import static io.esbridge.sandbox.CallerCheck.Demand.NOT_DEMO;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.esbridge.client.AddUserShape;
import io.esbridge.contract.*;
import io.esbridge.sandbox.CallerCheck.Demand;

/**
 * Every operation the sandbox serves, by service and name, wired to the users, hosting spaces and plans. Each
 * handler reads the request wrapper, applies the real server's rules and fills the response wrapper; a null result is
 * left unset, so that its element is omitted as ASMX does.
 */
final class SoapOperations {

    /** The caller of esAuthentication, which has no credentials: the real server's supervisor principal. */
    static final int SUPERVISOR = -1;

    private final Map<String, SoapOperation> operations = new HashMap<>();
    private final UserDirectory users;
    private final HostingSpaces spaces;
    private final HostingPlanCatalog plans;
    private final AddUserShape addUserShape;
    private final CallerCheck callers;
    private final AccessRights rights;
    private final PlanQuotaTables planQuotas;

    SoapOperations(
            UserDirectory users,
            HostingSpaces spaces,
            HostingPlanCatalog plans,
            AddUserShape addUserShape,
            CallerCheck callers,
            AccessRights rights,
            PlanQuotaTables planQuotas) {
        this.users = users;
        this.spaces = spaces;
        this.plans = plans;
        this.addUserShape = addUserShape;
        this.callers = callers;
        this.rights = rights;
        this.planQuotas = planQuotas;
        registerUsers();
        registerPackages();
        registerAuthentication();
    }

    /** The operation of {@code service} named {@code name}; null when the service has none. */
    SoapOperation find(String service, String name) {
        return operations.get(service + "/" + name);
    }

    private void registerUsers() {
        users(UserExists.class, (caller, r) -> {
            UserExistsResponse response = new UserExistsResponse();
            response.setUserExistsResult(users.exists(r.getUsername()));
            return response;
        });
        users(GetUserById.class, (caller, r) -> {
            GetUserByIdResponse response = new GetUserByIdResponse();
            response.setGetUserByIdResult(users.byId(r.getUserId()).orElse(null));
            return response;
        });
        users(GetUserByUsername.class, (caller, r) -> {
            GetUserByUsernameResponse response = new GetUserByUsernameResponse();
            response.setGetUserByUsernameResult(
                    users.byUsername(r.getUsername()).orElse(null));
            return response;
        });
        users(GetUsers.class, (caller, r) -> {
            ArrayOfUserInfo list = new ArrayOfUserInfo();
            list.getUserInfo().addAll(users.byOwner(r.getOwnerId(), r.isRecursive()));
            GetUsersResponse response = new GetUsersResponse();
            response.setGetUsersResult(list);
            return response;
        });
        users(AddUser.class, (caller, r) -> {
            AddUserResponse response = new AddUserResponse();
            UserInfo user = r.getUser() == null ? new UserInfo() : r.getUser();
            response.setAddUserResult(demanding(
                    caller,
                    () -> users.add(user, addUserPassword(r, user), addUserNotes(r), caller, rights),
                    NOT_DEMO));
            return response;
        });
        users(UpdateUser.class, (caller, r) -> {
            UpdateUserResponse response = new UpdateUserResponse();
            response.setUpdateUserResult(demanding(
                    caller, () -> r.getUser() == null ? nullReference() : users.update(r.getUser()), NOT_DEMO));
            return response;
        });
        users(DeleteUser.class, (caller, r) -> {
            DeleteUserResponse response = new DeleteUserResponse();
            response.setDeleteUserResult(demanding(caller, () -> users.delete(r.getUserId()), NOT_DEMO));
            return response;
        });
        users(ChangeUserPassword.class, (caller, r) -> {
            ChangeUserPasswordResponse response = new ChangeUserPasswordResponse();
            response.setChangeUserPasswordResult(
                    demanding(caller, () -> users.changePassword(r.getUserId(), r.getPassword()), NOT_DEMO));
            return response;
        });
        users(ChangeUserStatus.class, (caller, r) -> {
            ChangeUserStatusResponse response = new ChangeUserStatusResponse();
            response.setChangeUserStatusResult(demanding(
                    caller,
                    () -> users.changeStatus(r.getUserId(), r.getStatus() == null ? UserStatus.ACTIVE : r.getStatus()),
                    NOT_DEMO));
            return response;
        });
    }

    /**
     * Where this brand's AddUser carries the password: inside UserInfo (DotNetPanel, WebsitePanel up to 2.1.0.721),
     * as a parameter (later ones), or either (MSPControl). What the brand does not know is ignored, as ASMX does.
     */
    private String addUserPassword(AddUser request, UserInfo user) {
        return switch (addUserShape) {
            case PASSWORD_IN_USER_INFO -> user.getPassword();
            case PASSWORD_PARAMETER, PASSWORD_PARAMETER_AND_NOTES -> request.getPassword();
            case PASSWORD_IN_BOTH -> request.getPassword() != null ? request.getPassword() : user.getPassword();
        };
    }

    private List<String> addUserNotes(AddUser request) {
        return addUserShape.notesParameter() && request.getNotes() != null
                ? request.getNotes().getString()
                : List.of();
    }

    private void registerPackages() {
        packages(AddPackage.class, (caller, r) -> {
            AddPackageResponse response = new AddPackageResponse();
            response.setAddPackageResult(demandingPackage(
                    caller,
                    () -> spaces.add(
                            caller,
                            r.getUserId(),
                            r.getPlanId(),
                            r.getPackageName(),
                            r.getPackageComments(),
                            r.getStatusId(),
                            r.getPurchaseDate()),
                    NOT_DEMO,
                    IS_ACTIVE,
                    IS_RESELLER));
            return response;
        });
        packages(UpdatePackage.class, (caller, r) -> {
            UpdatePackageResponse response = new UpdatePackageResponse();
            response.setUpdatePackageResult(demandingPackage(
                    caller,
                    () -> spaces.update(r.getPackage() == null ? new PackageInfo() : r.getPackage()),
                    IS_RESELLER));
            return response;
        });
        packages(UpdatePackageName.class, (caller, r) -> {
            UpdatePackageNameResponse response = new UpdatePackageNameResponse();
            response.setUpdatePackageNameResult(demanding(
                    caller,
                    () -> spaces.updateName(r.getPackageId(), r.getPackageName(), r.getPackageComments()),
                    NOT_DEMO,
                    IS_ACTIVE));
            return response;
        });
        packages(DeletePackage.class, (caller, r) -> {
            DeletePackageResponse response = new DeletePackageResponse();
            response.setDeletePackageResult(
                    demanding(caller, () -> spaces.delete(r.getPackageId()), NOT_DEMO, IS_ACTIVE, IS_RESELLER));
            return response;
        });
        packages(ChangePackageStatus.class, (caller, r) -> {
            ChangePackageStatusResponse response = new ChangePackageStatusResponse();
            response.setChangePackageStatusResult(demanding(
                    caller,
                    () -> spaces.changeStatus(
                            r.getPackageId(), r.getStatus() == null ? PackageStatus.ACTIVE : r.getStatus()),
                    NOT_DEMO,
                    IS_ACTIVE,
                    IS_RESELLER));
            return response;
        });
        packages(GetPackage.class, (caller, r) -> {
            GetPackageResponse response = new GetPackageResponse();
            response.setGetPackageResult(spaces.get(r.getPackageId()).orElse(null));
            return response;
        });
        packages(GetMyPackages.class, (caller, r) -> {
            ArrayOfPackageInfo list = new ArrayOfPackageInfo();
            list.getPackageInfo().addAll(spaces.ofUser(r.getUserId()));
            GetMyPackagesResponse response = new GetMyPackagesResponse();
            response.setGetMyPackagesResult(list);
            return response;
        });
        packages(GetPackages.class, (caller, r) -> {
            ArrayOfPackageInfo list = new ArrayOfPackageInfo();
            list.getPackageInfo().addAll(spaces.ofUsersBelow(r.getUserId()));
            GetPackagesResponse response = new GetPackagesResponse();
            response.setGetPackagesResult(list);
            return response;
        });
        packages(GetPackageQuotas.class, (caller, r) -> {
            GetPackageQuotasResponse response = new GetPackageQuotasResponse();
            response.setGetPackageQuotasResult(spaces.quotaTables(r.getPackageId()));
            return response;
        });
        packages(AddPackageAddon.class, (caller, r) -> {
            AddPackageAddonResponse response = new AddPackageAddonResponse();
            response.setAddPackageAddonResult(demandingPackage(
                    caller,
                    () -> spaces.addAddon(r.getAddon() == null ? new PackageAddonInfo() : r.getAddon()),
                    IS_RESELLER));
            return response;
        });
        packages(UpdatePackageAddon.class, (caller, r) -> {
            UpdatePackageAddonResponse response = new UpdatePackageAddonResponse();
            response.setUpdatePackageAddonResult(demandingPackage(
                    caller,
                    () -> spaces.updateAddon(r.getAddon() == null ? new PackageAddonInfo() : r.getAddon()),
                    IS_RESELLER));
            return response;
        });
        packages(DeletePackageAddon.class, (caller, r) -> {
            DeletePackageAddonResponse response = new DeletePackageAddonResponse();
            response.setDeletePackageAddonResult(demanding(
                    caller, () -> spaces.deleteAddon(r.getPackageAddonId()), NOT_DEMO, IS_ACTIVE, IS_RESELLER));
            return response;
        });
        packages(GetPackageAddon.class, (caller, r) -> {
            GetPackageAddonResponse response = new GetPackageAddonResponse();
            response.setGetPackageAddonResult(
                    spaces.getAddon(r.getPackageAddonId()).orElse(null));
            return response;
        });
        packages(GetPackageAddons.class, (caller, r) -> {
            GetPackageAddonsResponse response = new GetPackageAddonsResponse();
            response.setGetPackageAddonsResult(spaces.addonTable(r.getPackageId()));
            return response;
        });
        packages(AddHostingPlan.class, (caller, r) -> {
            AddHostingPlanResponse response = new AddHostingPlanResponse();
            response.setAddHostingPlanResult(demanding(
                    caller,
                    () -> r.getPlan() == null ? nullReference() : addHostingPlan(caller, r.getPlan()),
                    NOT_DEMO,
                    IS_ACTIVE,
                    IS_RESELLER));
            return response;
        });
        packages(UpdateHostingPlan.class, (caller, r) -> {
            UpdateHostingPlanResponse response = new UpdateHostingPlanResponse();
            response.setUpdateHostingPlanResult(demandingPackage(
                    caller,
                    () -> {
                        if (r.getPlan() == null) {
                            nullReference();
                        }
                        Map<Integer, Integer> exceeding = plans.update(r.getPlan(), spaces);
                        return exceeding.isEmpty()
                                ? HostingSpaces.applied(0)
                                : HostingSpaces.exceedingQuotas(exceeding);
                    },
                    NOT_DEMO,
                    IS_ACTIVE,
                    IS_RESELLER));
            return response;
        });
        packages(DeleteHostingPlan.class, (caller, r) -> {
            DeleteHostingPlanResponse response = new DeleteHostingPlanResponse();
            response.setDeleteHostingPlanResult(
                    demanding(caller, () -> plans.delete(r.getPlanId()), NOT_DEMO, IS_RESELLER));
            return response;
        });
        packages(GetHostingPlan.class, (caller, r) -> {
            GetHostingPlanResponse response = new GetHostingPlanResponse();
            response.setGetHostingPlanResult(plans.get(r.getPlanId()).orElse(null));
            return response;
        });
        packages(GetHostingPlans.class, (caller, r) -> {
            GetHostingPlansResponse response = new GetHostingPlansResponse();
            response.setGetHostingPlansResult(plans.list(r.getUserId(), false));
            return response;
        });
        packages(GetHostingAddons.class, (caller, r) -> {
            GetHostingAddonsResponse response = new GetHostingAddonsResponse();
            response.setGetHostingAddonsResult(plans.list(r.getUserId(), true));
            return response;
        });
        packages(GetUserAvailableHostingPlans.class, (caller, r) -> {
            GetUserAvailableHostingPlansResponse response = new GetUserAvailableHostingPlansResponse();
            response.setGetUserAvailableHostingPlansResult(availablePlans(caller, r.getUserId(), false));
            return response;
        });
        packages(GetUserAvailableHostingAddons.class, (caller, r) -> {
            GetUserAvailableHostingAddonsResponse response = new GetUserAvailableHostingAddonsResponse();
            response.setGetUserAvailableHostingAddonsResult(availablePlans(caller, r.getUserId(), true));
            return response;
        });
        packages(GetHostingPlanQuotas.class, (caller, r) -> {
            if (r.getPackageId() > 0) {
                rights.requireSpace(caller, r.getPackageId());
            }
            GetHostingPlanQuotasResponse response = new GetHostingPlanQuotasResponse();
            response.setGetHostingPlanQuotasResult(planQuotas.tables(r.getPackageId(), r.getPlanId()));
            return response;
        });
    }

    /**
     * A reseller's plan: UserId the reseller, PackageId one of its spaces (ServerId 0: the sandbox has no servers,
     * so it stays as sent). The caller needs rights on both, as the procedure checks, so that a reseller cannot
     * carve plans from another reseller's space.
     */
    private int addHostingPlan(int caller, HostingPlanInfo plan) {
        if (plan.getUserId() > 0) {
            rights.requireUser(caller, plan.getUserId());
        }
        if (plan.getPackageId() > 0) {
            rights.requireSpace(caller, plan.getPackageId());
        }
        return plans.add(plan, caller);
    }

    /** The plans a user may be given in the panel: its owner's (the panel's own UI offers no others). */
    private ArrayOfHostingPlanInfo availablePlans(int caller, int userId, boolean addons) {
        UserInfo user = users.byId(userId).orElseThrow(() -> new ServerFaultException(AccessRights.ACCOUNT_DENIED));
        rights.requireUser(caller, userId);
        ArrayOfHostingPlanInfo list = new ArrayOfHostingPlanInfo();
        list.getHostingPlanInfo().addAll(plans.ownedBy(user.getOwnerId(), addons));
        return list;
    }

    private void registerAuthentication() {
        register("esAuthentication", false, AuthenticateUser.class, (caller, r) -> {
            AuthenticateUserResponse response = new AuthenticateUserResponse();
            response.setAuthenticateUserResult(users.authenticate(r.getUsername(), r.getPassword()));
            return response;
        });
        register("esAuthentication", false, GetUserByUsernamePassword.class, (caller, r) -> {
            GetUserByUsernamePasswordResponse response = new GetUserByUsernamePasswordResponse();
            Integer id = users.idByCredentials(r.getUsername(), r.getPassword());
            response.setGetUserByUsernamePasswordResult(
                    id == null ? null : users.byId(id).orElse(null));
            return response;
        });
    }

    /** Runs a write whose int result is the caller check's code when the caller falls short. */
    private int demanding(int caller, IntSupplier write, Demand... demands) {
        int refused = callers.check(caller, demands);
        return refused < 0 ? refused : write.getAsInt();
    }

    /** The same for writes answering a PackageResult: a refusal carries no ExceedingQuotas. */
    private PackageResult demandingPackage(int caller, Supplier<PackageResult> write, Demand... demands) {
        int refused = callers.check(caller, demands);
        if (refused < 0) {
            PackageResult result = new PackageResult();
            result.setResult(refused);
            return result;
        }
        return write.get();
    }

    private static int nullReference() {
        throw new ServerFaultException(ServerFaultException.NULL_REFERENCE);
    }

    private <Q> void users(Class<Q> type, BiFunction<Integer, Q, Object> handler) {
        register("esUsers", true, type, handler);
    }

    private <Q> void packages(Class<Q> type, BiFunction<Integer, Q, Object> handler) {
        register("esPackages", true, type, handler);
    }

    private <Q> void register(
            String service, boolean authenticated, Class<Q> type, BiFunction<Integer, Q, Object> handler) {
        String name = type.getSimpleName();
        operations.put(
                service + "/" + name,
                new SoapOperation(
                        service,
                        name,
                        type,
                        authenticated,
                        (caller, request) -> handler.apply(caller, type.cast(request))));
    }
}
