package io.esbridge.client;

/** One row of a {@code PackageResult.ExceedingQuotas} DataSet: a quota whose value the parent space does not allow. */
public record ExceedingQuota(int quotaId, String quotaName, int quotaValue) {

    @Override
    public String toString() {
        return quotaName + " (quota " + quotaId + ") = " + quotaValue;
    }
}
