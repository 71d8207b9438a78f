package dev.veil.it.fuzz;

import dev.veil.it.fuzz.FuzzSchema.Type;
import dev.veil.it.fuzz.GenContext.RelColumn;
import java.util.ArrayList;
import java.util.List;

/** UNION, UNION ALL, INTERSECT and EXCEPT of two or three SELECTs of one shape, with ORDER BY and LIMIT. */
final class SetOpGen {

    private SetOpGen() {
    }

    static QueryGen.Query query(GenContext c, QueryGen.Position pos) {
        List<Type> shape = QueryGen.randomTypes(c);
        return query(c, pos, shape.size() > 3 ? shape.subList(0, 3) : shape);
    }

    static QueryGen.Query query(GenContext c, QueryGen.Position pos, List<Type> shape) {
        c.feature("setop");
        int branches = c.chance(0.25) ? 3 : 2;
        Sql out = Sql.of();
        List<RelColumn> outputs = null;
        for (int i = 0; i < branches; i++) {
            QueryGen.Query q = QueryGen.select(c, shape, QueryGen.Position.BRANCH);
            if (i > 0) {
                String op = c.pick(List.of("UNION", "UNION ALL", "INTERSECT", "EXCEPT"));
                c.feature("setop:" + op.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
                out.add(" " + op + " ");
            }
            out.add(Sql.of("(", q.sql(), ")"));
            outputs = merge(outputs, q.outputs());
        }
        boolean fullyOrdered = false;
        if (pos == QueryGen.Position.TOP || pos == QueryGen.Position.DERIVED) {
            if (c.chance(0.3)) {
                out.add(QueryGen.orderAll(shape.size()));
                out.add(QueryGen.limit(c));
                fullyOrdered = true;
            } else if (c.chance(0.3)) {
                out.add(QueryGen.orderAll(shape.size()));
                fullyOrdered = true;
            }
        }
        return new QueryGen.Query(out, outputs, fullyOrdered);
    }

    /** Output columns keep the first branch's names; a column is sensitive if any branch's is. */
    private static List<RelColumn> merge(List<RelColumn> so, List<RelColumn> next) {
        if (so == null) {
            return next;
        }
        List<RelColumn> out = new ArrayList<>();
        for (int i = 0; i < so.size(); i++) {
            boolean sensitive = so.get(i).sensitive() || next.get(i).sensitive();
            out.add(new RelColumn(so.get(i).name(), so.get(i).type(), sensitive));
        }
        return out;
    }
}
