package io.esbridge.catalogue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The resource groups and quotas of the Enterprise Server (33 groups, 254 quotas, from the MSPControl integration
 * document), so that people may write plans with names ("Mail Accounts", "Web / Web Sites") instead of ids.
 * A quota description alone is ambiguous for 33 of them ("Databases" exists in every SQL group): those need the
 * group, written {@code Group / Description}.
 */
public final class QuotaCatalogue {

    /** One quota of the catalogue. */
    public record Quota(int id, String groupName, String description) {}

    private static final QuotaCatalogue INSTANCE = new QuotaCatalogue();

    private final Map<Integer, String> groups = new LinkedHashMap<>();
    private final Map<Integer, Quota> quotas = new LinkedHashMap<>();

    private QuotaCatalogue() {
        for (CSVRecord row : read("/enterprise-server/resource-groups.csv")) {
            groups.put(Integer.parseInt(row.get("GroupId")), row.get("GroupName"));
        }
        for (CSVRecord row : read("/enterprise-server/quotas.csv")) {
            int id = Integer.parseInt(row.get("QuotaId"));
            quotas.put(id, new Quota(id, row.get("GroupName"), row.get("QuotaDescription")));
        }
    }

    public static QuotaCatalogue get() {
        return INSTANCE;
    }

    /** Every quota, in the catalogue's order (GetHostingPlanQuotas lists them all). */
    public List<Quota> quotas() {
        return List.copyOf(quotas.values());
    }

    /** Every resource group by id, in the catalogue's order. */
    public Map<Integer, String> groups() {
        return Collections.unmodifiableMap(groups);
    }

    public Optional<Quota> quota(int id) {
        return Optional.ofNullable(quotas.get(id));
    }

    public Optional<String> groupName(int id) {
        return Optional.ofNullable(groups.get(id));
    }

    /**
     * A resource group's id from its id or name ({@code 4}, {@code Mail}, {@code mail}).
     *
     * @throws IllegalArgumentException naming the reason, for an unknown group
     */
    public int groupId(String idOrName) {
        String wanted = idOrName.strip();
        if (wanted.matches("\\d+")) {
            int id = Integer.parseInt(wanted);
            if (groups.containsKey(id)) {
                return id;
            }
            throw new IllegalArgumentException("no resource group has id " + id);
        }
        return groups.entrySet().stream()
                .filter(g -> normal(g.getValue()).equals(normal(wanted)))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no resource group is named '" + wanted + "' (known: "
                        + String.join(", ", groups.values()) + ")"));
    }

    /**
     * A quota's id from its id, its description ({@code Mail Accounts}) or group and description
     * ({@code MySQL5 / Databases}); case and spacing do not matter.
     *
     * @throws IllegalArgumentException naming the reason and the candidates, for an unknown or ambiguous name
     */
    public int quotaId(String idOrName) {
        String wanted = idOrName.strip();
        if (wanted.matches("\\d+")) {
            int id = Integer.parseInt(wanted);
            if (quotas.containsKey(id)) {
                return id;
            }
            throw new IllegalArgumentException("no quota has id " + id);
        }
        List<Quota> matches = new ArrayList<>();
        int slash = wanted.indexOf('/');
        for (Quota q : quotas.values()) {
            boolean match = slash < 0
                    ? normal(q.description()).equals(normal(wanted))
                    : normal(q.groupName()).equals(normal(wanted.substring(0, slash)))
                            && normal(q.description()).equals(normal(wanted.substring(slash + 1)));
            if (match) {
                matches.add(q);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0).id();
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no quota is named '" + wanted + "'");
        }
        throw new IllegalArgumentException("quota name '" + wanted + "' is ambiguous: write one of "
                + matches.stream()
                        .map(q -> q.groupName() + " / " + q.description() + " (id " + q.id() + ")")
                        .collect(Collectors.joining(", ")));
    }

    private static String normal(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<CSVRecord> read(String resource) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader in =
                new InputStreamReader(QuotaCatalogue.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return format.parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
