package dev.veil.driver.pipeline;

import dev.veil.driver.errors.VeilErrors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements added with {@code addBatch(sql)}, each planned when it is added — against the schema and session as
 * they are then, so none may follow a statement that changes them ({@link Effects#changesWhatFollows()}), and none
 * may be one its plan holds for approval: {@code executeBatch()} runs the batch as one plan, which waits for nobody.
 */
public final class StatementBatch {

    private final List<StatementPlan> plans = new ArrayList<>();

    /** Refuses another statement after one that changes the schema or the session; checked before it is planned. */
    public void checkOpen() throws SQLException {
        // nothing is ever added after such a statement, so only the last one added can be one
        if (!plans.isEmpty() && plans.get(plans.size() - 1).effects().changesWhatFollows()) {
            throw VeilErrors.refused("a batch cannot continue after a statement that changes the schema or the"
                    + " session: the statements after it would run against what Veil has not analyzed"
                    + " (rule: multi-statement)");
        }
    }

    /**
     * Refuses a statement its plan holds for approval (SQLState {@code 42VA1}), before the vendor driver sees it: the
     * batch would run it unapproved, and one approval request cannot show a reviewer every statement of a batch.
     */
    public void checkNotHeld(StatementPlan plan) throws SQLException {
        if (plan.approval().isPresent()) {
            throw VeilErrors.approval("the statement needs approval (rule: " + plan.approval().get().rule() + "),"
                    + " which a batch cannot wait for: run it on its own (execute or executeUpdate) to ask for"
                    + " approval");
        }
    }

    public void add(StatementPlan plan) {
        plans.add(plan);
    }

    /** The plan of {@code executeBatch()}: the statements added, in order. */
    public StatementPlan plan() {
        return StatementPlan.batch(plans);
    }

    public void clear() {
        plans.clear();
    }
}
