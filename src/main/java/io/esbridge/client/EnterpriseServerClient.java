package io.esbridge.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.xml.datatype.XMLGregorianCalendar;

import io.esbridge.contract.ArrayOfPackageInfo;
import io.esbridge.contract.ArrayOfString;
import io.esbridge.contract.ArrayOfUserInfo;
import io.esbridge.contract.DataSet;
import io.esbridge.contract.EsAuthenticationSoap;
import io.esbridge.contract.EsPackagesSoap;
import io.esbridge.contract.EsUsersSoap;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageResult;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserStatus;

/**
 * The typed Enterprise Server client: every operation es-bridge uses on esUsers, esPackages and esAuthentication,
 * with every answer interpreted. A non-negative code or id is returned; a negative BusinessErrorCode, a SOAP fault,
 * an HTTP 401 and a transport failure are thrown as the matching {@link EsException}. Usable from plain Java and
 * from Camel routes (it is a bean); thread-safe, and never more calls at once than its limit ({@link CallSlots}).
 */
public class EnterpriseServerClient {

    private final Supplier<EsPorts> ports;
    private final Supplier<AddUserShape> addUserShape;
    /** The ports once a call or {@link #prepare()} built them (for {@link #callSlots()}). */
    private volatile EsPorts built;

    /** @param ports the server's ports, built for a brand given or resolved ({@link BrandDetection#resolve}) */
    public EnterpriseServerClient(Supplier<EsPorts> ports) {
        this.ports = ports;
        this.addUserShape = () -> ports.get().server().effectiveAddUserShape();
    }

    /** A client whose AddUser shape is known without its ports (subclasses that answer without a server). */
    public EnterpriseServerClient(Supplier<EsPorts> ports, AddUserShape addUserShape) {
        this.ports = ports;
        this.addUserShape = () -> addUserShape;
    }

    /**
     * A client of the server the properties name; with {@code auto} as brand, its WSDL is read here to find it
     * ({@link BrandDetection}).
     */
    public static EnterpriseServerClient create(EsServerProperties properties) {
        EsPorts ports =
                EsPorts.create(properties.brand().auto() ? BrandDetection.resolve(properties, "brand") : properties);
        return new EnterpriseServerClient(() -> ports);
    }

    /**
     * Builds the CXF ports now rather than on the first call; calls no operation, but reads the server's WSDL when
     * the application's client checks or detects the brand ({@link EnterpriseServerClientConfiguration}).
     */
    public void prepare() {
        built = ports.get();
    }

    /** The settings the ports were built with: the brand given, or the one detected for {@code auto}. */
    public EsServerProperties server() {
        return ports.get().server();
    }

    // --- esUsers ---------------------------------------------------------------------------------------------------

    public boolean userExists(String username) {
        return call("UserExists", () -> users().userExists(username));
    }

    public Optional<UserInfo> getUserById(int userId) {
        return Optional.ofNullable(call("GetUserById", () -> users().getUserById(userId)));
    }

    public Optional<UserInfo> getUserByUsername(String username) {
        return Optional.ofNullable(call("GetUserByUsername", () -> users().getUserByUsername(username)));
    }

    public List<UserInfo> getUsers(int ownerId, boolean recursive) {
        ArrayOfUserInfo result = call("GetUsers", () -> users().getUsers(ownerId, recursive));
        return result == null ? List.of() : result.getUserInfo();
    }

    /**
     * Creates a user; the password travels where the server's AddUser shape expects it (inside {@code user} or as a
     * parameter). {@code notes} reach only servers whose AddUser has that parameter.
     *
     * @return the new user's id
     */
    public int addUser(UserInfo user, String password, boolean sendLetter, List<String> notes) {
        AddUserShape addUserShape = this.addUserShape.get();
        user.setPassword(addUserShape.passwordInUserInfo() ? password : null);
        String passwordParameter = addUserShape.passwordParameter() ? password : null;
        ArrayOfString notesParameter = null;
        if (addUserShape.notesParameter() && notes != null && !notes.isEmpty()) {
            notesParameter = new ArrayOfString();
            notesParameter.getString().addAll(notes);
        }
        ArrayOfString finalNotes = notesParameter;
        int id = call("AddUser", () -> users().addUser(user, sendLetter, passwordParameter, finalNotes));
        user.setPassword(null);
        return requireSuccess("AddUser", id);
    }

    public void updateUser(UserInfo user) {
        requireSuccess("UpdateUser", call("UpdateUser", () -> users().updateUser(user)));
    }

    public void deleteUser(int userId) {
        requireSuccess("DeleteUser", call("DeleteUser", () -> users().deleteUser(userId)));
    }

    public void changeUserPassword(int userId, String password) {
        requireSuccess(
                "ChangeUserPassword", call("ChangeUserPassword", () -> users().changeUserPassword(userId, password)));
    }

    public void changeUserStatus(int userId, UserStatus status) {
        requireSuccess("ChangeUserStatus", call("ChangeUserStatus", () -> users().changeUserStatus(userId, status)));
    }

    // --- esAuthentication ------------------------------------------------------------------------------------------

    /**
     * Checks a user's credentials. The answer is a status, not an error: 0 (or a positive MFA step) when they are
     * right, else -109 wrong username, -110 wrong password, -105 cancelled, -103 pending…
     */
    public BusinessErrorCode authenticateUser(String username, String password, String ip) {
        int code = call("AuthenticateUser", () -> authentication().authenticateUser(username, password, ip));
        return code >= 0
                ? new BusinessErrorCode(code, "SUCCESS", "Users", "The credentials are right.")
                : BusinessErrorCodes.of(code);
    }

    // --- esPackages: hosting spaces --------------------------------------------------------------------------------

    /** @return the new hosting space's id */
    public int addPackage(
            int userId,
            int planId,
            String packageName,
            String packageComments,
            PackageStatus status,
            XMLGregorianCalendar purchaseDate) {
        return requireSuccess("AddPackage", call("AddPackage", () -> packages()
                .addPackage(userId, planId, packageName, packageComments, StatusIds.id(status), purchaseDate)));
    }

    public void updatePackage(PackageInfo packageInfo) {
        requireSuccess("UpdatePackage", call("UpdatePackage", () -> packages().updatePackage(packageInfo)));
    }

    public void updatePackageName(int packageId, String packageName, String packageComments) {
        requireSuccess("UpdatePackageName", call("UpdatePackageName", () -> packages()
                .updatePackageName(packageId, packageName, packageComments)));
    }

    public void deletePackage(int packageId) {
        requireSuccess("DeletePackage", call("DeletePackage", () -> packages().deletePackage(packageId)));
    }

    public void changePackageStatus(int packageId, PackageStatus status) {
        requireSuccess("ChangePackageStatus", call("ChangePackageStatus", () -> packages()
                .changePackageStatus(packageId, status)));
    }

    public Optional<PackageInfo> getPackage(int packageId) {
        return Optional.ofNullable(call("GetPackage", () -> packages().getPackage(packageId)));
    }

    /** The hosting spaces of {@code userId} itself (what billing modules use to find a user's space). */
    public List<PackageInfo> getMyPackages(int userId) {
        return packageList(call("GetMyPackages", () -> packages().getMyPackages(userId)));
    }

    /** The hosting spaces of the users {@code userId} owns. */
    public List<PackageInfo> getPackages(int userId) {
        return packageList(call("GetPackages", () -> packages().getPackages(userId)));
    }

    /** Two tables: {@code Table} (resource groups) and {@code Table1} (quotas with values). */
    public DataSetTables getPackageQuotas(int packageId) {
        return dataSet(call("GetPackageQuotas", () -> packages().getPackageQuotas(packageId)));
    }

    // --- esPackages: add-ons of hosting spaces ---------------------------------------------------------------------

    /** @return the new package add-on's id */
    public int addPackageAddon(PackageAddonInfo addon) {
        return requireSuccess(
                "AddPackageAddon", call("AddPackageAddon", () -> packages().addPackageAddon(addon)));
    }

    public void updatePackageAddon(PackageAddonInfo addon) {
        requireSuccess("UpdatePackageAddon", call("UpdatePackageAddon", () -> packages()
                .updatePackageAddon(addon)));
    }

    public void deletePackageAddon(int packageAddonId) {
        requireSuccess("DeletePackageAddon", call("DeletePackageAddon", () -> packages()
                .deletePackageAddon(packageAddonId)));
    }

    public Optional<PackageAddonInfo> getPackageAddon(int packageAddonId) {
        return Optional.ofNullable(call("GetPackageAddon", () -> packages().getPackageAddon(packageAddonId)));
    }

    public List<Map<String, String>> getPackageAddons(int packageId) {
        return dataSet(call("GetPackageAddons", () -> packages().getPackageAddons(packageId)))
                .rows();
    }

    // --- esPackages: hosting plans and add-on plans ----------------------------------------------------------------

    /** Creates a hosting plan, or an add-on plan when {@code plan.isIsAddon()}. @return the new plan's id */
    public int addHostingPlan(HostingPlanInfo plan) {
        return requireSuccess(
                "AddHostingPlan", call("AddHostingPlan", () -> packages().addHostingPlan(plan)));
    }

    public void updateHostingPlan(HostingPlanInfo plan) {
        requireSuccess(
                "UpdateHostingPlan", call("UpdateHostingPlan", () -> packages().updateHostingPlan(plan)));
    }

    public void deleteHostingPlan(int planId) {
        requireSuccess(
                "DeleteHostingPlan", call("DeleteHostingPlan", () -> packages().deleteHostingPlan(planId)));
    }

    public Optional<HostingPlanInfo> getHostingPlan(int planId) {
        return Optional.ofNullable(call("GetHostingPlan", () -> packages().getHostingPlan(planId)));
    }

    /** Hosting plans owned by {@code userId}, one row each (PlanID, PlanName, …). */
    public List<Map<String, String>> getHostingPlans(int userId) {
        return dataSet(call("GetHostingPlans", () -> packages().getHostingPlans(userId)))
                .rows();
    }

    /** Add-on plans owned by {@code userId}, one row each. */
    public List<Map<String, String>> getHostingAddons(int userId) {
        return dataSet(call("GetHostingAddons", () -> packages().getHostingAddons(userId)))
                .rows();
    }

    /**
     * A plan's resource groups ({@code Table}: GroupID, GroupName, Enabled, …) and every quota of the catalogue with
     * the plan's value ({@code Table1}: QuotaID, GroupID, QuotaName, QuotaValue, …); {@code packageId} 0 and
     * {@code serverId} 0 read the plan alone (GetHostingPlan carries neither groups nor quotas).
     */
    public DataSetTables getHostingPlanQuotas(int packageId, int planId, int serverId) {
        return dataSet(
                call("GetHostingPlanQuotas", () -> packages().getHostingPlanQuotas(packageId, planId, serverId)));
    }

    // --- result interpretation -------------------------------------------------------------------------------------

    private static int requireSuccess(String operation, int code) {
        if (code < 0) {
            throw new EsBusinessException(operation, BusinessErrorCodes.of(operation, code), List.of());
        }
        return code;
    }

    private static int requireSuccess(String operation, PackageResult result) {
        if (result == null) {
            throw new EsFaultException(operation, "Server", "the answer carries no PackageResult", null);
        }
        if (result.getResult() < 0) {
            throw new EsBusinessException(
                    operation,
                    BusinessErrorCodes.of(operation, result.getResult()),
                    ExceedingQuotas.read(result.getExceedingQuotas()));
        }
        return result.getResult();
    }

    private static List<PackageInfo> packageList(ArrayOfPackageInfo result) {
        return result == null ? List.of() : result.getPackageInfo();
    }

    private static DataSetTables dataSet(DataSet result) {
        return DataSetTables.read(result);
    }

    private <T> T call(String operation, Supplier<T> invocation) {
        EsPorts used = null;
        RuntimeException failure = null;
        try {
            used = ports.get();
            if (built == null) {
                built = used;
            }
            return invocation.get();
        } catch (RuntimeException e) {
            failure = e;
            throw ErrorClassifier.classify(operation, e);
        } finally {
            // ports that could not be built took no slot; building them again here would only throw again
            if (used != null) {
                used.slots().releaseHeld(failure);
            }
        }
    }

    /**
     * The limit of calls in flight now (adaptive unless {@code es.server.in-flight.adaptive=false}), empty while the
     * ports are not built: a metrics scrape or the console must not be what builds them (and reads the WSDL).
     */
    public Optional<CallSlots> callSlots() {
        EsPorts known = built;
        return Optional.ofNullable(known).map(EsPorts::slots);
    }

    private EsUsersSoap users() {
        return ports.get().users();
    }

    private EsPackagesSoap packages() {
        return ports.get().packages();
    }

    private EsAuthenticationSoap authentication() {
        return ports.get().authentication();
    }
}
