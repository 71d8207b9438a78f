package dev.veil.it.fuzz;

import dev.veil.it.fuzz.FuzzSchema.Type;
import dev.veil.it.fuzz.GenContext.Relation;
import dev.veil.it.fuzz.GenContext.Scope;
import dev.veil.it.support.TestDatabase.Engine;
import java.util.List;

/**
 * Schema changes that store or expose values: CREATE TABLE AS, views, materialized views, generated columns,
 * renamed sensitive columns, CHECK constraints and expression indexes on the customers, a table whose default and
 * rows come from a copy. Each is followed by read-backs through Veil; the runner drops the scratch objects and, when
 * the fuzz schema itself was changed, re-creates it.
 */
final class DdlGen {

    private DdlGen() {
    }

    /** What a DDL generator produced; {@code restoreSchema} when it changes the fuzz tables themselves. */
    record Ddl(String family, Sql statement, List<String> readbacks, boolean restoreSchema) {
    }

    static Ddl createTableAs(GenContext c) {
        QueryGen.Query q = body(c);
        return new Ddl("ddl.create-table-as", Sql.of("CREATE TABLE fz_d1 AS ", q.sql()),
                List.of("SELECT * FROM fz_d1"), false);
    }

    static Ddl createView(GenContext c) {
        QueryGen.Query q = body(c);
        return new Ddl("ddl.create-view", Sql.of("CREATE VIEW fz_dv AS ", q.sql()),
                List.of("SELECT * FROM fz_dv"), false);
    }

    static Ddl materializedView(GenContext c) {
        if (c.dialect.materializedView("x") == null) {
            return null;
        }
        QueryGen.Query q = body(c);
        return new Ddl("ddl.materialized-view", Sql.template(c.dialect.materializedView(Sql.arg(0)), q.sql()),
                List.of("SELECT * FROM fz_dm"), false);
    }

    private static QueryGen.Query body(GenContext c) {
        return c.chance(0.2) ? SetOpGen.query(c, QueryGen.Position.DERIVED)
                : QueryGen.select(c, null, QueryGen.Position.DERIVED);
    }

    static Ddl generatedColumn(GenContext c) {
        Sql expr = onCustomers(c, () -> ExpressionGen.expr(c, Type.TEXT, 2));
        return new Ddl("ddl.generated-column", Sql.template(c.dialect.addGeneratedColumn("fz_customers", "fz_g",
                Sql.arg(0)), expr), List.of("SELECT id, fz_g FROM fz_customers"), true);
    }

    static Ddl renameColumn(GenContext c) {
        FuzzSchema.Column col = c.pick(FuzzSchema.sensitiveColumns(FuzzSchema.CUSTOMERS));
        c.touch(true);
        c.feature("sens@ddl");
        return new Ddl("ddl.rename-column", Sql.of("ALTER TABLE fz_customers RENAME COLUMN " + col.name()
                + " TO fz_rn"), List.of("SELECT id, fz_rn FROM fz_customers"), true);
    }

    static Ddl checkConstraint(GenContext c) {
        Sql pred = onCustomers(c, () -> PredicateGen.pred(c, 1));
        return new Ddl("ddl.check", Sql.of("ALTER TABLE fz_customers ADD CONSTRAINT fz_ck CHECK (", pred, ")"),
                List.of("UPDATE fz_customers SET tier = tier", "INSERT INTO fz_customers (id, full_name, score)"
                        + " VALUES (99, 'x', 1)"), true);
    }

    static Ddl index(GenContext c) {
        String template = c.dialect.expressionIndex(Sql.arg(0));
        if (template != null) {
            Sql expr = onCustomers(c, () -> ExpressionGen.expr(c, Type.TEXT, 2));
            return new Ddl("ddl.index", Sql.template(template, expr), List.of("UPDATE fz_customers SET tier = tier"),
                    true);
        }
        FuzzSchema.Column col = c.pick(FuzzSchema.CUSTOMERS.columns());
        c.touch(col.sensitive());
        String prefix = c.is(Engine.MARIADB) && col.type() == Type.TEXT ? "(" + c.between(1, 3) + ")" : "";
        return new Ddl("ddl.index", Sql.of("CREATE UNIQUE INDEX fz_di ON fz_customers (" + col.name() + prefix + ")"),
                List.of("UPDATE fz_customers SET tier = tier"), true);
    }

    static Ddl defaultAndCopy(GenContext c) {
        Sql value = onCustomers(c, () -> ExpressionGen.expr(c, Type.INT, 2));
        return new Ddl("ddl.default-copy", Sql.of("CREATE TABLE fz_d2 (k INT, v VARCHAR(400) DEFAULT 'none')"),
                List.of("INSERT INTO fz_d2 (k) SELECT " + value.render() + " FROM fz_customers",
                        "SELECT * FROM fz_d2"), false);
    }

    /** An expression over fz_customers' own columns, unqualified and without subqueries (as DDL requires). */
    private static Sql onCustomers(GenContext c, java.util.function.Supplier<Sql> body) {
        Scope saved = c.push(true);
        int depth = c.depth;
        try {
            c.depth = 5; // no subqueries
            c.scope.relations.add(new Relation(null, GenContext.columnsOf(FuzzSchema.CUSTOMERS)));
            return c.in("ddl", body);
        } finally {
            c.depth = depth;
            c.pop(saved);
        }
    }
}
