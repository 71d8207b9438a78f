package dev.veil.analyzer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import dev.veil.analyzer.internal.StatementDraft;
import dev.veil.analyzer.internal.rewrite.ItemInfo;
import dev.veil.analyzer.internal.rewrite.Occurrence;

/** The analysis of one statement. Immutable and shared between threads (analyses are cached). */
public final class StatementAnalysis {

    private final int index;
    private final int start;
    private final int end;
    private final String text;
    private final StatementKind kind;
    private final StatementType type;
    /** The leading keyword, upper-cased, of a statement of type OTHER (null when there is none). */
    private final String keyword;
    private final TransactionEffect transactionEffect;
    private final List<SettingAccess> settings;
    private final boolean hasWhere;
    private final String unknownReason;
    private final Set<TableName> tablesRead;
    private final Set<TableName> tablesWritten;
    private final List<OutputColumn> outputColumns;
    private final List<WriteFlow> writeFlows;
    private final List<ColumnUse> columnUses;
    private final List<FunctionUse> functions;
    private final List<WholeRowReference> wholeRowReferences;
    private final List<Hazard> hazards;
    private final Long rowBound;
    private final PartitionRange partitionRange;
    private final boolean rowsOnly;
    private final boolean insertsFromQuery;
    private final boolean recursive;
    private final PinnedColumns pinnedColumns;
    private final List<DefinedColumn> definedColumns;
    private final String routine;
    private final Fingerprint fingerprint;
    private final CrossCheck crossCheck;
    // what the rewriter needs
    final List<Occurrence> occurrences;
    final List<ItemInfo> items;
    final String rewriteBlocker;
    /** What a statement shape needs: the spans of the literals whose value the analysis does not depend on. */
    final List<int[]> valueLiterals;

    StatementAnalysis(StatementDraft d) {
        this.index = d.index;
        this.start = d.start;
        this.end = d.end;
        this.text = d.text;
        this.kind = d.unknownReason != null ? StatementKind.UNKNOWN : d.kind;
        this.type = d.type;
        this.keyword = d.type == StatementType.OTHER ? d.keyword : null;
        this.transactionEffect = this.kind == StatementKind.TCL ? d.transactionEffect : TransactionEffect.NONE;
        this.settings = List.copyOf(d.settings);
        this.hasWhere = d.hasWhere;
        this.unknownReason = d.unknownReason;
        this.tablesRead = Set.copyOf(d.tablesRead);
        this.tablesWritten = Set.copyOf(d.tablesWritten);
        boolean keep = d.unknownReason == null;
        this.outputColumns = keep ? List.copyOf(d.outputs) : List.of();
        this.writeFlows = keep ? List.copyOf(d.writeFlows) : List.of();
        this.columnUses = List.copyOf(d.columnUses);
        this.functions = List.copyOf(new LinkedHashSet<>(d.functions));
        this.wholeRowReferences = List.copyOf(d.wholeRows);
        this.hazards = List.copyOf(new LinkedHashSet<>(d.hazards));
        this.rowBound = d.rowBound;
        this.partitionRange = keep ? d.partitionRange : null;
        this.rowsOnly = keep && d.rowsOnly;
        this.insertsFromQuery = d.insertsFromQuery;
        this.recursive = d.recursive;
        this.pinnedColumns = keep ? d.pinnedColumns : null;
        this.definedColumns = keep ? List.copyOf(d.definedColumns) : List.of();
        this.routine = d.routine;
        this.fingerprint = d.fingerprint;
        this.crossCheck = d.crossCheck;
        this.occurrences = keep ? textOrder(d.occurrences) : List.of();
        this.items = keep ? List.copyOf(d.items) : List.of();
        this.rewriteBlocker = d.rewriteBlocker;
        this.valueLiterals = keep ? List.copyOf(d.valueLiterals) : List.of();
    }

    /** This analysis with the outputs and the answer of its deferred cross-check. */
    StatementAnalysis crossChecked(List<OutputColumn> outputs, CrossCheck crossCheck) {
        return new StatementAnalysis(this, outputs, crossCheck);
    }

    private StatementAnalysis(StatementAnalysis s, List<OutputColumn> outputs, CrossCheck crossCheck) {
        this.index = s.index;
        this.start = s.start;
        this.end = s.end;
        this.text = s.text;
        this.kind = s.kind;
        this.type = s.type;
        this.keyword = s.keyword;
        this.transactionEffect = s.transactionEffect;
        this.settings = s.settings;
        this.hasWhere = s.hasWhere;
        this.unknownReason = s.unknownReason;
        this.tablesRead = s.tablesRead;
        this.tablesWritten = s.tablesWritten;
        this.outputColumns = List.copyOf(outputs);
        this.writeFlows = s.writeFlows;
        this.columnUses = s.columnUses;
        this.functions = s.functions;
        this.wholeRowReferences = s.wholeRowReferences;
        this.hazards = s.hazards;
        this.rowBound = s.rowBound;
        this.routine = s.routine;
        this.fingerprint = s.fingerprint;
        this.crossCheck = crossCheck;
        this.occurrences = s.occurrences;
        this.items = s.items;
        this.rewriteBlocker = s.rewriteBlocker;
        this.partitionRange = s.partitionRange;
        this.rowsOnly = s.rowsOnly;
        this.insertsFromQuery = s.insertsFromQuery;
        this.recursive = s.recursive;
        this.pinnedColumns = s.pinnedColumns;
        this.definedColumns = s.definedColumns;
        this.valueLiterals = s.valueLiterals;
    }

    /** Occurrences in the order they appear in the text; those without a position (USING columns) last. */
    private static List<Occurrence> textOrder(List<Occurrence> occ) {
        List<Occurrence> sorted = new ArrayList<>(occ);
        sorted.sort(java.util.Comparator.comparingInt(o -> o.start >= 0 ? o.start
                : o.star != null && o.star.start >= 0 ? o.star.start : Integer.MAX_VALUE));
        return List.copyOf(sorted);
    }

    /** Position of this statement in its multi-statement string. */
    public int index() { return index; }

    /** The statement's text as written (without the separating semicolon). */
    public String text() { return text; }

    /** Offsets of {@link #text()} in the analyzed string. */
    public int start() { return start; }

    public int end() { return end; }

    public StatementKind kind() { return kind; }

    /**
     * The statement's type, never null: SELECT, INSERT, CREATE_TABLE_AS, SET, CALL, … For UNKNOWN statements the type
     * their leading keyword names, or {@link StatementType#OTHER}.
     *
     * <p>CALL is {@code CALL p(…)} and the JDBC escape {@code {call p(…)}} (kind UTILITY, with a
     * {@link Hazard.Kind#CALL} hazard). CALL_FUNCTION is the JDBC escape {@code {? = call f(…)}}: kind QUERY, analyzed
     * as {@code SELECT f(…)} (its one output is the function's value, which the vendor driver returns as the OUT
     * parameter), with {@code f} classified like any function call.
     */
    public StatementType statementType() { return type; }

    /**
     * The type as a string: {@link StatementType#label()}, or for a statement of type OTHER its leading keyword
     * (null when it has none).
     *
     * @deprecated use {@link #statementType()} and the facts it carries
     */
    @Deprecated
    public String type() { return type == StatementType.OTHER ? keyword : type.label(); }

    /** What a transaction-control statement does to the transaction; NONE for every other statement. */
    public TransactionEffect transactionEffect() { return transactionEffect; }

    /**
     * The session settings a SET, RESET or SHOW statement names, in order (MariaDB {@code SET a = 1, b = 2} names
     * two); empty for other statements. A statement naming nothing reports one setting with an empty name.
     */
    public List<SettingAccess> settings() { return settings; }

    /**
     * Whether an UPDATE or DELETE has a WHERE clause of its own (one outside parentheses, not a subquery's); false for
     * every other statement.
     */
    public boolean hasWhere() { return hasWhere; }

    /**
     * The routine a CALL or CALL_FUNCTION statement calls, as the database resolves the name: the parts as written
     * (schema-qualified when written so), unquoted, unquoted parts folded as the dialect folds them.
     */
    public Optional<String> routine() { return Optional.ofNullable(routine); }

    public boolean isUnknown() { return kind == StatementKind.UNKNOWN; }

    /** Why the statement is UNKNOWN: the construct or failure, never a data value. */
    public Optional<String> unknownReason() { return Optional.ofNullable(unknownReason); }

    /**
     * Relations read, each with its schema: tables, views (with the relations they read) and system relations
     * (also flagged {@link Hazard.Kind#SYSTEM_RELATION}).
     */
    public Set<TableName> tablesRead() { return tablesRead; }

    public Set<TableName> tablesWritten() { return tablesWritten; }

    /** Result columns in order: the top-level select list or RETURNING, with {@code *} expanded. */
    public List<OutputColumn> outputColumns() { return outputColumns; }

    public List<WriteFlow> writeFlows() { return writeFlows; }

    /** Column references used in predicates, joins, grouping, ordering and windows, with their clause. */
    public List<ColumnUse> columnUses() { return columnUses; }

    public List<FunctionUse> functions() { return functions; }

    public List<WholeRowReference> wholeRowReferences() { return wholeRowReferences; }

    public List<Hazard> hazards() { return hazards; }

    public boolean hasHazard(Hazard.Kind k) {
        for (Hazard h : hazards) if (h.kind() == k) return true;
        return false;
    }

    /**
     * The most rows the query can return, when its text says so: a literal LIMIT/FETCH/TOP row count, or 0 when its
     * WHERE is false whatever the rows ({@code 1=0}, {@code false}). A branch of a set operation does not bound it.
     */
    public OptionalLong rowBound() { return rowBound == null ? OptionalLong.empty() : OptionalLong.of(rowBound); }

    /**
     * The partition range predicate an engine added to split a read ({@link PartitionRange}), with the statement
     * without it; empty when the query has none.
     */
    public Optional<PartitionRange> partitionRange() { return Optional.ofNullable(partitionRange); }

    /**
     * Whether the query's select list is literals only ({@code SELECT 1 FROM t WHERE …}): its result tells how many
     * rows match, as {@code SELECT COUNT(*)} does, and no value.
     */
    public boolean rowsOnly() { return rowsOnly; }

    /**
     * Whether an INSERT, REPLACE or upsert takes its rows from a query ({@code INSERT … SELECT}, {@code … WITH}), not
     * from a VALUES list or SET pairs: how many it writes is the query's affair, even when it reads no table
     * ({@code generate_series}, a recursive CTE).
     */
    public boolean insertsFromQuery() { return insertsFromQuery; }

    /**
     * Whether the statement has a recursive CTE ({@code WITH RECURSIVE}) anywhere: how many rows it makes no
     * database estimates (PostgreSQL and MariaDB guess a few where it may make millions).
     */
    public boolean recursive() { return recursive; }

    /**
     * For a single-table query, UPDATE or DELETE, the columns its WHERE pins to one literal each ({@link
     * PinnedColumns}); empty when the statement is not of that form or pins nothing.
     */
    public Optional<PinnedColumns> pinnedColumns() { return Optional.ofNullable(pinnedColumns); }

    /**
     * The columns a {@code CREATE TABLE} of a permanent table with column definitions defines, in order; empty for
     * other statements, temporary tables, and when the parser did not read the definitions.
     */
    public List<DefinedColumn> definedColumns() { return definedColumns; }

    public Fingerprint fingerprint() { return fingerprint; }

    public CrossCheck crossCheck() { return crossCheck; }

    /** Every column reference of the statement, as a substitution would see it (all kept). */
    public List<ColumnReference> columnReferences() {
        List<ColumnReference> out = new ArrayList<>(occurrences.size());
        for (Occurrence o : occurrences) out.add(o.ref);
        return out;
    }

    @Override
    public String toString() {
        return "StatementAnalysis[" + kind + "/" + type() + (unknownReason != null ? " (" + unknownReason + ")" : "")
                + ", read=" + tablesRead + ", written=" + tablesWritten + ", outputs=" + outputColumns
                + ", flows=" + writeFlows + ", hazards=" + hazards + "]";
    }
}
