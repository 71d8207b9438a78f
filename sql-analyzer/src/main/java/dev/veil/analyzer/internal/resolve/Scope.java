package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jsqlparser.expression.WindowDefinition;

/**
 * The names visible in one query block: the range variables of its FROM clause (and JOIN USING merges, {@code *}
 * expansion order), the CTEs defined at its level, its outputs and named windows. {@code colParent} is the enclosing
 * scope for correlated column references, {@code cteParent} the one for CTE names.
 */
final class Scope {

    final Scope colParent;
    final Scope cteParent;
    final List<RangeVar> vars = new ArrayList<>();
    final Map<String, Col> merged = new HashMap<>();
    List<StarEntry> star = new ArrayList<>();
    final Map<String, List<Col>> ctes = new HashMap<>();
    List<Out> outputs = List.of();
    /** MariaDB: the select list's labels before it is resolved, for window clauses (which see them). */
    List<Out> pendingOutputs = List.of();
    /** SELECT DISTINCT (not DISTINCT ON): ORDER BY may only name what the select list returns. */
    boolean distinct;
    final Map<String, WindowDefinition> windows = new HashMap<>();

    Scope(Scope colParent, Scope cteParent) {
        this.colParent = colParent;
        this.cteParent = cteParent;
    }
}
