package dev.veil.benchmarks.peers;

import java.sql.SQLException;
import java.time.Duration;

/** One of the comparison's workloads. */
interface Workload {

    /** Short name for the JSON report. */
    String key();

    /** Name in the markdown report. */
    String label();

    /** Whether it reads sensitive columns (Veil and ShardingSphere mask them). */
    boolean sensitive();

    /** How long each contender runs it per round. */
    Duration slot(RunSettings settings);

    /** Opens it for {@code contender} on a table of {@code rows} rows; called with the contender's context loader. */
    Trial open(Contender contender, int rows) throws SQLException;
}
