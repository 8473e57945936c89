package io.esbridge.sandbox;

import java.sql.SQLException;

/**
 * What a fault says when the database refused a statement: SQL Server's words (its error 8152 and the like), as the
 * real server's ASMX fault carries them, never the sandbox's own H2 text (table names, SQL, H2 error codes).
 */
final class SqlServerErrors {

    /** SQL Server's error 8152, as {@code SqlException.Message} joins it with the statement's end. */
    static final String TRUNCATED = "String or binary data would be truncated.\r\nThe statement has been terminated.";

    /** SQL Server's error 1205: the deadlock victim's transaction (a client may make the call again). */
    static final String DEADLOCK = "Transaction (Process ID 57) was deadlocked on lock resources with another process"
            + " and has been chosen as the deadlock victim. Rerun the transaction.";

    private static final String TERMINATED = "\r\nThe statement has been terminated.";

    private SqlServerErrors() {}

    /**
     * SQL Server's message for a database error of the sandbox, chosen by its SQLSTATE; {@code null} when the
     * exception did not come from the database.
     */
    static String of(Throwable thrown) {
        SQLException sql = null;
        for (Throwable t = thrown; t != null && sql == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e) {
                sql = e;
            }
        }
        if (sql == null) {
            return null;
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        return switch (state) {
            case "22001" -> TRUNCATED;
            case "22003" -> "Arithmetic overflow error converting expression to data type int." + TERMINATED;
            case "22007", "22008" -> "The conversion of a nvarchar data type to a datetime data type resulted in an"
                    + " out-of-range value." + TERMINATED;
            case "23505" -> "Violation of UNIQUE KEY constraint. Cannot insert duplicate key." + TERMINATED;
            case "23502" -> "Cannot insert the value NULL into a column; column does not allow nulls." + TERMINATED;
            case "23503", "23506" -> "The statement conflicted with a FOREIGN KEY constraint." + TERMINATED;
            case "40001" -> DEADLOCK;
            default -> "A database error occurred." + TERMINATED;
        };
    }
}
