package io.esbridge.client;

import io.esbridge.catalogue.QuotaCatalogue;

/**
 * One row of a {@code PackageResult.ExceedingQuotas} DataSet: a quota of the space or plan that its parent space does
 * not allow, and by how much it goes over that limit (the server's {@code QuotaValue}: the amount over the limit).
 *
 * @param quotaName the server's name ({@code OS.Diskspace}); null when the answer carried only the id
 */
public record ExceedingQuota(int quotaId, String quotaName, int quotaValue) {

    /**
     * Which quota and by how much, for the failure message an operator reads: the catalogue's description (what the
     * panel shows, "Disk space, MB") when the id is known, the server's name, and the id.
     */
    @Override
    public String toString() {
        String described = QuotaCatalogue.get()
                .quota(quotaId)
                .map(q -> q.groupName() + " / " + q.description())
                .orElse(null);
        String named = quotaName == null || quotaName.isBlank() ? null : quotaName.strip();
        String what;
        if (described != null && named != null) {
            what = described + " (" + named + ", quota " + quotaId + ")";
        } else if (described != null || named != null) {
            what = (described != null ? described : named) + " (quota " + quotaId + ")";
        } else {
            what = "quota " + quotaId;
        }
        // -1 is the server's way of saying the space asks for unlimited where a parent space sets a limit
        return quotaValue == -1
                ? what + " unlimited, where the parent space sets a limit"
                : what + " over the parent space's limit by " + quotaValue;
    }
}
