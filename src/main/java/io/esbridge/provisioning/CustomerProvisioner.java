package io.esbridge.provisioning;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.StatusIds;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserStatus;
import io.esbridge.provisioning.ProvisioningException.Reason;
import io.esbridge.provisioning.ProvisioningProperties.MissingPasswordPolicy;
import io.esbridge.provisioning.ProvisioningProperties.UsernameTakenPolicy;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.RecordType;
import io.esbridge.run.Outcome;
import io.esbridge.state.Link;
import io.esbridge.state.LinkData;
import io.esbridge.state.SecretKeeper;

/**
 * Customer → user. First sight: AddUser (a taken username, -100, is adopted or refused by policy). Later
 * sights: nothing when nothing changed; UpdateUser for profile fields, ChangeUserStatus for the status,
 * ChangeUserPassword for a new password (noticed through a keyed hash; the password itself is never kept).
 */
@Component
class CustomerProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerProvisioner.class);

    /** AddUser's answer for a username that exists (ERROR_USER_ALREADY_EXISTS). */
    private static final int ERROR_USER_ALREADY_EXISTS = -100;

    /** UserInfo fields UpdateUser applies; the username is the identity and cannot be changed on the server. */
    private static final String[] PROFILE = {
        "firstName",
        "lastName",
        "email",
        "ownerId",
        "roleId",
        "demo",
        "peer",
        "companyName",
        "address",
        "city",
        "state",
        "zip",
        "country",
        "primaryPhone",
        "secondaryPhone",
        "fax",
        "secondaryEmail",
        "instantMessenger",
        "htmlMail",
        "comments",
        "subscriberNumber"
    };

    /**
     * What is compared between runs: the record without the username, password, letter and notes (create only), with
     * the owner's user id as resolved. {@code ownerKey} is left out of the JSON when null, so a customer of a constant
     * owner keeps the fingerprint its link was written with before owners by key existed (no spurious rewrite).
     */
    record AppliedCustomer(
            String firstName,
            String lastName,
            String email,
            int ownerId,
            int roleId,
            boolean demo,
            boolean peer,
            String companyName,
            String address,
            String city,
            String state,
            String zip,
            String country,
            String primaryPhone,
            String secondaryPhone,
            String fax,
            String secondaryEmail,
            String instantMessenger,
            boolean htmlMail,
            String comments,
            String subscriberNumber,
            String status,
            @JsonInclude(JsonInclude.Include.NON_NULL) String ownerKey) {

        static AppliedCustomer of(CustomerRecord r, int ownerId) {
            return new AppliedCustomer(
                    r.firstName(),
                    r.lastName(),
                    r.email(),
                    ownerId,
                    r.roleId(),
                    r.demo(),
                    r.peer(),
                    r.companyName(),
                    r.address(),
                    r.city(),
                    r.state(),
                    r.zip(),
                    r.country(),
                    r.primaryPhone(),
                    r.secondaryPhone(),
                    r.fax(),
                    r.secondaryEmail(),
                    r.instantMessenger(),
                    r.htmlMail(),
                    r.comments(),
                    r.subscriberNumber(),
                    r.status().name(),
                    CustomerOwners.keyOf(r));
        }
    }

    private final EnterpriseServerClient client;
    private final ObjectMapper mapper;
    private final SecretKeeper secrets;
    private final UsernameTakenPolicy usernameTaken;
    private final MissingPasswordPolicy missingPassword;
    private final CreatedSinceIntent createdSinceIntent;
    private final CustomerOwners owners;
    private final ResellerCascade cascade;

    CustomerProvisioner(
            EnterpriseServerClient client,
            ObjectMapper mapper,
            SecretKeeper secrets,
            ProvisioningProperties properties,
            CreatedSinceIntent createdSinceIntent,
            CustomerOwners owners,
            ResellerCascade cascade) {
        this.cascade = cascade;
        this.createdSinceIntent = createdSinceIntent;
        this.owners = owners;
        this.client = client;
        this.mapper = mapper;
        this.secrets = secrets;
        this.usernameTaken = properties.usernameTaken();
        this.missingPassword = properties.missingPassword();
    }

    Outcome provision(CustomerRecord record, ProvisioningContext ctx) {
        Optional<Link> link = ctx.links().find(RecordType.CUSTOMER, record.key());
        if (link.isPresent() && link.get().applied()) {
            // before the owner is looked up: a customer moved to a reseller not yet provisioned is still a move
            owners.checkNotMoved(record, link.get());
        }
        int ownerId = owners.ownerIdOf(record, ctx);
        Sight sight = new Sight(
                record,
                ownerId,
                AppliedState.of(mapper, AppliedCustomer.of(record, ownerId)),
                record.password() == null ? null : secrets.hash(record.password()));
        if (link.isPresent() && !link.get().applied()) {
            Link pending = link.get();
            Optional<UserInfo> found = client.getUserByUsername(pending.intentName());
            if (found.isPresent() && createdByIntent(found.get(), pending, sight, ctx)) {
                return Provisioner.createdEarlier(
                        laterSight(sight, ctx.linkFound(pending, found.get().getUserId()), ctx));
            } else {
                ctx.forgetIntent(pending);
                if (found.isPresent()) {
                    // someone else's user holds the username: decided as for AddUser's -100, never linked blindly
                    return adoptTaken(sight, ctx);
                }
                link = Optional.empty();
            }
        }
        if (link.isEmpty()) {
            return firstSight(sight, ctx);
        }
        return laterSight(sight, link.get(), ctx);
    }

    /**
     * One sight of a customer: the record, its owner's user id as resolved, what applying it records, and its
     * password's hash.
     */
    private record Sight(CustomerRecord record, int ownerId, AppliedState state, String passwordHash) {

        /** What the link records: the owner's user id as the parent (RESELLERS.md), so plan resolution can read it. */
        LinkData data(String hash) {
            return state.data(ownerId > 0 ? ownerId : null, hash);
        }
    }

    /**
     * An AddUser was announced and its outcome is unknown, and a user holds the username: it is the one AddUser made
     * only if it carries what was sent (e-mail, owner), the server dates it after the intent, and no other billing
     * customer is linked to it.
     */
    private boolean createdByIntent(UserInfo found, Link pending, Sight sight, ProvisioningContext ctx) {
        CustomerRecord record = sight.record();
        Optional<String> holder = ctx.links().billingKeyOf(RecordType.CUSTOMER, found.getUserId());
        return CreatedSinceIntent.sameText(found.getEmail(), record.email())
                && found.getOwnerId() == sight.ownerId()
                && createdSinceIntent.datedSince(found.getCreated(), pending)
                && (holder.isEmpty() || holder.get().equals(record.key()));
    }

    private Outcome firstSight(Sight sight, ProvisioningContext ctx) {
        CustomerRecord record = sight.record();
        String password = record.password();
        boolean noPassword = password == null || password.isEmpty();
        // AddUser refuses a taken username (-100) and changes nothing, so asking UserExists first would cost every new
        // customer one more round trip. A dry run (it makes no write) and a record without password (the policy
        // applies only to a user to be created) still ask first.
        if ((ctx.dryRun() || noPassword) && client.userExists(record.username())) {
            return adoptTaken(sight, ctx);
        }
        if (noPassword) {
            if (missingPassword == MissingPasswordPolicy.FAIL) {
                throw new ProvisioningException(
                        Reason.PASSWORD_MISSING,
                        "user '" + record.username()
                                + "' does not exist yet and the record carries no password to create it with"
                                + " (es.provisioning.missing-password=FAIL)");
            }
            password = Passwords.generate();
        }
        String initialPassword = password;
        Optional<Link> created = ctx.createUnlessTaken(
                "AddUser",
                RecordType.CUSTOMER,
                record.key(),
                record.username(),
                sight.data(sight.passwordHash()),
                ERROR_USER_ALREADY_EXISTS,
                () -> client.addUser(
                        newUser(record, sight.ownerId()), initialPassword, record.sendLetter(), record.notes()));
        return created.isPresent() ? Outcome.CREATED : adoptTaken(sight, ctx);
    }

    /** The username exists on the server: adopted (by policy, same e-mail) and brought up to date, or refused. */
    private Outcome adoptTaken(Sight sight, ProvisioningContext ctx) {
        laterSight(sight, adopt(sight, ctx), ctx);
        return Outcome.UPDATED;
    }

    private Link adopt(Sight sight, ProvisioningContext ctx) {
        CustomerRecord record = sight.record();
        UserInfo existing = client.getUserByUsername(record.username())
                .orElseThrow(() -> new ProvisioningException(
                        Reason.USERNAME_TAKEN, "username '" + record.username() + "' exists but cannot be read"));
        if (usernameTaken == UsernameTakenPolicy.FAIL) {
            throw new ProvisioningException(
                    Reason.USERNAME_TAKEN,
                    "username '" + record.username()
                            + "' is already taken on the server by user " + existing.getUserId()
                            + " (es.provisioning.username-taken=FAIL)");
        }
        if (!CreatedSinceIntent.sameText(existing.getEmail(), record.email())) {
            throw new ProvisioningException(
                    Reason.USERNAME_TAKEN,
                    "username '" + record.username()
                            + "' is already taken on the server by user " + existing.getUserId()
                            + " with another e-mail address: not adopted");
        }
        if (!CustomerOwners.ownedAsExpected(existing, record, sight.ownerId())) {
            // the same person under another owner is another reseller's user (or one moved by hand): adopting it would
            // make this reseller's records change a user outside its tree
            throw new ProvisioningException(
                    Reason.USERNAME_TAKEN,
                    "username '" + record.username()
                            + "' is already taken on the server by user " + existing.getUserId() + " owned by user "
                            + existing.getOwnerId() + ", not by customer " + CustomerOwners.keyOf(record) + " (user "
                            + sight.ownerId() + "): not adopted");
        }
        Optional<String> holder = ctx.links().billingKeyOf(RecordType.CUSTOMER, existing.getUserId());
        if (holder.isPresent() && !holder.get().equals(record.key())) {
            throw new ProvisioningException(
                    Reason.USERNAME_TAKEN,
                    "username '" + record.username()
                            + "' belongs to user " + existing.getUserId() + ", already linked to billing customer "
                            + holder.get());
        }
        return ctx.link(
                RecordType.CUSTOMER,
                record.key(),
                existing.getUserId(),
                LinkData.UNKNOWN.withParent(existing.getOwnerId() > 0 ? existing.getOwnerId() : null));
    }

    private Outcome laterSight(Sight sight, Link link, ProvisioningContext ctx) {
        CustomerRecord record = sight.record();
        AppliedState state = sight.state();
        String passwordHash = sight.passwordHash();
        boolean passwordChanged = passwordHash != null && !passwordHash.equals(link.passwordHash());
        if (state.sameAs(link.fingerprint()) && !passwordChanged) {
            return Outcome.UNCHANGED;
        }
        int userId = link.esId();
        if (AppliedState.changed(mapper, link.appliedJson(), state, PROFILE)) {
            UserInfo current = client.getUserById(userId)
                    .orElseThrow(() -> new ProvisioningException(
                            Reason.GONE_FROM_SERVER,
                            "user " + userId + " (billing customer " + record.key()
                                    + ") no longer exists on the server"));
            applyProfile(record, sight.ownerId(), current);
            ctx.write("UpdateUser", () -> client.updateUser(current));
        }
        if (AppliedState.changed(mapper, link.appliedJson(), state, "status")) {
            Optional<String> heldBy =
                    record.status() == UserStatus.ACTIVE ? cascade.heldBy(record.key(), ctx) : Optional.empty();
            if (heldBy.isPresent()) {
                // reactivating it now would make it active under a suspended reseller; the link takes billing's status,
                // so the reseller's reactivation (whose cascade reactivates it on the server) finds nothing to put back
                LOG.info(
                        "customer {}: active in billing, left as the server has it while its reseller {} is suspended"
                                + " (cascade); it comes back with {}",
                        record.key(),
                        heldBy.get(),
                        heldBy.get());
            } else {
                ctx.write("ChangeUserStatus", () -> client.changeUserStatus(userId, record.status()));
                if (record.reseller()) {
                    cascade.statusChanged(record.key(), userId, record.status().name(), ctx);
                }
            }
        }
        if (passwordChanged) {
            ctx.write("ChangeUserPassword", () -> client.changeUserPassword(userId, record.password()));
        }
        ctx.link(
                RecordType.CUSTOMER,
                record.key(),
                userId,
                sight.data(passwordHash != null ? passwordHash : link.passwordHash()));
        return ctx.operations().isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
    }

    private static UserInfo newUser(CustomerRecord record, int ownerId) {
        UserInfo user = new UserInfo();
        user.setUsername(record.username());
        user.setStatusId(StatusIds.id(record.status()));
        applyProfile(record, ownerId, user);
        return user;
    }

    /** Sets the profile fields only; RoleId/StatusId are sent without Role/Status (the later element would win). */
    private static void applyProfile(CustomerRecord r, int ownerId, UserInfo user) {
        user.setRole(null);
        user.setStatus(null);
        user.setRoleId(r.roleId());
        user.setOwnerId(ownerId);
        user.setIsDemo(r.demo());
        user.setIsPeer(r.peer());
        user.setFirstName(r.firstName());
        user.setLastName(r.lastName());
        user.setEmail(r.email());
        user.setCompanyName(r.companyName());
        user.setAddress(r.address());
        user.setCity(r.city());
        user.setState(r.state());
        user.setZip(r.zip());
        user.setCountry(r.country());
        user.setPrimaryPhone(r.primaryPhone());
        user.setSecondaryPhone(r.secondaryPhone());
        user.setFax(r.fax());
        user.setSecondaryEmail(r.secondaryEmail());
        user.setInstantMessenger(r.instantMessenger());
        user.setHtmlMail(r.htmlMail());
        user.setComments(r.comments());
        user.setSubscriberNumber(r.subscriberNumber());
    }
}
