package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.CatalogColumn;
import dev.veil.analyzer.Clause;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.Relation;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.TableName;
import dev.veil.analyzer.WriteFlow;
import dev.veil.analyzer.internal.StatementDraft;
import dev.veil.analyzer.internal.parsing.LiteralProjections;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.upsert.UpsertType;

/**
 * Statements that write rows — INSERT (with ON CONFLICT / ON DUPLICATE KEY UPDATE), REPLACE and upserts, UPDATE,
 * DELETE, MERGE — with the lineage of every value written and of RETURNING.
 */
final class Writes {

    private final Resolver r;
    private final Dialect dialect;
    private final StatementDraft d;
    private final Statements statements;

    Writes(Resolver r, Dialect dialect, StatementDraft d, Statements statements) {
        this.r = r;
        this.dialect = dialect;
        this.d = d;
        this.statements = statements;
    }

    void insert(Insert ins) {
        d.kind = StatementKind.DML;
        d.type = StatementType.INSERT;
        if (ins.isOracleMultiInsert() || ins.getOutputClause() != null || ins.isOverwrite()) {
            throw new Unsupported("INSERT form");
        }
        Scope ctes = withScope(ins.getWithItemsList());
        Relation rel = writable(ins.getTable(), "INSERT into");
        List<String> targets = targets(ins.getColumns(), rel);
        List<Lin> values = List.of();
        Rows rows = rows(targets, ins.getSelect(), ins.getSetUpdateSets(), rel, ctes);
        if (rows != null) {
            targets = rows.targets();
            values = rows.values();
        } else if (!ins.isOnlyDefaultValues()) {
            throw new Unsupported("INSERT without values");
        }
        if (!values.isEmpty() && values.size() != targets.size()) {
            throw new Unsupported("INSERT gives " + values.size() + " values for " + targets.size() + " columns");
        }
        Map<String, Lin> inserted = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            flow(rel.name(), targets.get(i), values.get(i));
            inserted.put(targets.get(i).toLowerCase(Locale.ROOT), values.get(i));
        }
        // ON CONFLICT … DO UPDATE / ON DUPLICATE KEY UPDATE: EXCLUDED.x and VALUES(x) are the inserted values
        List<UpdateSet> upd = new ArrayList<>();
        if (ins.getConflictAction() != null && ins.getConflictAction().getUpdateSets() != null) {
            upd.addAll(ins.getConflictAction().getUpdateSets());
        }
        if (ins.getDuplicateUpdateSets() != null) upd.addAll(ins.getDuplicateUpdateSets());
        Scope scope = new Scope(ctes, ctes);
        RangeVar target = r.targetVar(ins.getTable(), rel);
        r.addVar(scope, target);
        List<Col> excludedCols = new ArrayList<>();
        for (CatalogColumn c : rel.columns()) {
            Lin l = inserted.getOrDefault(c.name().toLowerCase(Locale.ROOT), Lin.NONE);
            excludedCols.add(new Col(c.name(), l, ColumnReference.Origin.DERIVED));
        }
        if (dialect.rules().excludedRow()) scope.vars.add(new RangeVar("excluded", null, "excluded", excludedCols));
        if (ins.getRowAlias() != null) {
            String a = r.fold(ins.getRowAlias().getName());
            scope.vars.add(new RangeVar(a, null, dialect.quoteIdentifier(a), excludedCols));
        }
        if (ins.getConflictTarget() != null) {
            var ct = ins.getConflictTarget();
            if (ct.getWhereExpression() != null) r.expr(ct.getWhereExpression(), scope, Clause.OTHER, 0, null);
            if (ct.getIndexExpression() != null) r.expr(ct.getIndexExpression(), scope, Clause.OTHER, 0, null);
        }
        r.insertedValues = inserted;
        try {
            for (UpdateSet us : upd) updateSet(us, scope, rel);
        } finally {
            r.insertedValues = null;
        }
        if (ins.getConflictAction() != null && ins.getConflictAction().getWhereExpression() != null) {
            r.expr(ins.getConflictAction().getWhereExpression(), scope, Clause.WHERE, 0, null);
        }
        if (ins.getReturningClause() != null) {
            Scope returningScope = new Scope(ctes, ctes);
            r.addVar(returningScope, afterWrite(ins.getTable(), rel));
            returning(ins.getReturningClause(), returningScope);
        }
    }

    /** MariaDB REPLACE (and H2 MERGE … KEY): an insert that may first delete the conflicting rows. */
    void upsert(Upsert u) {
        d.kind = StatementKind.DML;
        d.type = upsertType(u.getUpsertType());
        if (u.getDuplicateUpdateSets() != null && !u.getDuplicateUpdateSets().isEmpty()) {
            throw new Unsupported(d.type.label() + " with ON DUPLICATE KEY UPDATE");
        }
        Relation rel = writable(u.getTable());
        d.tablesRead.add(rel.name());
        Rows rows = rows(targets(u.getColumns(), rel), u.getSelect(), u.getUpdateSets(), rel, null);
        if (rows == null) throw new Unsupported(d.type.label() + " form");
        List<String> targets = rows.targets();
        List<Lin> values = rows.values();
        if (values.size() != targets.size()) {
            throw new Unsupported(d.type.label() + " gives " + values.size() + " values for " + targets.size()
                    + " columns");
        }
        for (int i = 0; i < values.size(); i++) flow(rel.name(), targets.get(i), values.get(i));
    }

    /** H2 {@code MERGE … KEY (k, …)}: the key columns select the row the merge replaces, as a WHERE clause would. */
    void upsertKeys(Table t, List<String> keys) {
        Relation rel = r.lookup(t);
        Scope scope = new Scope(null, null);
        r.addVar(scope, r.targetVar(t, rel));
        for (String key : keys) r.expr(new Column(key), scope, Clause.WHERE, 0, null);
    }

    private static StatementType upsertType(UpsertType type) {
        if (type == null) return StatementType.UPSERT;
        return switch (type) {
            case UPSERT -> StatementType.UPSERT;
            case REPLACE -> StatementType.REPLACE;
            case REPLACE_SET -> StatementType.REPLACE_SET;
            case INSERT_OR_ABORT -> StatementType.INSERT_OR_ABORT;
            case INSERT_OR_FAIL -> StatementType.INSERT_OR_FAIL;
            case INSERT_OR_IGNORE -> StatementType.INSERT_OR_IGNORE;
            case INSERT_OR_REPLACE -> StatementType.INSERT_OR_REPLACE;
            case INSERT_OR_ROLLBACK -> StatementType.INSERT_OR_ROLLBACK;
        };
    }

    /** The columns an INSERT or REPLACE writes and, in the same order, the lineage of what it writes into them. */
    private record Rows(List<String> targets, List<Lin> values) { }

    /**
     * What an INSERT or REPLACE writes into {@code targets}: a VALUES list (each column the merge of its rows) or a
     * query; or SET pairs, which name their own targets. Null when the statement gives none of them.
     */
    private Rows rows(List<String> targets, Select src, List<UpdateSet> sets, Relation rel, Scope ctes) {
        List<Lin> values = new ArrayList<>();
        if (src != null) {
            // a parenthesized VALUES with its own WITH list is resolved as a query, which sees those CTEs
            Values v = src instanceof Values x ? x
                    : src instanceof ParenthesedSelect ps && ps.getSelect() instanceof Values x
                            && ps.getWithItemsList() == null
                    ? x : null;
            d.insertsFromQuery = v == null && !LiteralProjections.oneRowOfValues(src);
            List<Out> outs = v != null ? r.values(v, ctes, Clause.WRITE_VALUE, 0) : r.query(src, ctes,
                    Clause.WRITE_VALUE, 0);
            for (Out o : outs) values.add(o.lin());
            return new Rows(targets, values);
        }
        if (sets == null || sets.isEmpty()) return null;
        List<String> setTargets = new ArrayList<>();
        for (UpdateSet us : sets) {
            for (int i = 0; i < us.getColumns().size(); i++) {
                Column c = us.getColumns().get(i);
                r.markTarget(c);
                setTargets.add(targetColumn(rel, r.fold(c.getColumnName())));
                values.add(r.expr((Expression) us.getValues().get(i), ctes, Clause.WRITE_VALUE, 0, null));
            }
        }
        return new Rows(setTargets, values);
    }

    private List<String> targets(ExpressionList<Column> columns, Relation rel) {
        List<String> out = new ArrayList<>();
        if (columns == null || columns.isEmpty()) {
            for (CatalogColumn c : rel.columns()) out.add(c.name());
            return out;
        }
        for (Column c : columns) {
            r.markTarget(c);
            out.add(targetColumn(rel, r.fold(c.getColumnName())));
        }
        return out;
    }

    private String targetColumn(Relation rel, String name) {
        for (CatalogColumn c : rel.columns()) {
            if (dialect.sameColumnName(c.name(), name)) return c.name();
        }
        throw new Unsupported("column " + name + " not found in " + rel.name());
    }

    void flow(TableName table, String column, Lin lin) {
        d.writeFlows.add(new WriteFlow(new BaseColumn(table, column), lin.sources, lin.derived));
    }

    /** The CTEs of a data-modifying statement, as a query's are resolved; recursive ones are refused. */
    private Scope withScope(List<WithItem<?>> with) {
        return r.withFrame(with, null, false);
    }

    void update(Update u) {
        d.kind = StatementKind.DML;
        d.type = StatementType.UPDATE;
        if (u.getOutputClause() != null || u.getForPortionClause() != null || u.getPreferringClause() != null) {
            throw new Unsupported("UPDATE form");
        }
        Scope ctes = withScope(u.getWithItemsList());
        Scope scope = new Scope(ctes, ctes);
        Relation rel = writable(u.getTable());
        RangeVar target = r.targetVar(u.getTable(), rel);
        r.addVar(scope, target);
        d.tablesRead.add(rel.name());
        if (u.getStartJoins() != null) for (Join j : u.getStartJoins()) r.addJoin(j, scope, 0);
        if (u.getFromItem() != null) r.addFrom(u.getFromItem(), scope, 0);
        if (u.getJoins() != null) for (Join j : u.getJoins()) r.addJoin(j, scope, 0);
        for (UpdateSet us : u.getUpdateSets()) updateSet(us, scope, rel);
        if (u.getWhere() != null) r.expr(u.getWhere(), scope, Clause.WHERE, 0, null);
        if (u.getOrderByElements() != null) {
            for (OrderByElement o : u.getOrderByElements()) r.expr(o.getExpression(), scope, Clause.ORDER_BY, 0, null);
        }
        if (u.getLimit() != null && u.getLimit().getRowCount() != null) r.expr(u.getLimit().getRowCount(), scope,
                Clause.OTHER, 0, null);
        if (u.getReturningClause() != null) returning(u.getReturningClause(), returningScope(scope, ctes, u.getTable(),
                rel));
    }

    private Relation writable(Table t) {
        return writable(t, "writing");
    }

    /** The table a statement writes, recorded as written; {@code verb} starts the refusal of anything else. */
    private Relation writable(Table t, String verb) {
        r.markTable(t);
        Relation rel = r.lookup(t);
        if (rel.kind() != Relation.Kind.TABLE) {
            throw new Unsupported(verb + " " + rel.kind().name().toLowerCase(Locale.ROOT) + " " + rel.name());
        }
        d.tablesWritten.add(rel.name());
        return rel;
    }

    /**
     * One SET item (UPDATE, ON CONFLICT, MERGE): {@code col = expr} or {@code (a, b) = (SELECT …)}. Targets qualified
     * by another table (MariaDB multi-table UPDATE) are resolved to that table.
     */
    private void updateSet(UpdateSet us, Scope scope, Relation rel) {
        ExpressionList<Column> cols = us.getColumns();
        ExpressionList<?> vals = us.getValues();
        List<Lin> lins = new ArrayList<>();
        if (cols.size() > 1 && vals.size() == 1 && (vals.get(0) instanceof ParenthesedSelect
                || vals.get(0) instanceof Select)) {
            Select sub = (Select) vals.get(0);
            for (Out o : r.query(sub, scope, Clause.WRITE_VALUE, 1)) lins.add(o.lin());
        } else if (cols.size() > 1 && vals.size() == 1 && vals.get(0) instanceof ParenthesedExpressionList<?> p) {
            for (Expression e : p) lins.add(r.expr(e, scope, Clause.WRITE_VALUE, 0, null));
        } else {
            for (Object v : vals) lins.add(r.expr((Expression) v, scope, Clause.WRITE_VALUE, 0, null));
        }
        if (lins.size() != cols.size()) throw new Unsupported("SET assigns " + lins.size() + " values to " + cols.size()
                + " columns");
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            r.markTarget(c);
            String name = r.fold(c.getColumnName());
            TableName table = rel.name();
            String col;
            if (c.getTable() != null && c.getTable().getName() != null) {
                RangeVar v = r.qualifiedVar(c.getTable(), scope);
                if (v == null || v.table == null) throw new Unsupported("SET target " + c + " is not a table column");
                table = v.table;
                if (!table.equals(rel.name())) d.tablesWritten.add(table);
                Col found = r.findCol(v, name);
                if (found == null) throw new Unsupported("column " + name + " not found in " + table);
                col = found.name;
            } else {
                col = targetColumn(rel, name);
            }
            flow(table, col, lins.get(i));
        }
    }

    /**
     * The written table as RETURNING sees it: each column carries the lineage of what may have been written into it
     * (INSERT values, SET expressions), together with its own. {@code INSERT … SELECT ssn … RETURNING email}
     * returns ssn values.
     */
    private RangeVar afterWrite(Table t, Relation rel) {
        RangeVar before = r.targetVar(t, rel);
        List<Col> cols = new ArrayList<>();
        for (Col c : before.cols) {
            Lin lin = c.lin;
            boolean written = false;
            for (WriteFlow f : d.writeFlows) {
                if (f.target().table().equals(rel.name()) && dialect.sameColumnName(f.target().column(), c.name)) {
                    lin = lin.merge(f.sources().isEmpty() ? Lin.NONE : Lin.of(f.sources(), f.derived()));
                    written = true;
                }
            }
            cols.add(new Col(c.name, lin, written ? ColumnReference.Origin.DERIVED : c.origin));
        }
        return new RangeVar(before.name, before.table, before.qualifier, cols);
    }

    /** The scope of an UPDATE or MERGE after the write: the target as {@link #afterWrite}, the other relations as they
were. */
    private Scope returningScope(Scope scope, Scope ctes, Table t, Relation rel) {
        Scope after = new Scope(ctes, ctes);
        r.addVar(after, afterWrite(t, rel));
        for (int i = 1; i < scope.vars.size(); i++) r.addVar(after, scope.vars.get(i));
        after.merged.putAll(scope.merged);
        return after;
    }

    private void returning(net.sf.jsqlparser.statement.ReturningClause rc, Scope scope) {
        if (rc == null || rc.isEmpty()) return;
        if (rc.getDataItems() != null && !rc.getDataItems().isEmpty()) throw new Unsupported("RETURNING INTO");
        if (rc.getOutputAliases() != null
                && !rc.getOutputAliases().isEmpty()) throw new Unsupported("RETURNING WITH aliases");
        statements.outputs(r.selectItems(rc, scope, Clause.OUTPUT, 0));
    }

    void delete(Delete del) {
        d.kind = StatementKind.DML;
        d.type = StatementType.DELETE;
        if (del.getOutputClause() != null || del.getForPortionClause() != null || del.getPreferringClause() != null) {
            throw new Unsupported("DELETE form");
        }
        Scope ctes = withScope(del.getWithItemsList());
        Scope scope = new Scope(ctes, ctes);
        List<Table> deleted = new ArrayList<>();
        if (del.getTables() != null && !del.getTables().isEmpty()) {
            // MariaDB multi-table DELETE t1, t2 FROM …: the FROM clause defines the range variables
            deleted.addAll(del.getTables());
        } else {
            Relation rel = writable(del.getTable());
            r.addVar(scope, r.targetVar(del.getTable(), rel));
            d.tablesRead.add(rel.name());
        }
        if (!deleted.isEmpty()) {
            if (del.getTable() != null) r.addFrom(del.getTable(), scope, 0);
        }
        if (del.getUsingFromItemList() != null) for (var fi : del.getUsingFromItemList()) r.addFrom(fi, scope, 0);
        if (del.getJoins() != null) for (Join j : del.getJoins()) r.addJoin(j, scope, 0);
        for (Table t : deleted) {
            r.markTable(t);
            RangeVar v = r.qualifiedVar(t, scope);
            if (v == null || v.table == null) throw new Unsupported("DELETE target " + t + " is not a table in FROM");
            d.tablesWritten.add(v.table);
        }
        if (del.getWhere() != null) r.expr(del.getWhere(), scope, Clause.WHERE, 0, null);
        if (del.getOrderByElements() != null) {
            for (OrderByElement o : del.getOrderByElements()) r.expr(o.getExpression(), scope, Clause.ORDER_BY, 0,
                    null);
        }
        if (del.getLimit() != null && del.getLimit().getRowCount() != null) r.expr(del.getLimit().getRowCount(), scope,
                Clause.OTHER, 0, null);
        returning(del.getReturningClause(), scope);
    }

    void merge(Merge m) {
        d.kind = StatementKind.DML;
        d.type = StatementType.MERGE;
        if (m.getOutputClause() != null) throw new Unsupported("MERGE OUTPUT");
        Scope ctes = withScope(m.getWithItemsList());
        Scope scope = new Scope(ctes, ctes);
        Relation rel = writable(m.getTable());
        RangeVar target = r.targetVar(m.getTable(), rel);
        r.addVar(scope, target);
        d.tablesRead.add(rel.name());
        if (m.getFromItem() != null) r.addFrom(m.getFromItem(), scope, 0);
        else throw new Unsupported("MERGE without USING");
        if (m.getOnCondition() != null) r.expr(m.getOnCondition(), scope, Clause.JOIN_ON, 0, null);
        List<MergeOperation> ops = m.getOperations() != null ? m.getOperations() : List.of();
        for (MergeOperation op : ops) {
            if (op instanceof MergeUpdate mu) {
                if (mu.getAndPredicate() != null) r.expr(mu.getAndPredicate(), scope, Clause.WHERE, 0, null);
                for (UpdateSet us : mu.getUpdateSets()) updateSet(us, scope, rel);
                if (mu.getWhereCondition() != null) r.expr(mu.getWhereCondition(), scope, Clause.WHERE, 0, null);
                if (mu.getDeleteWhereCondition() != null) r.expr(mu.getDeleteWhereCondition(), scope, Clause.WHERE, 0,
                        null);
            } else if (op instanceof MergeInsert mi) {
                if (mi.getAndPredicate() != null) r.expr(mi.getAndPredicate(), scope, Clause.WHERE, 0, null);
                List<String> targets = targets(mi.getColumns(), rel);
                List<Lin> lins = new ArrayList<>();
                for (Expression e : mi.getValues()) lins.add(r.expr(e, scope, Clause.WRITE_VALUE, 0, null));
                if (lins.size() != targets.size()) throw new Unsupported("MERGE INSERT column count");
                for (int i = 0; i < lins.size(); i++) flow(rel.name(), targets.get(i), lins.get(i));
                if (mi.getWhereCondition() != null) r.expr(mi.getWhereCondition(), scope, Clause.WHERE, 0, null);
            } else if (op instanceof MergeDelete md) {
                if (md.getAndPredicate() != null) r.expr(md.getAndPredicate(), scope, Clause.WHERE, 0, null);
            } else {
                throw new Unsupported("MERGE action " + op.getClass().getSimpleName());
            }
        }
        if (m.getReturningClause() != null) returning(m.getReturningClause(), returningScope(scope, ctes, m.getTable(),
                rel));
    }
}
