package org.yizhan.locator.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that is unreachable (down, restarting, refusing connections, pool exhausted)
 * from a bug. The first is 503 with Retry-After, the second 500. SQLSTATE class 08 is
 * "connection exception", 57P01-57P03 are shutdown and "cannot connect now".
 */
public final class DatabaseFaults {

    /** Seconds a client should wait before retrying while the database is away. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseFaults() {}

    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    // A commit or rollback that fails at the JDBC level: the connection went away
                    // mid-transaction (Spring then reports the rollback failure, not the first error).
                    || t instanceof org.hibernate.TransactionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
