package io.esbridge.feed.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spreadsheet-safe CSV of a rejects file: RFC 4180 quoting, every cell that a spreadsheet would read as a formula
 * (starting with {@code = + - @}, tab or carriage return, unless it is a plain number such as {@code -305}) prefixed
 * with {@code '} as OWASP advises against CSV injection, and the way back: a rejects file dropped into the inbox again loses its error columns and those prefixes.
 */
public final class RejectsCsv {

    /** The columns a rejects file adds after the original ones. */
    public static final List<String> ERROR_COLUMNS =
            List.of("error_field", "error_code", "error_name", "error_message", "source_line");
    /** A UTF-8 byte order mark, so that spreadsheets read the file as UTF-8. */
    public static final String BOM = "\uFEFF";

    /** A plain number (an error code such as -305) is no formula and stays as it is. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private static final Set<Character> FORMULA_STARTS = Set.of('=', '+', '-', '@', '\t', '\r');

    private RejectsCsv() {}

    /** A value made safe to open in a spreadsheet. */
    public static String defuse(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.contains(value.charAt(0))
                        && !NUMBER.matcher(value).matches()
                ? "'" + value
                : value;
    }

    /** A value read back from a rejects file: the {@code '} added by {@link #defuse} removed. */
    public static String restore(String value) {
        if (value != null
                && value.length() > 1
                && value.charAt(0) == '\''
                && FORMULA_STARTS.contains(value.charAt(1))) {
            return value.substring(1);
        }
        return value;
    }

    /** Whether a row (column to value) was read from a rejects file. */
    public static boolean isRejectsRow(Map<String, String> values) {
        return values.keySet().containsAll(ERROR_COLUMNS);
    }

    /** A row of a rejects file as the original feed row: error columns dropped, defused values restored. */
    public static Map<String, String> original(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!ERROR_COLUMNS.contains(k)) {
                out.put(k, restore(v));
            }
        });
        return out;
    }

    /** One CSV line (without the line break): each cell defused and quoted when needed. */
    public static String line(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String cell : cells) {
            out.add(quote(defuse(cell)));
        }
        return String.join(",", out);
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0
                && cell.indexOf('"') < 0
                && cell.indexOf('\n') < 0
                && cell.indexOf('\r') < 0
                && cell.indexOf(';') < 0
                && cell.indexOf('\t') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
