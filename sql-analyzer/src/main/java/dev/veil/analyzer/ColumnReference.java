package dev.veil.analyzer;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One occurrence of a column reference in a statement, as offered to a {@link ColumnSubstitution}.
 *
 * @param statementIndex index of the statement in a multi-statement string
 * @param text           the reference as written ({@code u.email}); for a column expanded from {@code *} the
 *                       qualified reference the rewrite would emit
 * @param clause         where it sits
 * @param kind           what kind of reference it is
 * @param origin         where its value comes from
 * @param sources        the base columns its value derives from
 * @param derived        false when, in every row, its value is a verbatim copy of one of its sources
 * @param nested         true inside a subquery, derived table or CTE (not the statement's own top level)
 * @param label          for references that are a whole output column of their query block, the label that
 *                       output has; null otherwise
 * @param qualifiedSource for a reference in ORDER BY, GROUP BY, HAVING, DISTINCT ON or a window clause that binds
 *                       to an output column of its own query block (by name or by position) whose expression is a
 *                       plain reference to a stored column (of a table or view, not a derived table or CTE) of that
 *                       block's FROM clause: a reference to that input column,
 *                       qualified with its range variable ({@code c.email}), that the database binds to the input
 *                       column in the same position and that no output alias can capture. Replacing the reference
 *                       with it orders or groups by the stored value even when the select item is rewritten. Empty
 *                       in every other case (expressions, derived tables without an alias, JOIN USING columns,
 *                       ORDER BY of a SELECT DISTINCT, set operations).
 * @param flows          the ways the reference's value can reach the caller (see {@link Flow}); the one fact
 *                       decisions about the reference are made from
 * @param partOfValue    true when the value reaches a {@link Flow#ROW_SELECTING} position through an expression
 *                       that may expose a part of it (a function, LIKE, arithmetic, a cast…) rather than as a whole
 *                       value (compared with =, &lt;&gt;, &lt;, &gt;, IN, BETWEEN, IS NULL, grouped, ordered, counted)
 * @param producedFor    for a reference of origin {@link Origin#DERIVED}: the flows of the references that computed
 *                       its value (a derived table or CTE column produced for the statement's result was masked
 *                       where it was produced; one produced only to select rows was not); empty otherwise
 */
public record ColumnReference(int statementIndex, String text, Clause clause, Kind kind, Origin origin,
                              Set<BaseColumn> sources, boolean derived, boolean nested, String label,
                              Optional<String> qualifiedSource, Set<Flow> flows, boolean partOfValue,
                              Set<Flow> producedFor) {

    public enum Kind {
        /** A column reference written in the statement. */
        COLUMN,
        /** A column the statement selects through {@code *} or {@code t.*}. */
        STAR_COLUMN,
        /** A whole row used as one value ({@code SELECT t FROM t}, {@code row_to_json(t)}, {@code t.*} in a call). */
        WHOLE_ROW,
        /** A column named in {@code JOIN … USING} or implied by {@code NATURAL JOIN}: it cannot be replaced. */
        USING_COLUMN,
        /**
         * An output column named by its position ({@code ORDER BY 2}, {@code GROUP BY 1}); its text is the number.
         * It has the lineage of that output and origin {@link Origin#DERIVED}.
         */
        OUTPUT_POSITION
    }

    public enum Origin {
        /** A column of a base table referenced directly: the value is the stored value. */
        BASE_TABLE,
        /**
         * A column of a view: the value comes from the view's base columns ({@link #sources}), through a definition
         * the statement does not contain — substitute here to mask it.
         */
        VIEW,
        /**
         * A column of a derived table, CTE, set operation or output alias of the same statement: its value was
         * computed by references the substitution also sees.
         */
        DERIVED
    }

    public ColumnReference {
        sources = Set.copyOf(sources);
        qualifiedSource = qualifiedSource == null ? Optional.empty() : qualifiedSource;
        flows = flows == null || flows.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flows));
        producedFor = producedFor == null || producedFor.isEmpty() ? Set.of() : Set.copyOf(producedFor);
    }

    /** A reference whose flows are those of its clause (a whole value; nothing known of how it was produced). */
    public ColumnReference(int statementIndex, String text, Clause clause, Kind kind, Origin origin,
                           Set<BaseColumn> sources, boolean derived, boolean nested, String label,
                           Optional<String> qualifiedSource) {
        this(statementIndex, text, clause, kind, origin, sources, derived, nested, label, qualifiedSource,
                Flow.of(clause), false, origin == Origin.DERIVED ? Flow.of(clause) : Set.of());
    }

    public ColumnReference(int statementIndex, String text, Clause clause, Kind kind, Origin origin,
                           Set<BaseColumn> sources, boolean derived, boolean nested, String label) {
        this(statementIndex, text, clause, kind, origin, sources, derived, nested, label, Optional.empty());
    }

    /** Whether the value can reach the caller by {@code flow}. */
    public boolean flowsTo(Flow flow) {
        return flows.contains(flow);
    }

    /** The base column when this is a direct reference to one. */
    public Optional<BaseColumn> baseColumn() {
        return origin == Origin.BASE_TABLE && sources.size() == 1 && kind != Kind.WHOLE_ROW
                ? Optional.of(sources.iterator().next()) : Optional.empty();
    }
}
