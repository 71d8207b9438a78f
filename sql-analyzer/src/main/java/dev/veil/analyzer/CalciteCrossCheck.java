package dev.veil.analyzer;

import net.sf.jsqlparser.statement.Statement;

/** Placeholder replaced below. */
final class CalciteCrossCheck {
    CrossCheck check(Statement st, Dialect dialect, Catalog catalog, StatementAnalysis.Draft d) {
        return CrossCheck.notApplicable("not implemented");
    }
}
