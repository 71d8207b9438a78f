package dev.veil.driver.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What Veil decided for one statement text: the SQL the vendor driver runs. Built by the planning half of the
 * stages, once per statement (prepared statements reuse it for every execution).
 */
public final class StatementPlan {

    private final String originalSql;
    private final String sql;
    private final Entry entry;
    private final List<StatementPlan> batch;

    private StatementPlan(Builder builder) {
        this.originalSql = builder.originalSql;
        this.sql = builder.sql;
        this.entry = builder.entry;
        this.batch = List.of();
    }

    private StatementPlan(List<StatementPlan> batch) {
        this.originalSql = batch.stream().map(StatementPlan::originalSql).collect(Collectors.joining(";\n"));
        this.sql = batch.stream().map(StatementPlan::sql).collect(Collectors.joining(";\n"));
        this.entry = Entry.BATCH;
        this.batch = List.copyOf(batch);
    }

    /** The plan of {@code Statement.executeBatch()}: the statements added with {@code addBatch}, each planned. */
    public static StatementPlan batch(List<StatementPlan> statements) {
        return new StatementPlan(statements);
    }

    /** For a batch, the plans of its statements in order; otherwise empty. */
    public List<StatementPlan> batch() {
        return batch;
    }

    /** The SQL text the application gave. */
    public String originalSql() {
        return originalSql;
    }

    /** The SQL text the vendor driver runs. */
    public String sql() {
        return sql;
    }

    public Entry entry() {
        return entry;
    }

    /** The plan while stages are building it. */
    public static final class Builder {
        private final String originalSql;
        private final Entry entry;
        private String sql;

        Builder(String originalSql, Entry entry) {
            this.originalSql = Objects.requireNonNull(originalSql, "sql");
            this.entry = entry;
            this.sql = originalSql;
        }

        public String originalSql() {
            return originalSql;
        }

        public Entry entry() {
            return entry;
        }

        public String sql() {
            return sql;
        }

        /** Replaces the SQL the vendor will run. */
        public Builder sql(String rewritten) {
            this.sql = Objects.requireNonNull(rewritten);
            return this;
        }

        StatementPlan build() {
            return new StatementPlan(this);
        }
    }
}
