package io.esbridge.mapping;

/** A record refused because of one field: what an operator needs to fix it. */
public class FieldRejection extends RuntimeException {

    private final String field;
    private final String value;

    public FieldRejection(String field, String value, String reason) {
        super(reason, null, false, false);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public String reason() {
        return getMessage();
    }
}
