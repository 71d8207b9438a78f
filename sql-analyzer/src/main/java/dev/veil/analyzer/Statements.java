package dev.veil.analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.veil.analyzer.internal.resolve.Labels;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.ResetStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SavepointStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.StatementVisitorAdapter;
import net.sf.jsqlparser.statement.UseStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.grant.Revoke;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
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
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.upsert.UpsertType;

/** Analyzes one parsed statement by kind: queries, DML, DDL and the rest. */
final class Statements {

    private final Resolver r;
    private final Dialect dialect;
    private final StatementAnalysis.Draft d;

    Statements(Resolver r, Dialect dialect, StatementAnalysis.Draft d) {
        this.r = r;
        this.dialect = dialect;
        this.d = d;
    }

    /** Analyzes {@code st} by its type; a statement of any other type is refused. */
    void analyze(Statement st) {
        Dispatch dispatch = new Dispatch(st);
        try {
            st.accept(dispatch, null);
        } catch (RuntimeException e) {
            // the adapter's own traversal of a statement type not analyzed here
            if (dispatch.handled) throw e;
        }
        if (!dispatch.handled) throw new Resolver.Unsupported(st.getClass().getSimpleName() + " statements are not analyzed");
    }

    /**
     * Sends the statement to the analysis of its type. Only the statement itself is dispatched: where the adapter
     * walks into a statement of a type not analyzed here, the statements it meets inside are ignored.
     */
    private final class Dispatch extends StatementVisitorAdapter<Void> {
        private final Statement root;
        boolean handled;

        Dispatch(Statement root) {
            this.root = root;
        }

        private boolean own(Statement st) {
            if (st != root) return false;
            handled = true;
            return true;
        }

        @Override
        public <S> Void visit(Select s, S context) {
            if (own(s)) select(s);
            return null;
        }

        @Override
        public <S> Void visit(Insert i, S context) {
            if (own(i)) insert(i);
            return null;
        }

        @Override
        public <S> Void visit(ParenthesedInsert i, S context) {
            if (own(i)) insert(i);
            return null;
        }

        @Override
        public <S> Void visit(Update u, S context) {
            if (own(u)) update(u);
            return null;
        }

        @Override
        public <S> Void visit(ParenthesedUpdate u, S context) {
            if (own(u)) update(u);
            return null;
        }

        @Override
        public <S> Void visit(Upsert u, S context) {
            if (own(u)) upsert(u);
            return null;
        }

        @Override
        public <S> Void visit(Delete del, S context) {
            if (own(del)) delete(del);
            return null;
        }

        @Override
        public <S> Void visit(ParenthesedDelete del, S context) {
            if (own(del)) delete(del);
            return null;
        }

        @Override
        public <S> Void visit(Merge m, S context) {
            if (own(m)) merge(m);
            return null;
        }

        @Override
        public <S> Void visit(CreateTable ct, S context) {
            if (own(ct)) createTable(ct);
            return null;
        }

        @Override
        public <S> Void visit(CreateView cv, S context) {
            if (own(cv)) createView(cv);
            return null;
        }

        @Override
        public <S> Void visit(AlterView av, S context) {
            if (own(av)) {
                ddl(StatementType.ALTER_VIEW, av.getView());
                throw new Resolver.Unsupported("ALTER VIEW is not analyzed");
            }
            return null;
        }

        @Override
        public <S> Void visit(Alter a, S context) {
            if (own(a)) ddl(StatementType.ALTER, a.getTable());
            return null;
        }

        @Override
        public <S> Void visit(Drop dr, S context) {
            if (own(dr)) ddl(StatementType.DROP, dr.getName());
            return null;
        }

        @Override
        public <S> Void visit(Truncate t, S context) {
            if (own(t)) ddl(StatementType.TRUNCATE, t.getTable());
            return null;
        }

        @Override
        public <S> Void visit(CreateIndex ci, S context) {
            if (own(ci)) ddl(StatementType.CREATE_INDEX, ci.getTable());
            return null;
        }

        @Override
        public <S> Void visit(CreateSchema cs, S context) {
            if (own(cs)) kind(StatementKind.DDL, StatementType.CREATE_SCHEMA);
            return null;
        }

        @Override
        public <S> Void visit(CreateSequence cs, S context) {
            if (own(cs)) kind(StatementKind.DDL, StatementType.CREATE_SEQUENCE);
            return null;
        }

        @Override
        public <S> Void visit(Comment c, S context) {
            if (own(c)) kind(StatementKind.DDL, StatementType.COMMENT);
            return null;
        }

        @Override
        public <S> Void visit(Grant g, S context) {
            if (own(g)) kind(StatementKind.DCL, StatementType.GRANT);
            return null;
        }

        @Override
        public <S> Void visit(Revoke r, S context) {
            if (own(r)) kind(StatementKind.DCL, StatementType.REVOKE);
            return null;
        }

        @Override
        public <S> Void visit(Commit c, S context) {
            if (own(c)) kind(StatementKind.TCL, StatementType.COMMIT);
            return null;
        }

        @Override
        public <S> Void visit(RollbackStatement r, S context) {
            if (own(r)) kind(StatementKind.TCL, StatementType.ROLLBACK);
            return null;
        }

        @Override
        public <S> Void visit(SavepointStatement sp, S context) {
            if (own(sp)) kind(StatementKind.TCL, StatementType.SAVEPOINT);
            return null;
        }

        @Override
        public <S> Void visit(SetStatement set, S context) {
            if (own(set)) set(set);
            return null;
        }

        @Override
        public <S> Void visit(ShowStatement show, S context) {
            if (own(show)) {
                kind(StatementKind.UTILITY, StatementType.SHOW);
                settingName(show.getName());
            }
            return null;
        }

        @Override
        public <S> Void visit(ShowColumnsStatement show, S context) {
            if (own(show)) kind(StatementKind.UTILITY, StatementType.DESCRIBE);
            return null;
        }

        @Override
        public <S> Void visit(DescribeStatement describe, S context) {
            if (own(describe)) kind(StatementKind.UTILITY, StatementType.DESCRIBE);
            return null;
        }

        @Override
        public <S> Void visit(UseStatement use, S context) {
            if (own(use)) kind(StatementKind.UTILITY, StatementType.USE);
            return null;
        }

        @Override
        public <S> Void visit(ResetStatement reset, S context) {
            if (own(reset)) {
                kind(StatementKind.UTILITY, StatementType.RESET);
                settingName(reset.getName());
            }
            return null;
        }

        @Override
        public <S> Void visit(ExplainStatement e, S context) {
            if (own(e)) explain(e);
            return null;
        }

        @Override
        public <S> Void visit(Execute e, S context) {
            if (own(e)) execute(e);
            return null;
        }
    }

    private void select(Select s) {
        d.kind = StatementKind.QUERY;
        d.type = StatementType.SELECT;
        outputs(r.query(s, null, Clause.OUTPUT, 0));
        if (d.callFunction && s instanceof net.sf.jsqlparser.statement.select.PlainSelect ps && ps.getFromItem() == null
                && ps.getSelectItems().size() == 1 && ps.getSelectItems().get(0).getExpression() instanceof Function f) {
            // what a JDBC function call escape becomes: the routine it calls
            d.routine = Labels.qualifiedName(dialect, f.getName());
            d.routineCategory = r.classify(f.getName());
        }
    }

    private void execute(Execute e) {
        d.kind = StatementKind.UTILITY;
        String kw = String.valueOf(e.getExecType()).toUpperCase(Locale.ROOT);
        d.type = kw.contains("CALL") ? StatementType.CALL : StatementType.EXECUTE;
        d.hazard(d.type == StatementType.CALL ? Hazard.Kind.CALL : Hazard.Kind.DYNAMIC_SQL, d.type.label() + " " + e.getName());
        if (d.type == StatementType.CALL) {
            r.function(e.getName());
            d.routine = Labels.qualifiedName(dialect, e.getName());
            // the arguments are values handed to the routine
            if (e.getExprList() != null) for (Object a : e.getExprList()) r.expr((Expression) a, null, Clause.WRITE_VALUE, 0, null);
        }
    }

    private void outputs(List<Resolver.Out> outs) {
        for (Resolver.Out o : outs) d.outputs.add(new OutputColumn(o.label(), o.lin().sources, o.lin().derived));
    }

    private void kind(StatementKind kind, StatementType type) {
        d.kind = kind;
        d.type = type;
    }

    private void ddl(StatementType type, Table t) {
        d.kind = StatementKind.DDL;
        d.type = type;
        if (t != null && t.getName() != null) d.tablesWritten.add(r.newTableName(t));
    }

    private void settingName(String name) {
        if (name != null && stripVariable(name).startsWith("veil")) d.hazard(Hazard.Kind.RESERVED_NAME, "setting");
    }

    static String stripVariable(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("`", "").replace("\"", "").replace("'", "").strip();
        while (n.startsWith("@")) n = n.substring(1);
        for (String p : List.of("session.", "global.", "local.")) if (n.startsWith(p)) n = n.substring(p.length());
        return n;
    }

    // ---- SET ----------------------------------------------------------------------------------------------------

    private void set(SetStatement s) {
        d.kind = StatementKind.UTILITY;
        d.type = StatementType.SET;
        for (int i = 0; i < s.getCount(); i++) {
            Object name = s.getName(i);
            String n = String.valueOf(name);
            settingName(n);
            String stripped = stripVariable(n);
            if (n.startsWith("@") || stripped.equals("search_path") || stripped.equals("schema") || stripped.startsWith("role")
                    || stripped.equals("session authorization")) {
                d.hazard(Hazard.Kind.SESSION_VARIABLE, stripped);
            }
            List<Expression> values = s.getExpressions(i);
            if (values == null) continue;
            for (Expression e : values) {
                if (e instanceof Column c) {
                    // SET name = word: the word is a value (an identifier or keyword), not a column
                    r.markTarget(c);
                    continue;
                }
                Lin l = r.expr(e, null, Clause.WRITE_VALUE, 0, null);
                if (!l.sources.isEmpty()) d.hazard(Hazard.Kind.SESSION_VARIABLE, stripped + " set from table data");
            }
        }
    }

    // ---- EXPLAIN ------------------------------------------------------------------------------------------------

    private void explain(ExplainStatement e) {
        Statement inner = e.getStatement();
        if (inner == null) {
            kind(StatementKind.UTILITY, StatementType.EXPLAIN);
            return;
        }
        analyze(inner);
        boolean analyze = e.getOption(ExplainStatement.OptionType.ANALYZE) != null;
        d.outputs.clear();
        d.kind = analyze && !d.tablesWritten.isEmpty() ? StatementKind.DML : StatementKind.UTILITY;
        d.type = StatementType.EXPLAIN;
    }

    // ---- INSERT -------------------------------------------------------------------------------------------------

    private void insert(Insert ins) {
        d.kind = StatementKind.DML;
        d.type = StatementType.INSERT;
        if (ins.isOracleMultiInsert() || ins.getOutputClause() != null || ins.isOverwrite()) {
            throw new Resolver.Unsupported("INSERT form");
        }
        Resolver.Scope ctes = withScope(ins.getWithItemsList());
        Relation rel = writable(ins.getTable(), "INSERT into");
        List<String> targets = targets(ins.getColumns(), rel);
        List<Lin> values = List.of();
        Rows rows = rows(targets, ins.getSelect(), ins.getSetUpdateSets(), rel, ctes);
        if (rows != null) {
            targets = rows.targets();
            values = rows.values();
        } else if (!ins.isOnlyDefaultValues()) {
            throw new Resolver.Unsupported("INSERT without values");
        }
        if (!values.isEmpty() && values.size() != targets.size()) {
            throw new Resolver.Unsupported("INSERT gives " + values.size() + " values for " + targets.size() + " columns");
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
        Resolver.Scope scope = new Resolver.Scope(ctes, ctes);
        Resolver.RangeVar target = r.targetVar(ins.getTable(), rel);
        r.addVar(scope, target);
        List<Resolver.Col> excludedCols = new ArrayList<>();
        for (CatalogColumn c : rel.columns()) {
            Lin l = inserted.getOrDefault(c.name().toLowerCase(Locale.ROOT), Lin.NONE);
            excludedCols.add(new Resolver.Col(c.name(), l, ColumnReference.Origin.DERIVED));
        }
        if (dialect.rules().excludedRow()) scope.vars.add(new Resolver.RangeVar("excluded", null, "excluded", excludedCols));
        if (ins.getRowAlias() != null) {
            String a = r.fold(ins.getRowAlias().getName());
            scope.vars.add(new Resolver.RangeVar(a, null, dialect.quoteIdentifier(a), excludedCols));
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
            Resolver.Scope returningScope = new Resolver.Scope(ctes, ctes);
            r.addVar(returningScope, afterWrite(ins.getTable(), rel));
            returning(ins.getReturningClause(), returningScope);
        }
    }

    /** MariaDB REPLACE (and H2 MERGE … KEY): an insert that may first delete the conflicting rows. */
    private void upsert(Upsert u) {
        d.kind = StatementKind.DML;
        d.type = upsertType(u.getUpsertType());
        if (u.getDuplicateUpdateSets() != null && !u.getDuplicateUpdateSets().isEmpty()) {
            throw new Resolver.Unsupported(d.type.label() + " with ON DUPLICATE KEY UPDATE");
        }
        Relation rel = writable(u.getTable());
        d.tablesRead.add(rel.name());
        Rows rows = rows(targets(u.getColumns(), rel), u.getSelect(), u.getUpdateSets(), rel, null);
        if (rows == null) throw new Resolver.Unsupported(d.type.label() + " form");
        List<String> targets = rows.targets();
        List<Lin> values = rows.values();
        if (values.size() != targets.size()) {
            throw new Resolver.Unsupported(d.type.label() + " gives " + values.size() + " values for " + targets.size() + " columns");
        }
        for (int i = 0; i < values.size(); i++) flow(rel.name(), targets.get(i), values.get(i));
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
    private Rows rows(List<String> targets, Select src, List<UpdateSet> sets, Relation rel, Resolver.Scope ctes) {
        List<Lin> values = new ArrayList<>();
        if (src != null) {
            // a parenthesized VALUES with its own WITH list is resolved as a query, which sees those CTEs
            Values v = src instanceof Values x ? x
                    : src instanceof ParenthesedSelect ps && ps.getSelect() instanceof Values x && ps.getWithItemsList() == null
                    ? x : null;
            List<Resolver.Out> outs = v != null ? r.values(v, ctes, Clause.WRITE_VALUE, 0) : r.query(src, ctes, Clause.WRITE_VALUE, 0);
            for (Resolver.Out o : outs) values.add(o.lin());
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
        throw new Resolver.Unsupported("column " + name + " not found in " + rel.name());
    }

    private void flow(TableName table, String column, Lin lin) {
        d.writeFlows.add(new WriteFlow(new BaseColumn(table, column), lin.sources, lin.derived));
    }

    /** The CTEs of a data-modifying statement, as a query's are resolved; recursive ones are refused. */
    private Resolver.Scope withScope(List<WithItem<?>> with) {
        return r.withFrame(with, null, false);
    }

    // ---- UPDATE -------------------------------------------------------------------------------------------------

    private void update(Update u) {
        d.kind = StatementKind.DML;
        d.type = StatementType.UPDATE;
        if (u.getOutputClause() != null || u.getForPortionClause() != null || u.getPreferringClause() != null) {
            throw new Resolver.Unsupported("UPDATE form");
        }
        Resolver.Scope ctes = withScope(u.getWithItemsList());
        Resolver.Scope scope = new Resolver.Scope(ctes, ctes);
        Relation rel = writable(u.getTable());
        Resolver.RangeVar target = r.targetVar(u.getTable(), rel);
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
        if (u.getLimit() != null && u.getLimit().getRowCount() != null) r.expr(u.getLimit().getRowCount(), scope, Clause.OTHER, 0, null);
        if (u.getReturningClause() != null) returning(u.getReturningClause(), returningScope(scope, ctes, u.getTable(), rel));
    }

    private Relation writable(Table t) {
        return writable(t, "writing");
    }

    /** The table a statement writes, recorded as written; {@code verb} starts the refusal of anything else. */
    private Relation writable(Table t, String verb) {
        r.markTable(t);
        Relation rel = r.lookup(t);
        if (rel.kind() != Relation.Kind.TABLE) {
            throw new Resolver.Unsupported(verb + " " + rel.kind().name().toLowerCase(Locale.ROOT) + " " + rel.name());
        }
        d.tablesWritten.add(rel.name());
        return rel;
    }

    /**
     * One SET item (UPDATE, ON CONFLICT, MERGE): {@code col = expr} or {@code (a, b) = (SELECT …)}. Targets qualified
     * by another table (MariaDB multi-table UPDATE) are resolved to that table.
     */
    private void updateSet(UpdateSet us, Resolver.Scope scope, Relation rel) {
        ExpressionList<Column> cols = us.getColumns();
        ExpressionList<?> vals = us.getValues();
        List<Lin> lins = new ArrayList<>();
        if (cols.size() > 1 && vals.size() == 1 && (vals.get(0) instanceof ParenthesedSelect || vals.get(0) instanceof Select)) {
            Select sub = (Select) vals.get(0);
            for (Resolver.Out o : r.query(sub, scope, Clause.WRITE_VALUE, 1)) lins.add(o.lin());
        } else if (cols.size() > 1 && vals.size() == 1 && vals.get(0) instanceof ParenthesedExpressionList<?> p) {
            for (Expression e : p) lins.add(r.expr(e, scope, Clause.WRITE_VALUE, 0, null));
        } else {
            for (Object v : vals) lins.add(r.expr((Expression) v, scope, Clause.WRITE_VALUE, 0, null));
        }
        if (lins.size() != cols.size()) throw new Resolver.Unsupported("SET assigns " + lins.size() + " values to " + cols.size() + " columns");
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            r.markTarget(c);
            String name = r.fold(c.getColumnName());
            TableName table = rel.name();
            String col;
            if (c.getTable() != null && c.getTable().getName() != null) {
                Resolver.RangeVar v = r.qualifiedVar(c.getTable(), scope);
                if (v == null || v.table == null) throw new Resolver.Unsupported("SET target " + c + " is not a table column");
                table = v.table;
                if (!table.equals(rel.name())) d.tablesWritten.add(table);
                Resolver.Col found = r.findCol(v, name);
                if (found == null) throw new Resolver.Unsupported("column " + name + " not found in " + table);
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
    private Resolver.RangeVar afterWrite(Table t, Relation rel) {
        Resolver.RangeVar before = r.targetVar(t, rel);
        List<Resolver.Col> cols = new ArrayList<>();
        for (Resolver.Col c : before.cols) {
            Lin lin = c.lin;
            boolean written = false;
            for (WriteFlow f : d.writeFlows) {
                if (f.target().table().equals(rel.name()) && dialect.sameColumnName(f.target().column(), c.name)) {
                    lin = lin.merge(f.sources().isEmpty() ? Lin.NONE : Lin.of(f.sources(), f.derived()));
                    written = true;
                }
            }
            cols.add(new Resolver.Col(c.name, lin, written ? ColumnReference.Origin.DERIVED : c.origin));
        }
        return new Resolver.RangeVar(before.name, before.table, before.qualifier, cols);
    }

    /** The scope of an UPDATE or MERGE after the write: the target as {@link #afterWrite}, the other relations as they were. */
    private Resolver.Scope returningScope(Resolver.Scope scope, Resolver.Scope ctes, Table t, Relation rel) {
        Resolver.Scope after = new Resolver.Scope(ctes, ctes);
        r.addVar(after, afterWrite(t, rel));
        for (int i = 1; i < scope.vars.size(); i++) r.addVar(after, scope.vars.get(i));
        after.merged.putAll(scope.merged);
        return after;
    }

    private void returning(net.sf.jsqlparser.statement.ReturningClause rc, Resolver.Scope scope) {
        if (rc == null || rc.isEmpty()) return;
        if (rc.getDataItems() != null && !rc.getDataItems().isEmpty()) throw new Resolver.Unsupported("RETURNING INTO");
        if (rc.getOutputAliases() != null && !rc.getOutputAliases().isEmpty()) throw new Resolver.Unsupported("RETURNING WITH aliases");
        outputs(r.selectItems(rc, scope, Clause.OUTPUT, 0));
    }

    // ---- DELETE -------------------------------------------------------------------------------------------------

    private void delete(Delete del) {
        d.kind = StatementKind.DML;
        d.type = StatementType.DELETE;
        if (del.getOutputClause() != null || del.getForPortionClause() != null || del.getPreferringClause() != null) {
            throw new Resolver.Unsupported("DELETE form");
        }
        Resolver.Scope ctes = withScope(del.getWithItemsList());
        Resolver.Scope scope = new Resolver.Scope(ctes, ctes);
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
            Resolver.RangeVar v = r.qualifiedVar(t, scope);
            if (v == null || v.table == null) throw new Resolver.Unsupported("DELETE target " + t + " is not a table in FROM");
            d.tablesWritten.add(v.table);
        }
        if (del.getWhere() != null) r.expr(del.getWhere(), scope, Clause.WHERE, 0, null);
        if (del.getOrderByElements() != null) {
            for (OrderByElement o : del.getOrderByElements()) r.expr(o.getExpression(), scope, Clause.ORDER_BY, 0, null);
        }
        if (del.getLimit() != null && del.getLimit().getRowCount() != null) r.expr(del.getLimit().getRowCount(), scope, Clause.OTHER, 0, null);
        returning(del.getReturningClause(), scope);
    }

    // ---- MERGE --------------------------------------------------------------------------------------------------

    private void merge(Merge m) {
        d.kind = StatementKind.DML;
        d.type = StatementType.MERGE;
        if (m.getOutputClause() != null) throw new Resolver.Unsupported("MERGE OUTPUT");
        Resolver.Scope ctes = withScope(m.getWithItemsList());
        Resolver.Scope scope = new Resolver.Scope(ctes, ctes);
        Relation rel = writable(m.getTable());
        Resolver.RangeVar target = r.targetVar(m.getTable(), rel);
        r.addVar(scope, target);
        d.tablesRead.add(rel.name());
        if (m.getFromItem() != null) r.addFrom(m.getFromItem(), scope, 0);
        else throw new Resolver.Unsupported("MERGE without USING");
        if (m.getOnCondition() != null) r.expr(m.getOnCondition(), scope, Clause.JOIN_ON, 0, null);
        List<MergeOperation> ops = m.getOperations() != null ? m.getOperations() : List.of();
        for (MergeOperation op : ops) {
            if (op instanceof MergeUpdate mu) {
                if (mu.getAndPredicate() != null) r.expr(mu.getAndPredicate(), scope, Clause.WHERE, 0, null);
                for (UpdateSet us : mu.getUpdateSets()) updateSet(us, scope, rel);
                if (mu.getWhereCondition() != null) r.expr(mu.getWhereCondition(), scope, Clause.WHERE, 0, null);
                if (mu.getDeleteWhereCondition() != null) r.expr(mu.getDeleteWhereCondition(), scope, Clause.WHERE, 0, null);
            } else if (op instanceof MergeInsert mi) {
                if (mi.getAndPredicate() != null) r.expr(mi.getAndPredicate(), scope, Clause.WHERE, 0, null);
                List<String> targets = targets(mi.getColumns(), rel);
                List<Lin> lins = new ArrayList<>();
                for (Expression e : mi.getValues()) lins.add(r.expr(e, scope, Clause.WRITE_VALUE, 0, null));
                if (lins.size() != targets.size()) throw new Resolver.Unsupported("MERGE INSERT column count");
                for (int i = 0; i < lins.size(); i++) flow(rel.name(), targets.get(i), lins.get(i));
                if (mi.getWhereCondition() != null) r.expr(mi.getWhereCondition(), scope, Clause.WHERE, 0, null);
            } else if (op instanceof MergeDelete md) {
                if (md.getAndPredicate() != null) r.expr(md.getAndPredicate(), scope, Clause.WHERE, 0, null);
            } else {
                throw new Resolver.Unsupported("MERGE action " + op.getClass().getSimpleName());
            }
        }
        if (m.getReturningClause() != null) returning(m.getReturningClause(), returningScope(scope, ctes, m.getTable(), rel));
    }

    // ---- CREATE TABLE / VIEW ------------------------------------------------------------------------------------

    private void createTable(CreateTable ct) {
        d.kind = StatementKind.DDL;
        TableName target = r.newTableName(ct.getTable());
        d.tablesWritten.add(target);
        if (ct.getSelect() == null) {
            d.type = StatementType.CREATE_TABLE;
            if (ct.getLikeTable() != null || ct.getTrailingLikeTable() != null) {
                Table like = ct.getLikeTable() != null ? ct.getLikeTable() : ct.getTrailingLikeTable();
                d.tablesRead.add(r.lookup(like).name());
            }
            return;
        }
        d.type = StatementType.CREATE_TABLE_AS;
        List<Resolver.Out> outs = r.query(ct.getSelect(), null, Clause.WRITE_VALUE, 0);
        List<String> names = new ArrayList<>();
        if (ct.getColumns() != null && !ct.getColumns().isEmpty()) for (String c : ct.getColumns()) names.add(r.fold(c));
        else if (ct.getColumnDefinitions() != null && !ct.getColumnDefinitions().isEmpty()) {
            for (var cd : ct.getColumnDefinitions()) names.add(r.fold(cd.getColumnName()));
        }
        if (!names.isEmpty() && names.size() != outs.size()) throw new Resolver.Unsupported("CREATE TABLE AS column count");
        for (int i = 0; i < outs.size(); i++) {
            flow(target, names.isEmpty() ? outs.get(i).label() : names.get(i), outs.get(i).lin());
        }
    }

    private void createView(CreateView cv) {
        d.kind = StatementKind.DDL;
        d.type = cv.isMaterialized() ? StatementType.CREATE_MATERIALIZED_VIEW : StatementType.CREATE_VIEW;
        TableName target = r.newTableName(cv.getView());
        d.tablesWritten.add(target);
        List<Resolver.Out> outs = r.query(cv.getSelect(), null, Clause.WRITE_VALUE, 0);
        List<String> names = new ArrayList<>();
        if (cv.getColumnNames() != null) {
            for (Column c : cv.getColumnNames()) {
                r.markTarget(c);
                names.add(r.fold(c.getColumnName()));
            }
        }
        if (!names.isEmpty() && names.size() != outs.size()) throw new Resolver.Unsupported("CREATE VIEW column count");
        for (int i = 0; i < outs.size(); i++) {
            flow(target, names.isEmpty() ? outs.get(i).label() : names.get(i), outs.get(i).lin());
        }
    }
}
