package dev.veil.driver.pipeline;

/** The JDBC method family through which a statement entered the driver. */
public enum Entry {
    /** {@code Statement.execute(sql)} and {@code PreparedStatement.execute()}: any kind of statement. */
    EXECUTE,
    /** {@code executeQuery}: must produce a result set. */
    QUERY,
    /** {@code executeUpdate}/{@code executeLargeUpdate}: must produce an update count. */
    UPDATE,
    /** {@code addBatch(sql)}, checked when added and run by {@code executeBatch()}. */
    BATCH,
    /** {@code Connection.prepareStatement}: planned once, executed many times. */
    PREPARE,
    /** {@code Connection.prepareCall}. */
    PREPARE_CALL,
    /** {@code Connection.nativeSQL}: translated, never executed. */
    NATIVE_SQL
}
