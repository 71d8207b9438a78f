package dev.veil.analyzer.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.veil.analyzer.ColumnUse;
import dev.veil.analyzer.CrossCheck;
import dev.veil.analyzer.Fingerprint;
import dev.veil.analyzer.FunctionCategory;
import dev.veil.analyzer.FunctionUse;
import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.OutputColumn;
import dev.veil.analyzer.SettingAccess;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.TableName;
import dev.veil.analyzer.TransactionEffect;
import dev.veil.analyzer.WholeRowReference;
import dev.veil.analyzer.WriteFlow;
import dev.veil.analyzer.internal.rewrite.ItemInfo;
import dev.veil.analyzer.internal.rewrite.Occurrence;

/**
 * The mutable state a statement's analysis is collected in, by every stage of the analysis; the analyzer's
 * {@code StatementAnalysis} is made from it when it is complete.
 */
public final class StatementDraft {

    public int index;
    public int start;
    public int end;
    public String text;
    public StatementKind kind = StatementKind.UNKNOWN;
    public StatementType type = StatementType.OTHER;
    /** The leading keyword, upper-cased; null when the statement starts with none. */
    public String keyword;
    public TransactionEffect transactionEffect = TransactionEffect.NONE;
    public List<SettingAccess> settings = List.of();
    public boolean hasWhere;
    public String unknownReason;
    public final Set<TableName> tablesRead = new LinkedHashSet<>();
    public final Set<TableName> tablesWritten = new LinkedHashSet<>();
    public final List<OutputColumn> outputs = new ArrayList<>();
    public final List<WriteFlow> writeFlows = new ArrayList<>();
    public final List<ColumnUse> columnUses = new ArrayList<>();
    public final List<FunctionUse> functions = new ArrayList<>();
    public final List<WholeRowReference> wholeRows = new ArrayList<>();
    public final List<Hazard> hazards = new ArrayList<>();
    public Long rowBound;
    /** The partition range predicate of a query, null when it has none. */
    public dev.veil.analyzer.PartitionRange partitionRange;
    /** A query whose select list is literals only: its result is how many rows match. */
    public boolean rowsOnly;
    /** An INSERT, REPLACE or upsert whose rows come from a query, not from VALUES or SET pairs. */
    public boolean insertsFromQuery;
    /** The statement has a recursive CTE somewhere. */
    public boolean recursive;
    /** See {@link dev.veil.analyzer.PinnedColumns}; null when not reported. */
    public dev.veil.analyzer.PinnedColumns pinnedColumns;
    /** The columns a CREATE TABLE defines; empty for other statements. */
    public List<dev.veil.analyzer.DefinedColumn> definedColumns = List.of();
    public String routine;
    /** How the routine of a JDBC function call escape is classified; null for other statements. */
    public FunctionCategory routineCategory;
    /** The statement is a JDBC function call escape, analyzed as SELECT f(…). */
    public boolean callFunction;
    public final List<Occurrence> occurrences = new ArrayList<>();
    public final List<ItemInfo> items = new ArrayList<>();
    public String rewriteBlocker;
    /** [start, end) of the literals whose value the analysis does not depend on ({@code ValueLiterals}). */
    public List<int[]> valueLiterals = List.of();

    /** The statement's fingerprint, from its tokens. */
    public Fingerprint fingerprint;
    /** The Calcite cross-check's outcome. */
    public CrossCheck crossCheck;

    public void hazard(Hazard.Kind k, String detail) {
        hazards.add(new Hazard(k, detail));
    }
}
