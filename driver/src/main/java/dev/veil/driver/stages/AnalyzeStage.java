package dev.veil.driver.stages;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.Catalog;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.SqlAnalyzer;
import dev.veil.driver.catalog.DatabaseCatalog;
import dev.veil.driver.errors.Scrubbing;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.pipeline.StatementPlan;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 1: parse the statement and resolve it against the session's catalog — lineage of every output and write,
 * predicate columns, functions, hazards. Analyses are cached by the analyzer. A session on an engine Veil does not
 * understand gets no analysis: the decide stage treats it as not understood.
 */
public final class AnalyzeStage implements Stage {

    @Override
    public Phase phase() {
        return Phase.PLANNING;
    }

    private final SqlAnalyzer analyzer;

    public AnalyzeStage(SqlAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public void plan(Session session, StatementPlan.Builder plan) throws SQLException {
        if (session.engine().isEmpty()) {
            return;
        }
        FailureCapturingCatalog catalog = new FailureCapturingCatalog(session.tracker().catalog());
        Analysis analysis = analyzer.analyze(plan.originalSql(), session.engine().get().sqlDialect(), catalog);
        if (catalog.failure != null) {
            // the analyzer does not cache an analysis its catalog failed, so the next statement reads it again
            if (catalog.failure.getCause() instanceof SQLException e && isTransactionOrConnectionState(e)) {
                // the database would refuse the statement itself just so (25P02 in an aborted transaction)
                throw Scrubbing.unattributed(e, "while Veil read the catalog; the statement was not run");
            }
            throw VeilErrors.refused(catalog.failure.getMessage() + "; the statement was not run");
        }
        plan.analysis(analysis);
        List<dev.veil.analyzer.StatementAnalysis> statements = analysis.statements();
        if (statements.size() == 1 && !statements.get(0).outputColumns().isEmpty()) {
            // a result of another shape means the catalog analyzed against is out of date
            plan.expectedLabels(statements.get(0).outputColumns().stream().map(o -> o.label()).toList());
        }
    }

    /**
     * Whether a catalog read failed for the state of the transaction or connection rather than for the statement:
     * classes 08 (connection), 25 (invalid transaction state: an aborted transaction), 40 (rolled back), 57
     * (operator intervention, cancel). The caller then sees the database's own SQLState, which it knows how to handle.
     */
    private static boolean isTransactionOrConnectionState(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.length() >= 2 && Set.of("08", "25", "40", "57").contains(state.substring(0, 2));
    }

    /** Keeps the first catalog failure, which the analyzer itself only sees as "not understood". */
    private static final class FailureCapturingCatalog implements Catalog {
        private final Catalog delegate;
        private DatabaseCatalog.CatalogException failure;

        FailureCapturingCatalog(Catalog delegate) {
            this.delegate = delegate;
        }

        @Override
        public String identity() {
            return delegate.identity();
        }

        @Override
        public long version() {
            return delegate.version();
        }

        @Override
        public String currentCatalog() {
            return delegate.currentCatalog();
        }

        @Override
        public List<String> searchPath() {
            return delegate.searchPath();
        }

        @Override
        public Optional<Relation> relation(String catalog, String schema, String name) {
            try {
                return delegate.relation(catalog, schema, name);
            } catch (DatabaseCatalog.CatalogException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public boolean isUserDefinedFunction(String schema, String name) {
            try {
                return delegate.isUserDefinedFunction(schema, name);
            } catch (DatabaseCatalog.CatalogException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public boolean isUserDefinedOperator(String symbol) {
            try {
                return delegate.isUserDefinedOperator(symbol);
            } catch (DatabaseCatalog.CatalogException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }
}
