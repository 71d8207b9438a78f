package dev.veil.it.fuzz;

import dev.veil.it.fuzz.FuzzSchema.Type;
import dev.veil.it.fuzz.GenContext.Relation;
import dev.veil.it.fuzz.GenContext.RelColumn;
import dev.veil.it.fuzz.GenContext.Scope;
import java.util.ArrayList;
import java.util.List;

/** WITH: one or two CTEs (the second may read the first), and recursive CTEs that transform a text step by step. */
final class CteGen {

    private CteGen() {
    }

    static QueryGen.Query query(GenContext c) {
        c.feature("cte");
        List<Sql> definitions = new ArrayList<>();
        int n = c.between(1, 2);
        for (int i = 0; i < n; i++) {
            String name = c.alias("q");
            QueryGen.Query body = c.chance(0.2) ? SetOpGen.query(c, QueryGen.Position.DERIVED)
                    : QueryGen.select(c, null, QueryGen.Position.DERIVED);
            definitions.add(Sql.of(name + " AS (", body.sql(), ")").optional());
            c.ctes.add(new Relation(name, body.outputs()));
        }
        QueryGen.Query main = QueryGen.select(c, null, QueryGen.Position.TOP);
        c.ctes.clear();
        return new QueryGen.Query(Sql.of("WITH ", Sql.list(", ", definitions), " ", main.sql()), main.outputs(),
                main.fullyOrdered());
    }

    static QueryGen.Query recursive(GenContext c) {
        c.feature("cte:recursive");
        String name = c.alias("r");
        FuzzDialect d = c.dialect;
        // anchor: one text per row of a base table
        Scope saved = c.push(true);
        Sql anchorFrom;
        GenContext.Tracked anchor;
        Sql anchorWhere;
        try {
            anchorFrom = Sql.of(" FROM ", QueryGen.fromItem(c));
            anchor = c.track(() -> ExpressionGen.expr(c, Type.TEXT, 2));
            anchorWhere = c.chance(0.5) ? Sql.opt(" WHERE ", c.in("where", () -> PredicateGen.pred(c, 1))) : Sql.of();
        } finally {
            c.pop(saved);
        }
        // recursive term: transforms the text of the previous step
        saved = c.push(true);
        Sql step;
        Sql stepWhere;
        try {
            c.scope.relations.add(new Relation(name, List.of(new RelColumn("n", Type.INT, false),
                    new RelColumn("s", Type.TEXT, anchor.sensitive()))));
            String s = name + ".s";
            String a = Sql.arg(0);
            step = switch (c.random.nextInt(5)) {
                case 0 -> Sql.of(d.substr(s, "2", "400"));
                case 1 -> Sql.of(d.concat(s, "'+'"));
                case 2 -> Sql.of("UPPER(" + s + ")");
                case 3 -> d.reverse(s) != null ? Sql.of(d.reverse(s)) : Sql.of(s);
                default -> ExpressionGen.call(d.concat(s, a), ExpressionGen.expr(c, Type.TEXT, 1));
            };
            stepWhere = c.chance(0.3) ? Sql.opt(" AND ", c.in("where", () -> PredicateGen.pred(c, 1))) : Sql.of();
        } finally {
            c.pop(saved);
        }
        Sql definition = Sql.of(name + " (n, s) AS (SELECT 1, ", Sql.template(d.recursiveText(Sql.arg(0)),
                anchor.sql()), anchorFrom, anchorWhere, " UNION ALL SELECT " + name + ".n + 1, ",
                Sql.template(d.recursiveText(Sql.arg(0)), step), " FROM " + name + " WHERE " + name + ".n < 3",
                stepWhere, ")");
        c.ctes.add(new Relation(name, List.of(new RelColumn("n", Type.INT, false),
                new RelColumn("s", Type.TEXT, anchor.sensitive()))));
        QueryGen.Query main = QueryGen.select(c, null, QueryGen.Position.TOP);
        c.ctes.clear();
        return new QueryGen.Query(Sql.of("WITH RECURSIVE ", definition, " ", main.sql()), main.outputs(),
                main.fullyOrdered());
    }
}
