package dev.veil.it.fuzz;

import dev.veil.it.fuzz.FuzzSchema.Type;
import dev.veil.it.fuzz.GenContext.Relation;
import dev.veil.it.fuzz.GenContext.Scope;
import dev.veil.it.support.TestDatabase.Engine;
import java.util.List;

/**
 * Writes beyond plain INSERT/UPDATE/DELETE: upserts whose conflict branch copies the incoming row (ON CONFLICT,
 * ON DUPLICATE KEY), MERGE, data-modifying CTEs (PostgreSQL), CREATE … SELECT without AS (MariaDB), and EXPLAIN.
 */
final class WriteVariantsGen {

    private WriteVariantsGen() {
    }

    static DmlGen.Dml upsert(GenContext c) {
        String template = c.dialect.upsert();
        if (template == null) {
            return null;
        }
        FuzzDialect d = c.dialect;
        String column = c.pick(List.of("email", "ssn", "full_name"));
        String source = c.chance(0.6) ? d.incoming(column) : "fz_customers." + column;
        String a = Sql.arg(0);
        String wrap = c.pick(List.of(a, "UPPER(" + a + ")", d.concat(a, "'!'"), d.hex(a), d.substr(a, "1", "6")));
        c.touch(true);
        c.feature("upsert");
        Sql expr = Sql.template(wrap, Sql.of(source));
        return new DmlGen.Dml("dml.upsert", Sql.template(template, expr),
                List.of("SELECT id, tier, city, score FROM fz_customers"), false);
    }

    static DmlGen.Dml merge(GenContext c) {
        if (c.dialect.merge("s", "x", "on", "e", "f") == null) {
            return null;
        }
        c.feature("merge");
        Scope saved = c.push(true);
        try {
            c.scope.relations.add(new Relation("fz_scratch", GenContext.columnsOf(FuzzSchema.SCRATCH)));
            FuzzSchema.Table source = c.chance(0.7) ? FuzzSchema.CUSTOMERS : FuzzSchema.ORDERS;
            String alias = c.alias("m");
            c.scope.relations.add(new Relation(alias, GenContext.columnsOf(source)));
            Sql set = c.in("set", () -> ExpressionGen.expr(c, Type.TEXT, 2));
            c.scope.relations.remove(0); // the INSERT branch sees only the source
            Sql insert = c.in("values", () -> ExpressionGen.expr(c, Type.TEXT, 2));
            String on = "fz_scratch.n = " + alias + ".id";
            return new DmlGen.Dml("dml.merge", Sql.template(c.dialect.merge(source.name(), alias, on, Sql.arg(0),
                    Sql.arg(1)), set, insert), List.of("SELECT id, a, b, n FROM fz_scratch"), false);
        } finally {
            c.pop(saved);
        }
    }

    /** PostgreSQL: {@code WITH w AS (INSERT|UPDATE … RETURNING …) SELECT … FROM w}. */
    static DmlGen.Dml modifyingCte(GenContext c) {
        if (!c.is(Engine.POSTGRESQL)) {
            return null;
        }
        c.feature("cte");
        c.feature("returning");
        Sql write;
        if (c.chance(0.5)) {
            QueryGen.Query q = QueryGen.select(c, DmlGen.SCRATCH_SHAPE, QueryGen.Position.TOP);
            write = Sql.of("INSERT INTO fz_scratch (id, a, b, n) ", q.sql(), " RETURNING id, a, b, n");
        } else {
            Scope saved = c.push(true);
            try {
                c.scope.relations.add(new Relation("fz_scratch", GenContext.columnsOf(FuzzSchema.SCRATCH)));
                Sql a = c.in("set", () -> QueryGen.scalar(c, Type.TEXT));
                write = Sql.of("UPDATE fz_scratch SET a = ", a, " RETURNING id, a, b, n");
            } finally {
                c.pop(saved);
            }
        }
        String outer = c.pick(List.of("SELECT * FROM w", "SELECT a, UPPER(a) AS u FROM w",
                "SELECT COUNT(*), MAX(a) FROM w"));
        return new DmlGen.Dml("dml.modifying-cte", Sql.of("WITH w AS (", write, ") " + outer),
                List.of("SELECT id, a, b, n FROM fz_scratch"), false);
    }

    /** MariaDB: {@code CREATE TABLE fz_d1 SELECT …} (no AS). */
    static DdlGen.Ddl createSelect(GenContext c) {
        String template = c.dialect.selectInto(Sql.arg(0));
        if (template == null) {
            return null;
        }
        QueryGen.Query q = QueryGen.select(c, null, QueryGen.Position.DERIVED);
        return new DdlGen.Ddl("ddl.create-select", Sql.template(template, q.sql()), List.of("SELECT * FROM fz_d1"),
                false);
    }

    /** EXPLAIN of a query: plans show constants and expressions, never values; searched like any result. */
    static QueryGen.Query explain(GenContext c) {
        c.feature("explain");
        QueryGen.Query q = QueryGen.select(c, null, QueryGen.Position.TOP);
        String prefix = c.is(Engine.POSTGRESQL) ? "EXPLAIN (COSTS OFF) " : "EXPLAIN ";
        return new QueryGen.Query(Sql.of(prefix, q.sql()), q.outputs(), false);
    }
}
