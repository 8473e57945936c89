package io.esbridge.client;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The complete BusinessErrorCodes table of WebsitePanel 1.1, 2.1 and SolidCP, read from
 * {@code enterprise-server/business-error-codes.csv}.
 */
public final class BusinessErrorCodes {

    private static final String TABLE = "/enterprise-server/business-error-codes.csv";
    private static final Map<Integer, BusinessErrorCode> BY_CODE = load();

    /**
     * Answers that are no BusinessErrorCodes constant but a stored procedure's own return value, passed through
     * unnamed, so they mean something only for their operation. AddUser's -2: {@code AddUser} returns -2 when the
     * caller may not create users under the {@code OwnerId} given (the owner is neither the caller nor below it).
     */
    private static final Map<String, Map<Integer, BusinessErrorCode>> BY_OPERATION = Map.of(
            "AddUser",
            Map.of(
                    -2,
                    new BusinessErrorCode(
                            -2,
                            "ADD_USER_OWNER_NOT_ALLOWED",
                            "Users",
                            "The caller may not create a user under this OwnerId (the owner is neither the caller"
                                    + " nor one of its users): check the customer's owner and es.server.username.")));

    private BusinessErrorCodes() {}

    /** The code as {@code operation} answers it: its own unnamed values first, then the table. */
    public static BusinessErrorCode of(String operation, int code) {
        BusinessErrorCode own = BY_OPERATION.getOrDefault(operation, Map.of()).get(code);
        return own != null ? own : of(code);
    }

    /** The code's constant and explanation; an unlisted value gets {@code UNKNOWN_ERROR_CODE}. */
    public static BusinessErrorCode of(int code) {
        BusinessErrorCode known = BY_CODE.get(code);
        return known != null
                ? known
                : new BusinessErrorCode(
                        code,
                        "UNKNOWN_ERROR_CODE",
                        "",
                        "The server answered with an error code that no known version defines.");
    }

    public static int size() {
        return BY_CODE.size();
    }

    private static Map<Integer, BusinessErrorCode> load() {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setCommentMarker('#')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        Map<Integer, BusinessErrorCode> codes = new TreeMap<>();
        try (Reader in =
                new InputStreamReader(BusinessErrorCodes.class.getResourceAsStream(TABLE), StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(in)) {
                int code = Integer.parseInt(row.get("code"));
                String name = row.get("constant");
                String explanation = row.get("explanation").isBlank() ? fromConstant(name) : row.get("explanation");
                codes.merge(
                        code,
                        new BusinessErrorCode(code, name, row.get("group"), explanation),
                        (first, second) -> new BusinessErrorCode(
                                code,
                                first.constantName() + " / " + second.constantName(),
                                first.group(),
                                first.explanation()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + TABLE, e);
        }
        return Map.copyOf(codes);
    }

    /** {@code ERROR_MAIL_DOMAIN_EXISTS} reads as "Mail domain exists." */
    private static String fromConstant(String name) {
        String words = name.replaceFirst("^ERROR_", "").replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
    }
}
