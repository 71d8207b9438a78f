package dev.veil.driver.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import org.junit.jupiter.api.Test;

class ScrubbingTest {

    private static final String VALUE = "jane@example.com";

    @Test
    void keepsFamilyStateAndCodeButNotTheMessageOrCause() {
        SQLException vendor = new SQLException("duplicate key value violates unique constraint \"u\"\n  Detail: Key"
                + " (email)=(" + VALUE + ") already exists.", "23505", 0, new RuntimeException(VALUE));
        SQLException scrubbed = Scrubbing.withoutValues(vendor, "sensitive column customers.email");
        assertThat((Throwable) scrubbed).isInstanceOf(SQLIntegrityConstraintViolationException.class);
        assertThat(scrubbed.getSQLState()).isEqualTo("23505");
        assertThat(scrubbed.getMessage()).startsWith("veil: ").contains("23505", "customers.email")
                .doesNotContain(VALUE);
        assertThat(scrubbed.getCause()).isNull();
        assertThat((Throwable) scrubbed).isNotSameAs(vendor);
    }

    @Test
    void scrubsTheWholeChainAndKeepsBatchCounts() {
        BatchUpdateException batch = new BatchUpdateException("batch failed: " + VALUE, "22P02", 17,
                new long[] {1, -3}, null);
        batch.setNextException(new SQLDataException("invalid input syntax for type integer: \"" + VALUE + "\"",
                "22P02"));
        SQLException scrubbed = Scrubbing.withoutValues(batch, "sensitive column t.c");
        assertThat((Throwable) scrubbed).isInstanceOf(BatchUpdateException.class);
        assertThat(((BatchUpdateException) scrubbed).getLargeUpdateCounts()).containsExactly(1, -3);
        assertThat(scrubbed.getErrorCode()).isEqualTo(17);
        assertThat((Throwable) scrubbed.getNextException()).isInstanceOf(SQLDataException.class);
        assertThat(scrubbed.getNextException().getMessage()).doesNotContain(VALUE);
    }

    @Test
    void familiesFollowTheSqlStateWhenTheVendorUsesOneExceptionClass() {
        assertThat((Throwable) Scrubbing.withoutValues(new SQLException("x", "22003"),
                "s")).isInstanceOf(SQLDataException.class);
        assertThat((Throwable) Scrubbing.withoutValues(new SQLTimeoutException("x", "57014"), "s"))
                .isInstanceOf(SQLTimeoutException.class);
    }

    @Test
    void scrubsEveryWarning() {
        SQLWarning first = new SQLWarning("value " + VALUE, "01000", 1);
        first.setNextWarning(new SQLWarning("again " + VALUE, "01000", 2));
        SQLWarning scrubbed = Scrubbing.withoutValues(first, "sensitive column t.c");
        assertThat(scrubbed.getMessage()).doesNotContain(VALUE);
        assertThat(scrubbed.getNextWarning().getErrorCode()).isEqualTo(2);
        assertThat(scrubbed.getNextWarning().getMessage()).doesNotContain(VALUE);
        assertThat((Throwable) Scrubbing.withoutValues((SQLWarning) null, "s")).isNull();
    }
}
