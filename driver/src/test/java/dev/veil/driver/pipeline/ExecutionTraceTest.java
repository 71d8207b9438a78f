package dev.veil.driver.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows reach a listener at the row it asked for next, and again after an approval changed what it decides on. */
class ExecutionTraceTest {

    /** Records the rows it hears of and asks for the row after {@code limit}, or fails past it. */
    private static final class Limit implements ResultListener {
        final List<Long> heard = new ArrayList<>();
        long limit;

        Limit(long limit) {
            this.limit = limit;
        }

        @Override
        public long row(long number) throws SQLException {
            heard.add(number);
            if (number > limit) {
                throw new SQLException("past " + limit);
            }
            return limit + 1;
        }
    }

    private static void read(ExecutionTrace trace, int rows) throws SQLException {
        for (int i = 0; i < rows; i++) {
            trace.row();
        }
    }

    @Test
    void aListenerHearsTheFirstRowThenOnlyTheRowItAskedFor() throws SQLException {
        ExecutionTrace trace = new ExecutionTrace(null, 0);
        Limit limit = new Limit(5);
        trace.listen(limit);
        read(trace, 5);
        assertThat(limit.heard).containsExactly(1L);
        assertThatThrownBy(trace::row).hasMessage("past 5");
        assertThatThrownBy(trace::row).hasMessage("past 5");
        assertThat(limit.heard).containsExactly(1L, 6L, 7L);
    }

    @Test
    void anApprovalMakesListenersDecideAgainAtTheNextRow() throws SQLException {
        ExecutionTrace trace = new ExecutionTrace(null, 0);
        Limit limit = new Limit(100);
        trace.listen(limit);
        read(trace, 3);
        limit.limit = 3;
        trace.approved("reviewer", "r-1", 3L);
        assertThatThrownBy(trace::row).hasMessage("past 3");
        assertThat(limit.heard).containsExactly(1L, 4L);
    }

    @Test
    void aListenerAskingForARowAlreadyPassedHearsEveryRow() throws SQLException {
        ExecutionTrace trace = new ExecutionTrace(null, 0);
        List<Long> heard = new ArrayList<>();
        trace.listen(new ResultListener() {
            @Override
            public long row(long number) {
                heard.add(number);
                return 0;
            }
        });
        read(trace, 3);
        assertThat(heard).containsExactly(1L, 2L, 3L);
    }

    @Test
    void listenersThatIgnoreRowsAreAskedOnce() throws SQLException {
        ExecutionTrace trace = new ExecutionTrace(null, 0);
        Limit limit = new Limit(Long.MAX_VALUE - 1);
        trace.listen(new ResultListener() {
        });
        trace.listen(limit);
        read(trace, 1000);
        assertThat(limit.heard).containsExactly(1L);
    }
}
