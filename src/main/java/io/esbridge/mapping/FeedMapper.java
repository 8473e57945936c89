package io.esbridge.mapping;

import java.nio.charset.Charset;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** How the rows of one feed are mapped: by one mapping, or by the mapping a column of each row names. */
public interface FeedMapper {

    /** The mapping's name, as the inbox routes and the push path name it. */
    String name();

    /** The mapping for this row. @throws FieldRejection when the row names no known record type */
    RecordMapper mapperFor(Map<String, String> row);

    /** A column every file of this feed has (a CSV file without it cannot be this feed), or {@code null}. */
    String requiredColumn();

    /** The charset the mapping fixes for its feed's files, if it fixes one (else it is detected per file). */
    Optional<Charset> charset();

    /** Where the records are inside the document (the mapping's {@code records} setting), if it says. */
    default Optional<String> records() {
        return Optional.empty();
    }

    /** Source columns whose values are masked in reports. */
    Collection<String> secrets();
}
