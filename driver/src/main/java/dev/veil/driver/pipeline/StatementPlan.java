package dev.veil.driver.pipeline;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.TableName;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Veil decided for one statement text: the SQL the vendor driver runs and what the stages learned on the way.
 * Built by the planning half of the stages, once per statement (prepared statements reuse it for every execution).
 */
public final class StatementPlan {

    /** What Veil did with the statement, as usage events report it. */
    public enum Decision {
        /** Runs as written: touches nothing sensitive, or the principal is exempt. */
        ALLOWED,
        /** Runs rewritten: sensitive values leave the database masked. */
        MASKED,
        /** Runs once a reviewer approves it. */
        HELD_FOR_APPROVAL
    }

    private final String originalSql;
    private final String sql;
    private final Entry entry;
    private final Analysis analysis;
    private final Map<BaseColumn, Sensitivity> sensitive;
    private final List<String> masks;
    private final boolean exempt;
    private final Decision decision;
    private final List<String> expectedLabels;
    private final ResultMasks resultMasks;
    private final Approval approval;
    private final Effects effects;
    private final Set<TableName> sensitiveTables;
    private final GeneratedKeys generatedKeys;
    private final String catalogIdentity;
    private final long catalogVersion;
    /** Whether the statement's errors concern only the tables it names: a query, a write or DDL Veil analyzed. */
    private final boolean attributable;
    /** What execution stages derived from the plan, computed at the first execution that needed it. */
    private final Map<Class<?>, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();
    /** The statement's shape, when texts differing from it in value-only literals may reuse this plan. */
    private final dev.veil.analyzer.StatementShape shape;
    /** Whether a row estimate, which reads the text's literals, took part in the decision. */
    private final boolean rowsEstimated;
    private final String readsUntrusted;
    private final boolean afterUntrustedRead;

    private StatementPlan(Builder b) {
        this.originalSql = b.originalSql;
        this.sql = b.sql;
        this.entry = b.entry;
        this.analysis = b.analysis;
        this.sensitive = Map.copyOf(b.sensitive);
        this.masks = List.copyOf(b.masks);
        this.exempt = b.exempt;
        this.decision = b.approval != null ? Decision.HELD_FOR_APPROVAL
                : b.masks.isEmpty() ? Decision.ALLOWED : Decision.MASKED;
        this.expectedLabels = b.expectedLabels == null ? null : List.copyOf(b.expectedLabels);
        this.resultMasks = b.maskedOnRead.isEmpty() || b.expectedLabels == null ? ResultMasks.NONE
                : new ResultMasks(b.maskedOnRead, b.expectedLabels.size());
        this.approval = b.approval;
        this.effects = b.effects;
        this.sensitiveTables = Set.copyOf(b.sensitiveTables);
        this.generatedKeys = new GeneratedKeys(b.exempt, b.generatedKeysAreAutoIncrementOnly, b.writtenTables);
        this.catalogIdentity = b.catalogIdentity;
        this.catalogVersion = b.catalogVersion;
        this.readsUntrusted = b.readsUntrusted;
        this.afterUntrustedRead = b.afterUntrustedRead;
        this.attributable = b.analysis != null && !b.analysis.statements().isEmpty()
                && b.analysis.statements().stream().allMatch(st -> ATTRIBUTABLE.contains(st.kind()));
        this.shape = b.shape;
        this.rowsEstimated = b.rowsEstimated;
    }

    /** {@code p} for another text of its shape: everything decided for the shape, this text's SQL. */
    private StatementPlan(StatementPlan p, String originalSql, String sql) {
        this.originalSql = originalSql;
        this.sql = sql;
        this.entry = p.entry;
        this.analysis = p.analysis;
        this.sensitive = p.sensitive;
        this.masks = p.masks;
        this.exempt = p.exempt;
        this.decision = p.decision;
        this.expectedLabels = p.expectedLabels;
        this.approval = p.approval;
        this.effects = p.effects;
        this.sensitiveTables = p.sensitiveTables;
        this.generatedKeys = p.generatedKeys;
        this.catalogIdentity = p.catalogIdentity;
        this.catalogVersion = p.catalogVersion;
        this.attributable = p.attributable;
        this.shape = p.shape;
        this.rowsEstimated = p.rowsEstimated;
        this.resultMasks = p.resultMasks;
        this.readsUntrusted = p.readsUntrusted;
        this.afterUntrustedRead = p.afterUntrustedRead;
    }

    /**
     * This plan for another statement text of its shape, which runs {@code sql} (the shape's SQL with that text's
     * literals). The analysis stays the shape's: its facts are those of every text of the shape.
     */
    StatementPlan forShapeText(String originalSql, String sql) {
        return new StatementPlan(this, originalSql, sql);
    }

    /** Kinds of statement whose errors concern the tables they name (a deferred check fires at a transaction end). */
    private static final Set<StatementKind> ATTRIBUTABLE = EnumSet.of(StatementKind.QUERY, StatementKind.DML,
            StatementKind.DDL);

    private StatementPlan(List<StatementPlan> batch) {
        this.originalSql = batch.stream().map(StatementPlan::originalSql).collect(Collectors.joining(";\n"));
        this.sql = batch.stream().map(StatementPlan::sql).collect(Collectors.joining(";\n"));
        this.entry = Entry.BATCH;
        this.analysis = null;
        Map<BaseColumn, Sensitivity> all = new LinkedHashMap<>();
        List<String> masks = new ArrayList<>();
        Effects effects = Effects.NONE;
        for (StatementPlan p : batch) {
            all.putAll(p.sensitive);
            masks.addAll(p.masks);
            effects = effects.and(p.effects);
        }
        this.sensitive = Map.copyOf(all);
        this.masks = List.copyOf(masks);
        this.exempt = batch.stream().anyMatch(StatementPlan::exempt);
        this.decision = batch.stream().anyMatch(p -> p.decision == Decision.MASKED) ? Decision.MASKED
                : Decision.ALLOWED;
        this.expectedLabels = null;
        this.resultMasks = ResultMasks.NONE;
        this.approval = null;
        this.effects = effects;
        Set<TableName> tables = new LinkedHashSet<>();
        batch.forEach(p -> tables.addAll(p.sensitiveTables));
        this.sensitiveTables = Set.copyOf(tables);
        this.generatedKeys = GeneratedKeys.NONE;
        this.catalogIdentity = null;
        this.catalogVersion = 0;
        this.attributable = batch.stream().allMatch(StatementPlan::attributable);
        this.shape = null;
        this.rowsEstimated = false;
        this.readsUntrusted = batch.stream().map(p -> p.readsUntrusted).filter(Objects::nonNull).findFirst()
                .orElse(null);
        this.afterUntrustedRead = batch.stream().anyMatch(p -> p.afterUntrustedRead);
    }

    /** The plan of {@code Statement.executeBatch()}: the statements added with {@code addBatch}, each planned. */
    public static StatementPlan batch(List<StatementPlan> statements) {
        return new StatementPlan(statements);
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

    /** The analysis of the statement; empty for batches and for plans made without analysis. */
    public Optional<Analysis> analysis() {
        return Optional.ofNullable(analysis);
    }

    /** The sensitive columns the statement touches, with their classes (none for an exempt principal's view). */
    public Map<BaseColumn, Sensitivity> sensitive() {
        return sensitive;
    }

    /** Whether the statement reads or writes any sensitive column. */
    public boolean touchesSensitive() {
        return !sensitive.isEmpty();
    }

    /** Tables the statement reads or writes that have sensitive columns (whether or not it touches those). */
    public Set<TableName> sensitiveTables() {
        return sensitiveTables;
    }

    /**
     * Whether the statement's errors and warnings must come without their text: it touches a sensitive column, or a
     * table with one — PostgreSQL quotes a whole failing row ("Failing row contains (…)") for a NOT NULL violation on
     * any column — or it is not {@linkplain #attributable() attributable}, and the principal is not exempt.
     */
    public boolean scrubsErrors() {
        return !exempt && (touchesSensitive() || !sensitiveTables.isEmpty() || !attributable);
    }

    /**
     * Whether Veil can tell which columns the statement's errors concern: every statement of it is a query, a write
     * or DDL that Veil analyzed. Transaction control ({@code COMMIT} reports deferred constraints and triggers of the
     * whole transaction), settings ({@code SET CONSTRAINTS ALL IMMEDIATE}), utility statements and statements not
     * understood are not.
     */
    public boolean attributable() {
        return attributable;
    }

    /** Which generated keys the statement may return. */
    public GeneratedKeys generatedKeys() {
        return generatedKeys;
    }

    /** The catalog the plan was made against (identity and version); null when the plan is not tied to one. */
    public String catalogIdentity() {
        return catalogIdentity;
    }

    public long catalogVersion() {
        return catalogVersion;
    }

    /** The statement's shape, when other texts differing from it in value-only literals may reuse this plan. */
    public Optional<dev.veil.analyzer.StatementShape> shape() {
        return Optional.ofNullable(shape);
    }

    /** Whether a row estimate (which reads the text's literals) took part in deciding whether to hold. */
    public boolean rowsEstimated() {
        return rowsEstimated;
    }

    /**
     * A fact an execution stage derives from this plan alone (e.g. the parts of a usage event that do not change
     * between executions), computed once and kept with the plan, so that executions of a cached plan reuse it.
     *
     * @param type    the fact's type, which identifies it
     * @param compute derives it from the plan; must depend on nothing else
     */
    public <F> F derived(Class<F> type, java.util.function.Function<StatementPlan, F> compute) {
        Object fact = derived.get(type);
        if (fact == null) {
            fact = derived.computeIfAbsent(type, t -> compute.apply(this));
        }
        return type.cast(fact);
    }

    /** The masks the rewrite applied, as {@code column=mask}. */
    public List<String> masks() {
        return masks;
    }

    public boolean exempt() {
        return exempt;
    }

    public Decision decision() {
        return decision;
    }

    /**
     * The labels of the result columns the analysis expects, when the statement returns rows; a result of another
     * shape means the catalog Veil analyzed against is out of date. Null when the statement returns no rows or its
     * shape is not predicted.
     */
    public List<String> expectedLabels() {
        return expectedLabels;
    }

    /** The result columns the driver masks as rows are read ({@code veil.masking=driver}); usually none. */
    public ResultMasks resultMasks() {
        return resultMasks;
    }

    /** Why and how the statement must be approved before it runs; empty when it need not be. */
    /** An untrusted column (policy {@code untrusted}) the statement reads, if any: running it marks the session. */
    public Optional<String> readsUntrusted() {
        return Optional.ofNullable(readsUntrusted);
    }

    /** Whether the plan was made for a session that had read an untrusted column (plans differ by it). */
    public boolean afterUntrustedRead() {
        return afterUntrustedRead;
    }

    public Optional<Approval> approval() {
        return Optional.ofNullable(approval);
    }

    /** What running the statement changes for Veil itself. */
    public Effects effects() {
        return effects;
    }

    /** Names of the sensitive columns touched, for messages: never values. */
    public String sensitiveSubject() {
        if (sensitive.isEmpty()) {
            return sensitiveTables.stream().map(Object::toString).sorted().collect(Collectors.joining(", ",
                    sensitiveTables.size() == 1 ? "table " : "tables ", " with sensitive columns"));
        }
        return sensitive.keySet().stream().map(BaseColumn::toString).sorted().collect(Collectors.joining(", ",
                sensitive.size() == 1 ? "sensitive column " : "sensitive columns ", ""));
    }

    /**
     * A sensitive column: its class id, the mask and predicate rules that apply, where the classification came
     * from, and the column's value type (which decides how a mask renders).
     */
    public record Sensitivity(String classId, dev.veil.policy.SensitiveClass sensitiveClass, String source,
                              String evidence, dev.veil.policy.mask.ValueType valueType) {
    }

    /**
     * Approval a statement needs.
     *
     * @param rule          the rule that fired, e.g. {@code approvals.ddl.drop}
     * @param estimatedRows the rows the database estimates, when known
     * @param rowLimit      the most rows an execution approved for this request may stream ({@link #ROW_MARGIN} times
     *                      the estimate, at least {@code approvals.exportRows}); null for no limit
     */
    public record Approval(String rule, Long estimatedRows, Long rowLimit) {

        /** How many times the estimate an approval lets through: estimates are rarely exact. */
        public static final int ROW_MARGIN = 2;

        /** A hold whose rows are not estimated (yet). */
        public Approval(String rule) {
            this(rule, null, null);
        }

        /**
         * A hold for up to {@link #ROW_MARGIN} times {@code estimatedRows} (null: not estimated) rows, and at least
         * {@code exportRows} (no limit when neither is known: {@code exportRows} not positive, no estimate).
         */
        public static Approval forRows(String rule, Long estimatedRows, long exportRows) {
            Long limit = estimatedRows == null ? null
                    : estimatedRows > Long.MAX_VALUE / ROW_MARGIN ? Long.MAX_VALUE : estimatedRows * ROW_MARGIN;
            if (exportRows > 0) {
                limit = limit == null ? exportRows : Math.max(limit, exportRows);
            }
            return new Approval(rule, estimatedRows, limit);
        }
    }

    /** The plan while stages are building it. */
    public static final class Builder {
        private final String originalSql;
        private final Entry entry;
        private String sql;
        private Analysis analysis;
        private final Map<BaseColumn, Sensitivity> sensitive = new LinkedHashMap<>();
        private final Map<ColumnReference, ReferenceOutcome> decisions = new java.util.IdentityHashMap<>();
        private final List<String> masks = new ArrayList<>();
        private final Set<TableName> sensitiveTables = new LinkedHashSet<>();
        private boolean exempt;
        private List<String> expectedLabels;
        private final Map<Integer, ReferenceOutcome.MaskOnRead> maskedOnRead = new LinkedHashMap<>();
        private Approval approval;
        private Effects effects = Effects.NONE;
        private final Map<TableName, GeneratedKeys.WrittenTable> writtenTables = new LinkedHashMap<>();
        private boolean generatedKeysAreAutoIncrementOnly;
        private String catalogIdentity;
        private long catalogVersion;
        private dev.veil.analyzer.StatementShape shape;
        private boolean rowsEstimated;
        private String readsUntrusted;
        private boolean afterUntrustedRead;

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

        public Optional<Analysis> analysis() {
            return Optional.ofNullable(analysis);
        }

        public Builder analysis(Analysis analysis) {
            this.analysis = analysis;
            return this;
        }

        public Map<BaseColumn, Sensitivity> sensitive() {
            return sensitive;
        }

        public Builder sensitive(BaseColumn column, Sensitivity sensitivity) {
            sensitive.put(column, sensitivity);
            return this;
        }

        /** Tables with sensitive columns that a DDL statement changes. */
        public Set<TableName> sensitiveTables() {
            return sensitiveTables;
        }

        public Builder sensitiveTable(TableName table) {
            sensitiveTables.add(table);
            return this;
        }

        public Builder mask(String applied) {
            if (!masks.contains(applied)) {
                masks.add(applied);
            }
            return this;
        }

        public boolean exempt() {
            return exempt;
        }

        public Builder exempt(boolean exempt) {
            this.exempt = exempt;
            return this;
        }

        /** A result column the driver masks as rows are read. */
        public Builder maskOnRead(ReferenceOutcome.MaskOnRead column) {
            column.masks().forEach(this::mask);
            maskedOnRead.put(column.column(), column);
            return this;
        }

        public Builder expectedLabels(List<String> labels) {
            this.expectedLabels = labels;
            return this;
        }

        public Optional<Approval> approval() {
            return Optional.ofNullable(approval);
        }

        /** Records the decision for one column reference (made once, when the statement is decided). */
        public void decide(ColumnReference ref, ReferenceOutcome outcome) {
            decisions.put(ref, outcome);
        }

        /**
         * The decision for one column reference, as it applies to this plan: a use an approval admits is admitted
         * when the statement is held for approval. A reference no decision was recorded for reads no sensitive
         * column (or the principal is exempt).
         */
        public ReferenceOutcome decision(ColumnReference ref) {
            ReferenceOutcome outcome = decisions.get(ref);
            if (outcome == null) {
                return NOT_DECIDED;
            }
            if (outcome instanceof ReferenceOutcome.Refuse refuse && refuse.awaitsApproval() && approval != null) {
                return refuse.ifApproved();
            }
            return outcome;
        }

        private static final ReferenceOutcome NOT_DECIDED = new ReferenceOutcome.Keep("reads no sensitive column");

        /** The statement reads {@code column}, an untrusted one; the first is kept. */
        public Builder readsUntrusted(String column) {
            if (readsUntrusted == null) {
                readsUntrusted = column;
            }
            return this;
        }

        public Builder afterUntrustedRead(boolean after) {
            this.afterUntrustedRead = after;
            return this;
        }

        public Builder approval(Approval approval) {
            this.approval = approval;
            return this;
        }

        /** A table the statement writes, for the generated keys it may return. */
        public Builder writtenTable(TableName table, GeneratedKeys.WrittenTable columns) {
            writtenTables.put(table, columns);
            return this;
        }

        /** Whether the engine answers {@code RETURN_GENERATED_KEYS} with the auto-increment value only. */
        public Builder generatedKeysAreAutoIncrementOnly(boolean autoIncrementOnly) {
            this.generatedKeysAreAutoIncrementOnly = autoIncrementOnly;
            return this;
        }

        Builder catalog(String identity, long version) {
            this.catalogIdentity = identity;
            this.catalogVersion = version;
            return this;
        }

        /** The statement's shape: other texts of it may reuse the plan ({@link Stage#holdsFor}). */
        public Builder shape(dev.veil.analyzer.StatementShape shape) {
            this.shape = shape;
            return this;
        }

        /** A row estimate took part in deciding whether to hold the statement. */
        public Builder rowsEstimated() {
            this.rowsEstimated = true;
            return this;
        }

        public Builder effects(Effects effects) {
            this.effects = effects;
            return this;
        }

        StatementPlan build() {
            return new StatementPlan(this);
        }
    }
}
