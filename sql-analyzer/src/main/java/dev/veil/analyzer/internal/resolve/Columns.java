package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.Clause;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.ColumnUse;
import dev.veil.analyzer.FunctionCategory;
import dev.veil.analyzer.FunctionUse;
import dev.veil.analyzer.WholeRowReference;
import dev.veil.analyzer.internal.rewrite.Occurrence;

import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * Column references: qualified and unqualified names, correlation, output-name bindings, whole-row references; each
 * recorded as an occurrence for the rewriter and, outside outputs, as a use.
 */
final class Columns {

    private final Resolver r;

    Columns(Resolver r) {
        this.r = r;
    }

    RangeVar qualifiedVar(Table qualifier, Scope scope) {
        if (qualifier == null || qualifier.getName() == null) return null;
        String q = r.fold(qualifier.getName());
        String qs = qualifier.getSchemaName() == null ? null : r.fold(qualifier.getSchemaName());
        for (Scope s = scope; s != null; s = s.colParent) {
            RangeVar found = null;
            for (RangeVar v : s.vars) {
                if (v.name == null || !r.dialect.sameRelationName(v.name, q)) continue;
                if (qs != null && (v.table == null || !qs.equals(v.table.schema())
                        || !v.name.equals(v.table.name()))) continue;
                if (found != null) throw new Unsupported("relation name " + q + " is ambiguous");
                found = v;
            }
            if (found != null) return found;
        }
        return null;
    }

    /** Resolves one column reference and records it as an occurrence. */
    Lin column(Column c, Scope scope, Clause clause, int depth, Aliases aliases, Binding mode, String label) {
        return column(c, r.span(c), scope, clause, depth, aliases, mode, label);
    }

    /** {@code sp}: the reference's position (a column the parser did not read as one has none of its own). */
    Lin column(Column c, int[] sp, Scope scope, Clause clause, int depth, Aliases aliases, Binding mode, String label) {
        String written = sp != null ? r.source(sp) : c.getFullyQualifiedName();
        String colName = r.fold(c.getColumnName());
        Table q = c.getTable();
        if (q != null && q.getName() != null) {
            RangeVar v = qualifiedVar(q, scope);
            if (v == null) {
                throw new Unsupported("unknown relation " + q.getFullyQualifiedName() + " for column " + colName);
            }
            Col col = findCol(v, colName);
            if (col == null) throw new Unsupported("column " + colName + " not found in " + v.name);
            return occurrence(col.lin, col.origin, ColumnReference.Kind.COLUMN, written, sp, clause, depth, label,
                    null, col.producers);
        }
        if (mode != Binding.INPUT_ONLY) {
            Lin bound = outputBinding(c, colName, scope, aliases, mode, written, sp, clause, depth, label);
            if (bound != null) return bound;
        }
        for (Scope s = scope; s != null; s = s.colParent) {
            Col found = localInput(s, colName);
            if (found != null) {
                return occurrence(found.lin, found.origin, ColumnReference.Kind.COLUMN, written, sp, clause, depth,
                        label, null, found.producers);
            }
        }
        // a whole-row reference: PostgreSQL lets a relation name stand for its row
        if (r.dialect.rules().relationNameIsWholeRow()) {
            RangeVar v = qualifiedVar(new Table(c.getColumnName()), scope);
            if (v != null) return wholeRow(v, c, clause, depth);
        }
        if (Builtins.isNiladic(colName) && (c.getColumnName().charAt(0) != '"' && c.getColumnName().charAt(0) != '`')) {
            r.draft.functions.add(new FunctionUse(colName.toLowerCase(Locale.ROOT), FunctionCategory.SCALAR));
            return Lin.NONE;
        }
        throw new Unsupported("column " + colName + " not found");
    }

    /**
     * An unqualified name that may name an output column of its block: the occurrence's lineage when it binds to
     * one (origin DERIVED, with the output's qualified source), null when it binds to an input column.
     */
    Lin outputBinding(Column c, String colName, Scope scope, Aliases aliases, Binding mode, String written,
                              int[] sp, Clause clause, int depth, String label) {
        List<Out> matches = new ArrayList<>();
        for (Out o : aliases.outputs()) if (r.sameCol(o.label(), colName)) matches.add(o);
        if (matches.isEmpty()) return null;
        Col input = localInput(scope, colName);
        if (mode == Binding.INPUT_FIRST && input != null) return null;
        boolean pending = false;
        for (Out o : matches) if (o.lin() == null) pending = true;
        if (pending) {
            // a MariaDB window clause naming a select-list alias: harmless only when the item is that very column
            boolean allSame = true;
            for (Out o : matches) allSame &= o.sameNameColumn();
            if (allSame && input != null) return null;
            throw new Unsupported("window clause names the select-list alias " + colName);
        }
        Lin aliasLin = null;
        for (Out o : matches) aliasLin = aliasLin == null ? o.lin() : aliasLin.merge(o.lin());
        boolean useOutput = switch (mode) {
            case OUTPUT_FIRST -> true;
            case INPUT_FIRST -> input == null;
            case EXCLUSIVE -> {
                if (input == null) yield true;
                if (input.lin.sources.equals(aliasLin.sources) && input.lin.derived == aliasLin.derived) yield false;
                throw new Unsupported("name " + colName + " in " + clause
                        + " could be the output column or the input column");
            }
            case INPUT_ONLY -> false;
        };
        if (!useOutput) return null;
        String source = null;
        if (aliases.sourceAllowed()) {
            for (Out o : matches) {
                if (o.source() == null || source != null && !source.equals(o.source())) {
                    source = null;
                    break;
                }
                source = o.source();
            }
        }
        // an output of the block itself: it now also goes where this reference goes
        List<FlowNode> producers = new ArrayList<>();
        for (Out o : matches) producers.addAll(Col.of(o));
        return occurrence(aliasLin, ColumnReference.Origin.DERIVED, ColumnReference.Kind.COLUMN, written, sp, clause,
                depth, label, source, producers);
    }

    /** The input column of that name in the FROM clause of {@code scope} itself (not an enclosing query's), or null. */
    Col localInput(Scope scope, String colName) {
        Col merged = scope.merged.get(colName.toLowerCase(Locale.ROOT));
        if (merged != null && r.sameCol(merged.name, colName)) return merged;
        Col found = null;
        for (RangeVar v : scope.vars) {
            Col col = findCol(v, colName);
            if (col != null) {
                if (found != null) throw new Unsupported("column " + colName + " is ambiguous");
                found = col;
            }
        }
        return found;
    }

    /** The column of {@code v} that a folded name refers to, or null; refused when the name matches several. */
    Col findCol(RangeVar v, String name) {
        Col found = null;
        for (Col c : v.cols) {
            if (r.sameCol(c.name, name)) {
                if (found != null) throw new Unsupported("column " + name + " is ambiguous in " + v.name);
                found = c;
            }
        }
        return found;
    }

    /** Records a reference to a whole row of {@code v}; its lineage is every column of the row, derived. */
    Lin wholeRow(RangeVar v, Object node, Clause clause, int depth) {
        TreeSet<BaseColumn> all = new TreeSet<>();
        for (Col c : v.cols) all.addAll(c.lin.sources);
        int[] sp = r.span(node);
        String written = sp != null ? r.source(sp) : node.toString();
        r.draft.wholeRows.add(new WholeRowReference(written, clause, all));
        Lin lin = Lin.of(all, true);
        ColumnReference.Origin origin = v.table != null ? ColumnReference.Origin.BASE_TABLE
                : ColumnReference.Origin.DERIVED;
        ColumnReference cr = new ColumnReference(r.statementIndex, written, clause, ColumnReference.Kind.WHOLE_ROW,
                origin, all, true, depth > 0, null);
        Occurrence o = new Occurrence(cr, sp == null ? -1 : sp[0], sp == null ? -1 : sp[1], null);
        r.draft.occurrences.add(o);
        List<FlowNode> producers = new ArrayList<>();
        for (Col c : v.cols) producers.addAll(c.producers);
        Flows.record(r, o, node(clause), producers);
        if (clause != Clause.OUTPUT && clause != Clause.WRITE_VALUE) r.uses.add(new ColumnUse(clause, written, all));
        return lin;
    }

    /** Where the reference about to be recorded goes: what the walker said, else where its clause's values go. */
    private FlowNode node(Clause clause) {
        return r.nextFlow != null ? r.nextFlow : FlowNode.open().feeds(r.context(clause), false);
    }

    Lin occurrence(Lin lin, ColumnReference.Origin origin, ColumnReference.Kind kind, String written, int[] sp,
                           Clause clause, int depth, String label, String qualifiedSource,
                           List<FlowNode> producers) {
        ColumnReference cr = new ColumnReference(r.statementIndex, written, clause, kind, origin, lin.sources,
                lin.derived, depth > 0, label, Optional.ofNullable(qualifiedSource));
        Occurrence o = new Occurrence(cr, sp == null ? -1 : sp[0], sp == null ? -1 : sp[1], null);
        r.draft.occurrences.add(o);
        Flows.record(r, o, node(clause), producers);
        if (clause != Clause.OUTPUT && clause != Clause.WRITE_VALUE) r.uses.add(new ColumnUse(clause, written,
                lin.sources));
        return lin;
    }
}
