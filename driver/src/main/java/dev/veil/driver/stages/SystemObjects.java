package dev.veil.driver.stages;

import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.TableName;
import dev.veil.driver.VeilErrors;
import dev.veil.driver.engine.Engine;
import java.sql.SQLException;

/**
 * System objects no client of Veil may read or create, exempt or not: they hold other sessions' statements and
 * variables (Veil's hash secrets among them), column statistics with real values, or reach a table through another
 * connection Veil does not see. This list backs up the analyzer's own; it errs on the side of refusing.
 */
final class SystemObjects {

    private SystemObjects() {
    }

    static void check(Engine engine, StatementAnalysis s, String which) throws SQLException {
        for (TableName table : s.tablesRead()) {
            if (engine.systemObjects().forbidden(table)) {
                throw VeilErrors.refused(which + "it reads " + table + ", which exposes other sessions' statements"
                        + " or variables, or column statistics (rule: system-objects)");
            }
        }
        if (engine.linksForeignData(s)) {
            throw VeilErrors.refused(which + "a linked table reads through a connection Veil does not see"
                    + " (rule: opaque-code)");
        }
    }
}
