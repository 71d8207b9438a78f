package dev.veil.driver.stages;

import dev.veil.driver.pipeline.Effects;
import dev.veil.driver.pipeline.Execution;
import dev.veil.driver.pipeline.Stage;
import dev.veil.driver.session.SessionTracker;
import java.sql.SQLException;

/**
 * After a statement that changes the schema, the database's cached catalog is dropped (every session sees the
 * change at once) — or, inside a transaction where DDL is transactional, the session reads the catalog privately
 * until the transaction ends; after one that may change the session's search path or settings, Veil reads them again
 * before the next statement — and again when the transaction ends, since a rollback undoes a SET. All of this also
 * happens when the statement fails, as it may have changed things before failing.
 */
public final class UpkeepStage implements Stage {

    @Override
    public Phase phase() {
        return Phase.EXECUTION;
    }

    @Override
    public <T> T execute(Execution<T> execution) throws SQLException {
        Effects effects = execution.plan().effects();
        if (effects.equals(Effects.NONE)) {
            return execution.proceed();
        }
        SessionTracker tracker = execution.session().tracker();
        try {
            return execution.proceed();
        } finally {
            // in one text, transaction control comes before DDL (DDL may only be last): BEGIN; CREATE VIEW … makes
            // the view the new transaction's
            switch (effects.transaction()) {
                case BEGINS -> tracker.transactionBegun();
                case ROLLS_BACK_TO_SAVEPOINT -> tracker.transactionEnded(false);
                case ENDS -> tracker.transactionEnded(true);
                case ENDS_AND_BEGINS -> tracker.transactionEnded(true, true);
                default -> {
                }
            }
            if (effects.changesSchema()) {
                tracker.schemaChanged();
            }
            if (effects.changesSession()) {
                tracker.stateChanged();
            }
        }
    }
}
