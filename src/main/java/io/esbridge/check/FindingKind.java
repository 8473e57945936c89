package io.esbridge.check;

/** What the pre-flight check can find, each with its grade and the sentence that heads its list in the report. */
public enum FindingKind {
    INVALID_RECORD(Grade.ERROR, "records the mapping refuses (as import would)"),
    DUPLICATE_USERNAME(Grade.ERROR, "usernames given to two customers of the inputs"),
    CUSTOMER_MISSING(Grade.ERROR, "subscriptions whose customer is neither in the inputs nor linked"),
    SUBSCRIPTION_MISSING(Grade.ERROR, "add-ons whose subscription is neither in the inputs nor linked"),
    OWNER_MISSING(Grade.ERROR, "owners (OwnerKey) neither in the inputs nor linked"),
    OWNER_NOT_RESELLER(Grade.ERROR, "owners (OwnerKey) that are not resellers (RoleId 2)"),
    OWNER_CYCLE(Grade.ERROR, "customers whose chain of owners comes back to them"),
    PLAN_UNKNOWN(Grade.ERROR, "plan names neither in the plans input nor on the target for that owner"),
    USERNAME_TAKEN(Grade.ERROR, "usernames taken on the target by an account that will not be adopted"),
    PASSWORD_MISSING(Grade.ERROR, "new customers without a password (es.provisioning.missing-password=FAIL)"),
    USERNAME_ADOPTED(Grade.WARNING, "usernames taken on the target by an account that will be adopted"),
    DUPLICATE_KEY(Grade.WARNING, "billing keys given to two records of the same kind (the later row wins)"),
    SOURCE_LEFT_OUT(Grade.WARNING, "what the source server has and the target cannot take (left out by a migration)"),
    PLAN_QUOTAS_DROPPED(Grade.WARNING, "target plans adopted by name whose quotas the plans input does not set"),
    PLAN_ADOPTED(Grade.NOTE, "plans of the input the target already has by name (adopted and aligned)"),
    PLAN_QUOTAS_ADDED(Grade.NOTE, "quotas the plans input adds to a target plan adopted by name"),
    PASSWORD_GENERATED(Grade.NOTE, "new customers without a password (one is generated)");

    private final Grade grade;
    private final String title;

    FindingKind(Grade grade, String title) {
        this.grade = grade;
        this.title = title;
    }

    public Grade grade() {
        return grade;
    }

    public String title() {
        return title;
    }
}
