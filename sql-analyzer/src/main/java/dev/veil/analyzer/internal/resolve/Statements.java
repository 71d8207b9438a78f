package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.veil.analyzer.Clause;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.OutputColumn;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.TableName;
import dev.veil.analyzer.internal.StatementDraft;
import dev.veil.analyzer.internal.facts.SettingNames;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
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
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Analyzes one parsed statement by its type, which a JSqlParser statement visitor chooses: queries, DDL carrying a
 * query, SET, EXPLAIN, CALL and the rest; data-modifying statements are {@link Writes}.
 */
public final class Statements {

    private final Resolver r;
    private final Dialect dialect;
    private final StatementDraft d;
    private final Writes writes;

    public Statements(Resolver r, Dialect dialect, StatementDraft d) {
        this.r = r;
        this.dialect = dialect;
        this.d = d;
        this.writes = new Writes(r, dialect, d, this);
    }

    /** Analyzes {@code st} by its type; a statement of any other type is refused. */
    public void analyze(Statement st) {
        Dispatch dispatch = new Dispatch(st);
        try {
            st.accept(dispatch, null);
        } catch (RuntimeException e) {
            // the adapter's own traversal of a statement type not analyzed here
            if (dispatch.handled) throw e;
        }
        if (!dispatch.handled) throw new Unsupported(st.getClass().getSimpleName() + " statements are not analyzed");
    }

    /** The key columns of H2 {@code MERGE … KEY}, analyzed after the upsert itself. */
    public void upsertKeys(Table target, List<String> keys) {
        writes.upsertKeys(target, keys);
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
            if (own(i)) writes.insert(i);
            return null;
        }

        @Override
        public <S> Void visit(ParenthesedInsert i, S context) {
            if (own(i)) writes.insert(i);
            return null;
        }

        @Override
        public <S> Void visit(Update u, S context) {
            if (own(u)) writes.update(u);
            return null;
        }

        @Override
        public <S> Void visit(ParenthesedUpdate u, S context) {
            if (own(u)) writes.update(u);
            return null;
        }

        @Override
        public <S> Void visit(Upsert u, S context) {
            if (own(u)) writes.upsert(u);
            return null;
        }

        @Override
        public <S> Void visit(Delete del, S context) {
            if (own(del)) writes.delete(del);
            return null;
        }

        @Override
        public <S> Void visit(ParenthesedDelete del, S context) {
            if (own(del)) writes.delete(del);
            return null;
        }

        @Override
        public <S> Void visit(Merge m, S context) {
            if (own(m)) writes.merge(m);
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
                throw new Unsupported("ALTER VIEW is not analyzed");
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
        public <S> Void visit(Revoke revoke, S context) {
            if (own(revoke)) kind(StatementKind.DCL, StatementType.REVOKE);
            return null;
        }

        @Override
        public <S> Void visit(Commit c, S context) {
            if (own(c)) kind(StatementKind.TCL, StatementType.COMMIT);
            return null;
        }

        @Override
        public <S> Void visit(RollbackStatement rollback, S context) {
            if (own(rollback)) kind(StatementKind.TCL, StatementType.ROLLBACK);
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
                && ps.getSelectItems().size() == 1
                        && ps.getSelectItems().get(0).getExpression() instanceof Function f) {
            // what a JDBC function call escape becomes: the routine it calls
            d.routine = Labels.qualifiedName(dialect, f.getName());
            d.routineCategory = r.classify(f.getName());
        }
    }

    private void execute(Execute e) {
        d.kind = StatementKind.UTILITY;
        String kw = String.valueOf(e.getExecType()).toUpperCase(Locale.ROOT);
        d.type = kw.contains("CALL") ? StatementType.CALL : StatementType.EXECUTE;
        d.hazard(d.type == StatementType.CALL ? Hazard.Kind.CALL : Hazard.Kind.DYNAMIC_SQL,
                d.type.label() + " " + e.getName());
        if (d.type == StatementType.CALL) {
            r.function(e.getName());
            d.routine = Labels.qualifiedName(dialect, e.getName());
            // the arguments are values handed to the routine
            if (e.getExprList() != null) for (Object a : e.getExprList()) r.expr((Expression) a, null,
                    Clause.WRITE_VALUE, 0, null);
        }
    }

    void outputs(List<Out> outs) {
        for (Out o : outs) d.outputs.add(new OutputColumn(o.label(), o.lin().sources, o.lin().derived));
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
        if (name != null && SettingNames.stripVariable(name).startsWith("veil")) d.hazard(Hazard.Kind.RESERVED_NAME,
                "setting");
    }

    private void set(SetStatement s) {
        d.kind = StatementKind.UTILITY;
        d.type = StatementType.SET;
        for (int i = 0; i < s.getCount(); i++) {
            Object name = s.getName(i);
            String n = String.valueOf(name);
            settingName(n);
            String stripped = SettingNames.stripVariable(n);
            if (n.startsWith("@") || stripped.equals("search_path") || stripped.equals("schema")
                    || stripped.startsWith("role")
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

    private void explain(ExplainStatement e) {
        Statement inner = e.getStatement();
        if (inner == null) {
            kind(StatementKind.UTILITY, StatementType.EXPLAIN);
            return;
        }
        analyze(inner);
        // EXPLAIN ANALYZE, and MariaDB's ANALYZE <statement>, run the statement they explain: read as the write
        boolean runs = e.getOption(ExplainStatement.OptionType.ANALYZE) != null
                || !Set.of("EXPLAIN", "DESCRIBE", "DESC").contains(String.valueOf(e.getKeyword())
                        .toUpperCase(Locale.ROOT));
        d.outputs.clear();
        d.kind = runs && !d.tablesWritten.isEmpty() ? StatementKind.DML : StatementKind.UTILITY;
        d.type = StatementType.EXPLAIN;
    }

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
        List<Out> outs = r.query(ct.getSelect(), null, Clause.WRITE_VALUE, 0);
        List<String> names = new ArrayList<>();
        if (ct.getColumns() != null && !ct.getColumns().isEmpty()) for (String c
                : ct.getColumns()) names.add(r.fold(c));
        else if (ct.getColumnDefinitions() != null && !ct.getColumnDefinitions().isEmpty()) {
            for (var cd : ct.getColumnDefinitions()) names.add(r.fold(cd.getColumnName()));
        }
        if (!names.isEmpty() && names.size() != outs.size()) throw new Unsupported("CREATE TABLE AS column count");
        for (int i = 0; i < outs.size(); i++) {
            writes.flow(target, names.isEmpty() ? outs.get(i).label() : names.get(i), outs.get(i).lin());
        }
    }

    private void createView(CreateView cv) {
        d.kind = StatementKind.DDL;
        d.type = cv.isMaterialized() ? StatementType.CREATE_MATERIALIZED_VIEW : StatementType.CREATE_VIEW;
        TableName target = r.newTableName(cv.getView());
        d.tablesWritten.add(target);
        List<Out> outs;
        if (cv.isMaterialized()) {
            outs = r.query(cv.getSelect(), null, Clause.WRITE_VALUE, 0);
        } else {
            // a view stores its definition, not values: its outputs reach a caller only when the view is read (and
            // are masked there, through their lineage); its predicates are evaluated over raw values at every read
            r.writes = Sinks.VIEW_OUTPUT;
            r.selecting = Sinks.VIEW_SELECTING;
            try {
                outs = r.query(cv.getSelect(), null, Clause.WRITE_VALUE, 0);
            } finally {
                r.writes = Sinks.WRITTEN;
                r.selecting = Sinks.SELECTING;
            }
        }
        List<String> names = new ArrayList<>();
        if (cv.getColumnNames() != null) {
            for (Column c : cv.getColumnNames()) {
                r.markTarget(c);
                names.add(r.fold(c.getColumnName()));
            }
        }
        if (!names.isEmpty() && names.size() != outs.size()) throw new Unsupported("CREATE VIEW column count");
        for (int i = 0; i < outs.size(); i++) {
            writes.flow(target, names.isEmpty() ? outs.get(i).label() : names.get(i), outs.get(i).lin());
        }
    }
}
