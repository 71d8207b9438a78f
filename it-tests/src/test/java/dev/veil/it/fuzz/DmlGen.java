package dev.veil.it.fuzz;

import dev.veil.it.fuzz.FuzzSchema.Table;
import dev.veil.it.fuzz.FuzzSchema.Type;
import dev.veil.it.fuzz.GenContext.Relation;
import dev.veil.it.fuzz.GenContext.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes: INSERT … SELECT and INSERT … VALUES into the scratch table, UPDATE (plain, correlated, joined), INSERT of
 * copied rows that collide with unique keys, DELETE, each with RETURNING where the engine has it (H2: data-change
 * delta tables). Every write is followed by a read-back of the table it wrote; the runner rolls the transaction back.
 */
final class DmlGen {

    private DmlGen() {
    }

    static final List<Type> SCRATCH_SHAPE = List.of(Type.INT, Type.TEXT, Type.TEXT, Type.INT);
    private static final String READ_SCRATCH = "SELECT id, a, b, n FROM fz_scratch";
    private static final String READ_CUSTOMERS = "SELECT id, tier, city, score FROM fz_customers";
    private static final String READ_ORDERS = "SELECT id, customer_id, status, qty FROM fz_orders";

    /** What a DML generator produced. */
    record Dml(String family, Sql statement, List<String> readbacks, boolean generatedKeys) {
    }

    static Dml insertSelect(GenContext c) {
        QueryGen.Query q = c.chance(0.2) ? SetOpGen.query(c, QueryGen.Position.TOP, SCRATCH_SHAPE)
                : QueryGen.select(c, SCRATCH_SHAPE, QueryGen.Position.TOP);
        Sql stmt = Sql.of("INSERT INTO fz_scratch (id, a, b, n) ", q.sql());
        if (c.dialect.deltaTables() && c.chance(0.4)) {
            return new Dml("dml.insert-select", delta(c, "FINAL", stmt, FuzzSchema.SCRATCH), List.of(READ_SCRATCH),
                    false);
        }
        returning(c, stmt, "insert", FuzzSchema.SCRATCH);
        return new Dml("dml.insert-select", stmt, List.of(READ_SCRATCH), c.chance(0.3));
    }

    static Dml insertValues(GenContext c) {
        List<Sql> values = new ArrayList<>();
        values.add(Sql.of(String.valueOf(c.between(10, 20))));
        values.add(c.in("values", () -> c.chance(0.7) ? QueryGen.scalar(c, Type.TEXT)
                : ExpressionGen.expr(c, Type.TEXT, 2)));
        values.add(c.in("values", () -> ExpressionGen.expr(c, Type.TEXT, 2)));
        values.add(c.in("values", () -> c.chance(0.5) ? QueryGen.scalarCount(c) : QueryGen.scalar(c, Type.INT)));
        Sql stmt = Sql.of("INSERT INTO fz_scratch (id, a, b, n) VALUES (", Sql.list(", ", values), ")");
        returning(c, stmt, "insert", FuzzSchema.SCRATCH);
        return new Dml("dml.insert-values", stmt, List.of(READ_SCRATCH), c.chance(0.3));
    }

    static Dml updateScratch(GenContext c) {
        Scope saved = c.push(true);
        try {
            c.scope.relations.add(new Relation("fz_scratch", GenContext.columnsOf(FuzzSchema.SCRATCH)));
            Sql a = c.in("set", () -> c.chance(0.6) ? QueryGen.scalar(c, Type.TEXT)
                    : ExpressionGen.expr(c, Type.TEXT, 2));
            Sql stmt = Sql.of("UPDATE fz_scratch SET a = ", a);
            if (c.chance(0.4)) {
                stmt.add(Sql.opt(", n = ", c.in("set", () -> ExpressionGen.expr(c, Type.INT, 2))));
            }
            if (c.chance(0.6)) {
                stmt.add(Sql.opt(" WHERE ", c.in("where", () -> PredicateGen.pred(c))));
            }
            returning(c, stmt, "update", FuzzSchema.SCRATCH);
            return new Dml("dml.update-scratch", stmt, List.of(READ_SCRATCH), false);
        } finally {
            c.pop(saved);
        }
    }

    /** UPDATE … FROM (PostgreSQL) or UPDATE … JOIN (MariaDB); null where the engine has neither. */
    static Dml updateJoin(GenContext c) {
        if (c.dialect.updateJoin("t", "s", "x", "on", "a", "e") == null) {
            return null;
        }
        c.feature("join");
        Scope saved = c.push(true);
        try {
            c.scope.relations.add(new Relation("fz_scratch", GenContext.columnsOf(FuzzSchema.SCRATCH)));
            Table source = c.chance(0.7) ? FuzzSchema.CUSTOMERS : FuzzSchema.ORDERS;
            String alias = c.alias("s");
            c.scope.relations.add(new Relation(alias, GenContext.columnsOf(source)));
            String on = "fz_scratch.n = " + alias + ".id";
            Sql expr = c.in("set", () -> ExpressionGen.expr(c, Type.TEXT, 2));
            Sql stmt = Sql.template(c.dialect.updateJoin("fz_scratch", source.name(), alias, on, "a", Sql.arg(0)),
                    expr);
            return new Dml("dml.update-join", stmt, List.of(READ_SCRATCH), false);
        } finally {
            c.pop(saved);
        }
    }

    /** UPDATE of the customers' non-sensitive columns from anything (may break the CHECK on score). */
    static Dml updateTable(GenContext c) {
        Scope saved = c.push(true);
        try {
            c.scope.relations.add(new Relation("fz_customers", GenContext.columnsOf(FuzzSchema.CUSTOMERS)));
            List<Sql> sets = new ArrayList<>();
            sets.add(Sql.opt("tier = ", c.in("set", () -> ExpressionGen.expr(c, Type.TEXT, 2))));
            if (c.chance(0.5)) {
                sets.add(Sql.opt("score = ", c.in("set", () -> ExpressionGen.expr(c, Type.INT, 2))));
            }
            Sql stmt = Sql.of("UPDATE fz_customers SET ", Sql.list(", ", sets));
            if (c.chance(0.7)) {
                stmt.add(Sql.opt(" WHERE ", c.in("where", () -> PredicateGen.pred(c))));
            }
            returning(c, stmt, "update", FuzzSchema.CUSTOMERS);
            return new Dml("dml.update-table", stmt, List.of(READ_CUSTOMERS), false);
        } finally {
            c.pop(saved);
        }
    }

    /** Copies rows into the same table with new ids: unique keys on e-mail and card number collide. */
    static Dml insertCopies(GenContext c) {
        boolean customers = c.chance(0.6);
        Table t = customers ? FuzzSchema.CUSTOMERS : FuzzSchema.ORDERS;
        List<String> columns = new ArrayList<>();
        for (FuzzSchema.Column col : t.columns()) {
            if (col.name().equals("id") || col.name().equals("full_name") || c.chance(0.5)) {
                columns.add(col.name());
            }
        }
        Scope saved = c.push(true);
        try {
            c.scope.relations.add(new Relation("s", GenContext.columnsOf(t)));
            List<String> select = new ArrayList<>();
            for (String col : columns) {
                select.add(col.equals("id") ? "s.id + 1000" : "s." + col);
                c.touch(t.column(col).sensitive());
            }
            Sql stmt = Sql.of("INSERT INTO " + t.name() + " (" + String.join(", ", columns) + ") SELECT "
                    + String.join(", ", select) + " FROM " + t.name() + " s");
            if (c.chance(0.6)) {
                stmt.add(Sql.opt(" WHERE ", c.in("where", () -> PredicateGen.pred(c, 1))));
            }
            return new Dml("dml.insert-copies", stmt, List.of(customers ? READ_CUSTOMERS : READ_ORDERS),
                    c.chance(0.3));
        } finally {
            c.pop(saved);
        }
    }

    static Dml delete(GenContext c) {
        double r = c.random.nextDouble();
        Table t = r < 0.45 ? FuzzSchema.ORDERS : r < 0.8 ? FuzzSchema.CUSTOMERS : FuzzSchema.SCRATCH;
        String read = t == FuzzSchema.ORDERS ? READ_ORDERS : t == FuzzSchema.CUSTOMERS ? READ_CUSTOMERS : READ_SCRATCH;
        Scope saved = c.push(true);
        try {
            c.scope.relations.add(new Relation(t.name(), GenContext.columnsOf(t)));
            Sql stmt = Sql.of("DELETE FROM " + t.name(), Sql.opt(" WHERE ", c.in("where", () -> PredicateGen.pred(c))));
            if (c.dialect.deltaTables() && c.chance(0.4)) {
                return new Dml("dml.delete", delta(c, "OLD", stmt, t), List.of(read), false);
            }
            returning(c, stmt, "delete", t);
            return new Dml("dml.delete", stmt, List.of(read), false);
        } finally {
            c.pop(saved);
        }
    }

    /** Adds RETURNING over the target's columns (half of the time, where the engine has it). */
    private static void returning(GenContext c, Sql stmt, String kind, Table target) {
        if (!c.dialect.returning(kind) || !c.chance(0.5)) {
            return;
        }
        c.feature("returning");
        Scope saved = c.push(true);
        try {
            c.scope.relations.add(new Relation(null, GenContext.columnsOf(target)));
            List<Sql> items = new ArrayList<>();
            int n = c.between(1, 3);
            for (int i = 0; i < n; i++) {
                Type t = c.anyType();
                items.add(Sql.opt(c.in("returning", () -> c.chance(0.6) ? ExpressionGen.leaf(c, t)
                        : ExpressionGen.expr(c, t, 1)), " AS r" + (i + 1)));
            }
            stmt.add(Sql.opt(" RETURNING ", Sql.list(", ", items)));
        } finally {
            c.pop(saved);
        }
    }

    /** H2: {@code SELECT … FROM FINAL|OLD TABLE (write)}, the delta-table form of RETURNING. */
    private static Sql delta(GenContext c, String which, Sql write, Table target) {
        c.feature("returning");
        Scope saved = c.push(true);
        try {
            c.scope.relations.add(new Relation(null, GenContext.columnsOf(target)));
            List<Sql> items = new ArrayList<>();
            int n = c.between(1, 3);
            for (int i = 0; i < n; i++) {
                Type t = c.anyType();
                items.add(c.in("returning", () -> ExpressionGen.expr(c, t, 1)));
            }
            return Sql.of("SELECT ", Sql.list(", ", items), " FROM " + which + " TABLE (", write, ")");
        } finally {
            c.pop(saved);
        }
    }
}
