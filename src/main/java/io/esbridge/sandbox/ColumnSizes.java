package io.esbridge.sandbox;

import io.esbridge.catalogue.FieldLengths;

/**
 * The sizes of the real server's columns (the table es-bridge validates against): a value longer than its column is
 * refused as SQL Server refuses it, with a fault saying "String or binary data would be truncated.", and nothing is
 * written.
 */
final class ColumnSizes {

    private final FieldLengths lengths;

    ColumnSizes(FieldLengths lengths) {
        this.lengths = lengths;
    }

    /** @throws ServerFaultException when {@code value} is longer than the panel column {@code Table.Column} */
    void check(String column, String value) {
        if (value == null) {
            return;
        }
        lengths.column(column).filter(max -> value.length() > max).ifPresent(max -> {
            throw new ServerFaultException(SqlServerErrors.TRUNCATED);
        });
    }
}
