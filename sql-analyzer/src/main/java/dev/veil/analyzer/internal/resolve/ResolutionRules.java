package dev.veil.analyzer.internal.resolve;

import java.util.List;

import dev.veil.analyzer.Clause;
import dev.veil.analyzer.FunctionCategory;

import net.sf.jsqlparser.expression.Expression;

/** How an engine resolves names and labels results: what the resolver asks of each dialect. */
public interface ResolutionRules {

    // ---- names and relations

    /** Whether names have a catalog (database) level above the schema; MariaDB's databases are its schemas. */
    boolean catalogs();

    /**
     * The schemas an unqualified relation name is looked up in, given the catalog's search path (PostgreSQL
     * searches {@code pg_catalog} first when the path does not name it).
     */
    List<String> relationSearchPath(List<String> searchPath);

    /** Whether a (lower-case) schema holds the system's own relations. */
    boolean isSystemSchema(String lowerCaseSchema);

    /** Whether functions qualified with {@code schema} may be built-ins (system schemas; H2's PUBLIC too). */
    boolean builtinFunctionSchema(String schema);

    /** The built-in's category, or null when {@code name} is not a built-in of the dialect. */
    FunctionCategory builtin(String name);

    /** Whether {@code DUAL} is the one-row placeholder table (when no relation of that name exists). */
    boolean dualTable();

    /** Whether a relation name used as a column stands for the whole row ({@code SELECT t FROM t}, PostgreSQL). */
    boolean relationNameIsWholeRow();

    /** Whether a table of a CTE's name is read instead of the CTE (H2). */
    boolean tableShadowsCte();

    /** Whether {@code INSERT … ON CONFLICT} sees the proposed row as {@code EXCLUDED} (PostgreSQL). */
    boolean excludedRow();

    // ---- output names

    /** How a bare name that is the whole item of {@code clause} chooses between an output and an input column. */
    Binding bareBinding(Clause clause);

    /** How a bare name inside an expression of {@code clause} chooses between an output and an input column. */
    Binding nestedBinding(Clause clause);

    /** Whether window clauses see the select list's aliases (MariaDB). */
    boolean selectAliasesInWindows();

    /** Whether {@code GROUP BY 1} groups by the first output column (H2 groups by the constant). */
    boolean groupByPosition();

    /** Whether {@code SELECT DISTINCT ON (…)} exists (PostgreSQL). */
    boolean distinctOn();

    /**
     * Whether {@code CONVERT(value, type)} exists (MariaDB, H2), which the parser reads as SQL Server's
     * {@code CONVERT(type, value)}.
     */
    boolean convertValueCommaType();

    /**
     * Whether a rewritten {@code *} must write a merged JOIN USING column as the coalesce of both sides (H2 reads
     * the bare name as ambiguous).
     */
    boolean mergedColumnsNeedCoalesce();

    // ---- labels

    /** The label the driver reports for an unaliased item {@code e}; {@code text} is the item as written. */
    String label(Expression e, String text);

    /** The label of column {@code position} (1-based) of a VALUES list; {@code firstRow} is that cell as written. */
    String valuesColumnLabel(int position, String firstRow);

    /**
     * The columns a table function without a column alias list returns, as the database names them:
     * {@code function} (its lower-case name), {@code alias} (folded, or null when it has none) and the number of
     * its arguments.
     */
    List<String> tableFunctionColumns(String function, String alias, int arguments);
}
