package io.esbridge.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserLoginStatus;
import io.esbridge.contract.UserRole;
import io.esbridge.contract.UserStatus;

/** The users of the sandbox and the esUsers / esAuthentication rules (contract section 2.4). */
final class UserDirectory {

    static final int ADMIN_ID = 1;
    private static final String INVALID_USERNAME_CHARACTERS = "\\/:*?<>|\"";
    private static final int ROLE_ADMINISTRATOR = 1;
    private static final int ROLE_RESELLER = 2;
    private static final int ROLE_USER = 3;

    private final SandboxDatabase database;
    private final JdbcClient jdbc;
    /** WebsitePanel 1.x gives the password back inside UserInfo; later versions never serialize it. */
    private final boolean passwordReadable;

    private final ColumnSizes columns;
    private volatile Runnable credentialsChanged = () -> {};

    UserDirectory(SandboxDatabase database, boolean passwordReadable, ColumnSizes columns) {
        this.database = database;
        this.jdbc = database.jdbc();
        this.passwordReadable = passwordReadable;
        this.columns = columns;
    }

    /** Told when a password changes or a user goes (the authenticator forgets what it remembered). */
    void onCredentialsChanged(Runnable listener) {
        this.credentialsChanged = listener;
    }

    /** Creates serveradmin (user 1) in an empty database. */
    void seedAdministrator(String password) {
        if (!exists("serveradmin")) {
            UserInfo admin = new UserInfo();
            admin.setUsername("serveradmin");
            admin.setRoleId(1);
            admin.setStatusId(1);
            admin.setFirstName("Server");
            admin.setLastName("Administrator");
            admin.setEmail("serveradmin@localhost");
            insert(admin, 0, password);
        }
    }

    boolean exists(String username) {
        return username != null
                && jdbc.sql("SELECT COUNT(*) FROM es_users WHERE username = ?")
                                .param(username)
                                .query(Integer.class)
                                .single()
                        > 0;
    }

    Optional<UserInfo> byId(int userId) {
        return jdbc.sql("SELECT * FROM es_users WHERE user_id = ?")
                .param(userId)
                .query(this::userInfo)
                .optional();
    }

    Optional<UserInfo> byUsername(String username) {
        return jdbc.sql("SELECT * FROM es_users WHERE username = ?")
                .param(username)
                .query(this::userInfo)
                .optional();
    }

    List<UserInfo> byOwner(int ownerId, boolean recursive) {
        List<UserInfo> users = new ArrayList<>();
        for (UserInfo child : jdbc.sql("SELECT * FROM es_users WHERE owner_id = ? ORDER BY user_id")
                .param(ownerId)
                .query(this::userInfo)
                .list()) {
            users.add(child);
            if (recursive) {
                users.addAll(byOwner(child.getUserId(), true));
            }
        }
        return users;
    }

    /** The user and every user below it. */
    List<Integer> selfAndDescendants(int userId) {
        List<Integer> ids = new ArrayList<>(List.of(userId));
        byOwner(userId, true).forEach(u -> ids.add(u.getUserId()));
        return ids;
    }

    /** Null when the credentials name no user (Basic authentication compares the plain text). */
    Integer idByCredentials(String username, String password) {
        return jdbc.sql("SELECT user_id FROM es_users WHERE username = ? AND password = ?")
                .param(username)
                .param(password)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    /**
     * The stored procedure AddUser behind UserController.AddUser: a caller who is no administrator gets an
     * Administrator lowered to User without a word, and may create users only under itself or a user below it
     * (CanCreateUser); otherwise the procedure's -2 comes back as it is, no named business code.
     *
     * @return the new user's id, -111, -100 or -2
     */
    int add(UserInfo user, String password, List<String> notes, int callerId, AccessRights rights) {
        String username = user.getUsername();
        if (username == null
                || username.isBlank()
                || username.chars().anyMatch(c -> INVALID_USERNAME_CHARACTERS.indexOf(c) >= 0)) {
            return -111;
        }
        if (exists(username)) {
            return -100;
        }
        int ownerId = user.getOwnerId() > 0 ? user.getOwnerId() : callerId;
        if (!rights.mayCreateUnder(callerId, ownerId)) {
            return -2;
        }
        if (roleId(user) == ROLE_ADMINISTRATOR && !rights.isAdministrator(callerId)) {
            user.setRole(UserRole.USER);
            user.setRoleId(ROLE_USER);
        }
        columns.check("Users.Username", username);
        columns.check("Users.Password", password);
        checkProfile(user);
        notes.forEach(note -> columns.check("Comments.CommentText", note));
        int userId;
        try {
            userId = insert(user, ownerId, password);
        } catch (DuplicateKeyException raced) {
            return -100;
        }
        for (String note : notes) {
            jdbc.sql("INSERT INTO es_user_notes (user_id, note) VALUES (?, ?)")
                    .param(userId)
                    .param(note)
                    .update();
        }
        return userId;
    }

    private int insert(UserInfo user, int ownerId, String password) {
        int roleId = roleId(user);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(
                        """
                INSERT INTO es_users (owner_id, role_id, status_id, is_peer, is_demo, username, password, first_name,
                  last_name, email, secondary_email, address, city, state, country, zip, primary_phone,
                  secondary_phone, fax, instant_messenger, html_mail, company_name, ecommerce_enabled,
                  subscriber_number, comments, additional_params, mfa_mode, created, changed)
                VALUES (:owner, :role, :status, :peer, :demo, :username, :password, :firstName, :lastName, :email,
                  :secondaryEmail, :address, :city, :state, :country, :zip, :primaryPhone, :secondaryPhone, :fax,
                  :im, :htmlMail, :company, :ecommerce, :subscriber, :comments, :additional, :mfa, :now, :now)""")
                .param("owner", ownerId == 0 ? null : ownerId)
                .param("role", roleId)
                .param("status", statusId(user))
                .param("peer", user.isIsPeer())
                .param("demo", user.isIsDemo())
                .param("username", user.getUsername())
                .param("password", password)
                .params(contactFields(user).getValues())
                .param("ecommerce", roleId != ROLE_USER && user.isEcommerceEnabled())
                .param("now", Dates.now())
                .update(key, "user_id");
        return key.getKey().intValue();
    }

    /** @return 0, or -102 when a reseller with users would become a user */
    int update(UserInfo user) {
        UserInfo current =
                byId(user.getUserId()).orElseThrow(() -> new ServerFaultException(ServerFaultException.NULL_REFERENCE));
        int roleId = roleId(user);
        if (current.getRoleId() == ROLE_RESELLER
                && roleId == ROLE_USER
                && !byOwner(user.getUserId(), false).isEmpty()) {
            return -102;
        }
        checkProfile(user);
        jdbc.sql(
                        """
                UPDATE es_users SET role_id = :role, status_id = :status, is_peer = :peer, is_demo = :demo,
                  first_name = :firstName, last_name = :lastName, email = :email, secondary_email = :secondaryEmail,
                  address = :address, city = :city, state = :state, country = :country, zip = :zip,
                  primary_phone = :primaryPhone, secondary_phone = :secondaryPhone, fax = :fax,
                  instant_messenger = :im, html_mail = :htmlMail, company_name = :company,
                  ecommerce_enabled = :ecommerce, subscriber_number = :subscriber, comments = :comments,
                  additional_params = :additional, mfa_mode = :mfa, changed = :now
                WHERE user_id = :id""")
                .param("role", roleId)
                .param("status", statusId(user))
                .param("peer", user.isIsPeer())
                .param("demo", user.isIsDemo())
                .params(contactFields(user).getValues())
                .param("ecommerce", roleId != ROLE_USER && user.isEcommerceEnabled())
                .param("now", Dates.now())
                .param("id", user.getUserId())
                .update();
        return 0;
    }

    /** @return 0, or -102 when the user owns users; its hosting spaces go with it */
    int delete(int userId) {
        if (!byOwner(userId, false).isEmpty()) {
            return -102;
        }
        if (byId(userId).isEmpty()) {
            throw new ServerFaultException(ServerFaultException.NULL_REFERENCE);
        }
        database.transactions().executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM es_package_addons WHERE package_id IN (SELECT package_id FROM es_packages "
                            + "WHERE user_id = ?)")
                    .param(userId)
                    .update();
            jdbc.sql("DELETE FROM es_packages WHERE user_id = ?").param(userId).update();
            jdbc.sql("DELETE FROM es_user_notes WHERE user_id = ?")
                    .param(userId)
                    .update();
            jdbc.sql("DELETE FROM es_users WHERE user_id = ?").param(userId).update();
        });
        credentialsChanged.run();
        return 0;
    }

    int changePassword(int userId, String password) {
        columns.check("Users.Password", password);
        int changed = jdbc.sql("UPDATE es_users SET password = ?, changed = ? WHERE user_id = ?")
                .param(password)
                .param(Dates.now())
                .param(userId)
                .update();
        if (changed == 0) {
            throw new ServerFaultException(ServerFaultException.NULL_REFERENCE);
        }
        credentialsChanged.run();
        return 0;
    }

    /**
     * Sets the status of the user and every user below it (peers included: they hang under it), and of all their
     * hosting spaces; Pending makes the spaces New (contract section 2.4). Every status cascades, reactivation too:
     * making a suspended reseller Active again makes its customers and all their spaces Active, also those that were
     * suspended on their own before, as the real server does.
     */
    int changeStatus(int userId, UserStatus status) {
        if (byId(userId).isEmpty()) {
            throw new ServerFaultException(ServerFaultException.NULL_REFERENCE);
        }
        int userStatusId = status.ordinal() + 1;
        int packageStatusId = status == UserStatus.PENDING ? 4 : userStatusId;
        database.transactions().executeWithoutResult(tx -> {
            for (int id : selfAndDescendants(userId)) {
                jdbc.sql("UPDATE es_users SET status_id = ?, changed = ? WHERE user_id = ?")
                        .param(userStatusId)
                        .param(Dates.now())
                        .param(id)
                        .update();
                jdbc.sql("UPDATE es_packages SET status_id = ?, status_changed = ? WHERE user_id = ?")
                        .param(packageStatusId)
                        .param(Dates.now())
                        .param(id)
                        .update();
            }
        });
        return 0;
    }

    /** esAuthentication's checks in the real server's order; suspended users log in. */
    int authenticate(String username, String password) {
        record Login(String password, int statusId) {}
        Optional<Login> login = username == null
                ? Optional.empty()
                : jdbc.sql("SELECT password, status_id FROM es_users WHERE username = ?")
                        .param(username)
                        .query((rs, n) -> new Login(rs.getString(1), rs.getInt(2)))
                        .optional();
        if (login.isEmpty()) {
            return -109;
        }
        if (password == null || !password.equals(login.get().password())) {
            return -110;
        }
        return switch (login.get().statusId()) {
            case 3 -> -105;
            case 4 -> -103;
            default -> 0;
        };
    }

    /** Role wins over RoleId when both came (the later element wins on the real server; Role follows RoleId). */
    private static int roleId(UserInfo user) {
        if (user.getRole() != null) {
            return user.getRole().ordinal() + 1;
        }
        return user.getRoleId() >= 1 && user.getRoleId() <= UserRole.values().length ? user.getRoleId() : ROLE_USER;
    }

    private static int statusId(UserInfo user) {
        if (user.getStatus() != null) {
            return user.getStatus().ordinal() + 1;
        }
        return user.getStatusId() >= 1 && user.getStatusId() <= 4 ? user.getStatusId() : 1;
    }

    /** The profile fields AddUser and UpdateUser write, against the real server's Users columns. */
    private void checkProfile(UserInfo user) {
        columns.check("Users.FirstName", user.getFirstName());
        columns.check("Users.LastName", user.getLastName());
        columns.check("Users.Email", user.getEmail());
        columns.check("Users.SecondaryEmail", user.getSecondaryEmail());
        columns.check("Users.Address", user.getAddress());
        columns.check("Users.City", user.getCity());
        columns.check("Users.State", user.getState());
        columns.check("Users.Country", user.getCountry());
        columns.check("Users.Zip", user.getZip());
        columns.check("Users.PrimaryPhone", user.getPrimaryPhone());
        columns.check("Users.SecondaryPhone", user.getSecondaryPhone());
        columns.check("Users.Fax", user.getFax());
        columns.check("Users.InstantMessenger", user.getInstantMessenger());
        columns.check("Users.CompanyName", user.getCompanyName());
        columns.check("Users.SubscriberNumber", user.getSubscriberNumber());
        columns.check("Users.Comments", user.getComments());
    }

    private static MapSqlParameterSource contactFields(UserInfo user) {
        return new MapSqlParameterSource()
                .addValue("firstName", user.getFirstName())
                .addValue("lastName", user.getLastName())
                .addValue("email", user.getEmail())
                .addValue("secondaryEmail", user.getSecondaryEmail())
                .addValue("address", user.getAddress())
                .addValue("city", user.getCity())
                .addValue("state", user.getState())
                .addValue("country", user.getCountry())
                .addValue("zip", user.getZip())
                .addValue("primaryPhone", user.getPrimaryPhone())
                .addValue("secondaryPhone", user.getSecondaryPhone())
                .addValue("fax", user.getFax())
                .addValue("im", user.getInstantMessenger())
                .addValue("htmlMail", user.isHtmlMail())
                .addValue("company", user.getCompanyName())
                .addValue("subscriber", user.getSubscriberNumber())
                .addValue("comments", user.getComments())
                .addValue("additional", user.getAdditionalParams())
                // null where the brand does not declare MfaMode: such a server has no MFA to keep
                .addValue("mfa", user.getMfaMode() == null ? 0 : user.getMfaMode());
    }

    private UserInfo userInfo(ResultSet rs, int row) throws SQLException {
        UserInfo user = new UserInfo();
        user.setUserId(rs.getInt("user_id"));
        user.setOwnerId(rs.getInt("owner_id"));
        user.setRoleId(rs.getInt("role_id"));
        user.setRole(UserRole.values()[user.getRoleId() - 1]);
        user.setStatusId(rs.getInt("status_id"));
        user.setStatus(UserStatus.values()[user.getStatusId() - 1]);
        user.setLoginStatusId(0);
        user.setLoginStatus(UserLoginStatus.ENABLED);
        user.setIsPeer(rs.getBoolean("is_peer"));
        user.setIsDemo(rs.getBoolean("is_demo"));
        user.setCreated(Dates.xml(rs.getTimestamp("created")));
        user.setChanged(Dates.xml(rs.getTimestamp("changed")));
        user.setUsername(rs.getString("username"));
        if (passwordReadable) {
            user.setPassword(rs.getString("password"));
        }
        user.setFirstName(rs.getString("first_name"));
        user.setLastName(rs.getString("last_name"));
        user.setEmail(rs.getString("email"));
        user.setSecondaryEmail(rs.getString("secondary_email"));
        user.setAddress(rs.getString("address"));
        user.setCity(rs.getString("city"));
        user.setState(rs.getString("state"));
        user.setCountry(rs.getString("country"));
        user.setZip(rs.getString("zip"));
        user.setPrimaryPhone(rs.getString("primary_phone"));
        user.setSecondaryPhone(rs.getString("secondary_phone"));
        user.setFax(rs.getString("fax"));
        user.setInstantMessenger(rs.getString("instant_messenger"));
        user.setHtmlMail(rs.getBoolean("html_mail"));
        user.setCompanyName(rs.getString("company_name"));
        user.setEcommerceEnabled(rs.getBoolean("ecommerce_enabled"));
        user.setSubscriberNumber(rs.getString("subscriber_number"));
        user.setComments(rs.getString("comments"));
        user.setAdditionalParams(rs.getString("additional_params"));
        user.setMfaMode(rs.getInt("mfa_mode"));
        return user;
    }
}
