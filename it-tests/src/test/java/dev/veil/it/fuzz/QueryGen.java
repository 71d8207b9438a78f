package dev.veil.it.fuzz;

import dev.veil.it.fuzz.FuzzSchema.Type;
import dev.veil.it.fuzz.GenContext.Relation;
import dev.veil.it.fuzz.GenContext.RelColumn;
import dev.veil.it.fuzz.GenContext.Scope;
import dev.veil.it.support.TestDatabase.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * SELECT statements: FROM with joins (inner, outer, cross, lateral), derived tables and CTE references; select lists
 * with expressions, window functions, aggregates or {@code *}; WHERE, GROUP BY, HAVING, DISTINCT, ORDER BY and
 * LIMIT/OFFSET (literals or subqueries). Scalar subqueries for expressions live here too.
 */
final class QueryGen {

    private QueryGen() {
    }

    /** Where a query stands, which decides what it may contain. */
    enum Position {
        /** the statement itself (or the source of a write) */
        TOP,
        /** a derived table, CTE body, view or CTAS body: outputs need unique names, no outer references */
        DERIVED,
        /** a branch of a set operation */
        BRANCH,
        /** IN (…) or = ANY (…): one column; MariaDB allows no LIMIT here */
        IN_LIST,
        /** EXISTS (…) */
        EXISTS
    }

    /**
     * A generated query: its text, its output columns (name, type, whether derived from a sensitive column) and
     * whether its ORDER BY orders every output column (so row order is part of the result).
     */
    record Query(Sql sql, List<RelColumn> outputs, boolean fullyOrdered) {
    }

    static Query select(GenContext c, List<Type> shape, Position pos) {
        Scope saved = c.push(pos == Position.DERIVED || pos == Position.TOP || pos == Position.BRANCH);
        try {
            return selectHere(c, shape, pos);
        } finally {
            c.pop(saved);
        }
    }

    private static Query selectHere(GenContext c, List<Type> shape, Position pos) {
        Sql from = fromClause(c);
        boolean grouped = c.chance(0.22);
        boolean star = shape == null && !grouped && pos == Position.TOP && c.chance(0.07)
                && (!c.avoidSensitive || c.scope.relations.stream().noneMatch(r -> r.columns().stream()
                .anyMatch(RelColumn::sensitive)));
        boolean distinct = c.chance(0.12);
        Sql select = Sql.of("SELECT ");
        if (distinct) {
            c.feature("distinct");
            select.add("DISTINCT ");
        }
        List<RelColumn> outputs = new ArrayList<>();
        List<Sql> groupKeys = new ArrayList<>();
        List<Type> keyTypes = new ArrayList<>();
        if (grouped) {
            c.feature("group");
            int keys = c.between(1, 2);
            for (int i = 0; i < keys; i++) {
                Type t = c.anyType();
                keyTypes.add(t);
                groupKeys.add(c.in("group", () -> c.chance(0.8) ? ExpressionGen.leaf(c, t)
                        : ExpressionGen.expr(c, t, 1)));
            }
        }
        if (star) {
            c.feature("star");
            select.add("*");
            for (Relation r : c.scope.relations) {
                for (RelColumn col : r.columns()) {
                    c.touch(col.sensitive());
                    outputs.add(col);
                }
            }
        } else {
            List<Type> types = shape != null ? shape : randomTypes(c);
            List<Sql> items = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                Type t = types.get(i);
                GenContext.Tracked item = c.track(() -> grouped
                        ? groupedItem(c, t, groupKeys, keyTypes, shape == null && pos == Position.TOP)
                        : plainItem(c, t));
                String name = "c" + (i + 1);
                boolean alias = pos != Position.TOP || c.chance(0.75);
                Sql node = alias ? Sql.of(item.sql(), " AS " + name) : Sql.of(item.sql());
                items.add(shape == null && pos == Position.TOP ? node.optional() : node);
                outputs.add(new RelColumn(name, t, item.sensitive()));
            }
            select.add(Sql.list(", ", items));
        }
        Sql out = Sql.of(select, from);
        if (c.chance(0.55)) {
            out.add(Sql.opt(" WHERE ", c.in("where", () -> PredicateGen.pred(c))));
        }
        if (grouped) {
            out.add(" GROUP BY ");
            out.add(Sql.list(", ", groupKeys));
            if (c.chance(0.4)) {
                out.add(Sql.opt(" HAVING ", c.in("having", () -> having(c))));
            }
        }
        boolean fullyOrdered = false;
        double limitChance = switch (pos) {
            case TOP -> 0.3;
            case DERIVED, BRANCH -> 0.15;
            case IN_LIST -> c.is(Engine.MARIADB) ? 0 : 0.1;
            case EXISTS -> 0.05;
        };
        int n = outputs.size();
        if (c.chance(limitChance)) {
            out.add(orderAll(n));
            out.add(limit(c));
            fullyOrdered = true;
        } else if ((pos == Position.TOP || pos == Position.DERIVED) && c.chance(0.3)) {
            OrderBy order = orderBy(c, distinct || grouped || star, n);
            out.add(order.sql());
            fullyOrdered = order.full();
        }
        return new Query(out, outputs, fullyOrdered);
    }

    static List<Type> randomTypes(GenContext c) {
        List<Type> types = new ArrayList<>();
        int n = c.between(1, 4);
        for (int i = 0; i < n; i++) {
            types.add(c.anyType());
        }
        return types;
    }

    private static Sql plainItem(GenContext c, Type t) {
        if (c.chance(0.15)) {
            Sql w = WindowGen.item(c, t);
            if (w != null) {
                return w;
            }
        }
        return ExpressionGen.expr(c, t, 2);
    }

    private static Sql groupedItem(GenContext c, Type t, List<Sql> keys, List<Type> keyTypes, boolean anyShape) {
        for (int i = 0; i < keys.size(); i++) {
            if (keyTypes.get(i) == t && c.chance(0.45)) {
                return keys.get(i);
            }
        }
        c.feature("aggregate");
        FuzzDialect d = c.dialect;
        String a = Sql.arg(0);
        switch (t) {
            case INT:
                return switch (c.random.nextInt(4)) {
                    case 0 -> Sql.of("COUNT(*)");
                    case 1 -> ExpressionGen.call("COUNT(" + a + ")", ExpressionGen.expr(c, c.anyType(), 2));
                    case 2 -> ExpressionGen.call(d.castInt("SUM(" + a + ")"), ExpressionGen.expr(c, Type.INT, 2));
                    default -> ExpressionGen.call("MAX(" + a + ")", ExpressionGen.expr(c, Type.INT, 2));
                };
            case TEXT:
                switch (c.random.nextInt(5)) {
                    case 0:
                        c.feature("agg:string");
                        c.feature("order-dependent"); // elements come in any order
                        return ExpressionGen.call(d.stringAgg(a), ExpressionGen.expr(c, Type.TEXT, 2));
                    case 1:
                        c.feature("fn:json");
                        c.feature("order-dependent");
                        return ExpressionGen.call(d.jsonArrayAgg(a), ExpressionGen.expr(c, Type.TEXT, 2));
                    case 2:
                        if (anyShape && d.arrayAgg(a) != null) {
                            c.feature("fn:array");
                            c.feature("order-dependent");
                            return ExpressionGen.call(d.arrayAgg(a), ExpressionGen.expr(c, Type.TEXT, 2));
                        }
                        // fall through
                    default:
                        return ExpressionGen.call((c.chance(0.5) ? "MAX(" : "MIN(") + a + ")",
                                ExpressionGen.expr(c, Type.TEXT, 2));
                }
            default:
                return ExpressionGen.call((c.chance(0.5) ? "MAX(" : "MIN(") + a + ")", ExpressionGen.expr(c, t, 2));
        }
    }

    private static Sql having(GenContext c) {
        switch (c.random.nextInt(4)) {
            case 0:
                return Sql.of("COUNT(*) > " + c.between(0, 2));
            case 1: {
                Type t = c.anyType();
                return Sql.of("MAX(", ExpressionGen.expr(c, t, 1), ") " + c.pick(List.of("=", "<", ">", "<>")) + " ",
                        Literals.of(c, t));
            }
            case 2:
                return Sql.of("MIN(", ExpressionGen.expr(c, c.anyType(), 1), ") IS NOT NULL");
            default:
                return c.depth < 2 ? Sql.of("COUNT(*) <= ", scalarCount(c)) : Sql.of("COUNT(*) > 0");
        }
    }

    private record OrderBy(Sql sql, boolean full) {
    }

    static Sql orderAll(int n) {
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            positions.add(String.valueOf(i));
        }
        return Sql.of(" ORDER BY " + String.join(", ", positions));
    }

    private static OrderBy orderBy(GenContext c, boolean positionsOnly, int n) {
        c.feature("order");
        if (positionsOnly || c.chance(0.4)) {
            List<String> positions = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                if (c.chance(0.6)) {
                    positions.add(i + (c.chance(0.3) ? " DESC" : ""));
                }
            }
            if (positions.isEmpty()) {
                positions.add("1");
            }
            return new OrderBy(Sql.opt(" ORDER BY " + String.join(", ", positions)), positions.size() == n);
        }
        List<Sql> keys = new ArrayList<>();
        int count = c.between(1, 2);
        for (int i = 0; i < count; i++) {
            keys.add(Sql.of(c.in("order", () -> ExpressionGen.expr(c, c.anyType(), 2)), c.chance(0.3) ? " DESC" : ""));
        }
        return new OrderBy(Sql.opt(" ORDER BY ", Sql.list(", ", keys)), false);
    }

    /** LIMIT (and sometimes OFFSET): literals, or counting subqueries where the engine takes expressions. */
    static Sql limit(GenContext c) {
        c.feature("limit");
        Sql out = Sql.of(" LIMIT ", limitValue(c, 1, 5));
        if (c.chance(0.35)) {
            out.add(Sql.opt(" OFFSET ", limitValue(c, 0, 3)));
        }
        return out;
    }

    private static Sql limitValue(GenContext c, int from, int to) {
        if (c.dialect.limitExpressions() && c.depth < 2 && c.chance(0.4)) {
            c.feature("limit-expr");
            return c.in("limit", () -> scalarCountOpaque(c));
        }
        return Sql.of(String.valueOf(c.between(from, to)));
    }

    // ---- FROM --------------------------------------------------------------------------------------------------

    static Sql fromClause(GenContext c) {
        Sql out = Sql.of(" FROM ", fromItem(c));
        int joins = c.depth > 2 ? 0 : c.chance(0.5) ? 0 : c.chance(0.7) ? 1 : 2;
        for (int j = 0; j < joins; j++) {
            c.feature("join");
            List<String> kinds = new ArrayList<>(List.of("JOIN", "LEFT JOIN", "RIGHT JOIN", "CROSS JOIN"));
            if (c.dialect.fullJoin()) {
                kinds.add("FULL JOIN");
            }
            if (c.dialect.lateral() && c.depth < 3) {
                kinds.add("LATERAL");
            }
            String kind = c.pick(kinds);
            if (kind.equals("LATERAL")) {
                c.feature("lateral");
                String alias = c.alias("l");
                Scope saved = c.push(false);
                Query q;
                try {
                    q = selectHere(c, null, Position.DERIVED);
                } finally {
                    c.pop(saved);
                }
                c.scope.relations.add(new Relation(alias, q.outputs()));
                out.add(Sql.opt(" CROSS JOIN LATERAL (", q.sql(), ") AS " + alias));
                continue;
            }
            Sql item = fromItem(c);
            if (kind.equals("CROSS JOIN")) {
                out.add(Sql.opt(" CROSS JOIN ", item));
            } else {
                Sql on = c.in("on", () -> onCondition(c));
                out.add(Sql.opt(" " + kind + " ", item, " ON ", on));
            }
        }
        return out;
    }

    /** A base table, a derived table or a CTE; adds it to the scope. */
    static Sql fromItem(GenContext c) {
        if (!c.ctes.isEmpty() && c.chance(0.6)) {
            Relation cte = c.pick(c.ctes);
            String alias = c.alias("a");
            c.scope.relations.add(new Relation(alias, cte.columns()));
            return Sql.of(cte.alias() + " " + alias);
        }
        if (c.depth < 2 && c.chance(0.15)) {
            c.feature("subquery:from");
            String alias = c.alias("d");
            Query q = c.chance(0.2) ? SetOpGen.query(c, Position.DERIVED) : select(c, null, Position.DERIVED);
            c.scope.relations.add(new Relation(alias, q.outputs()));
            return Sql.of("(", q.sql(), ") AS " + alias);
        }
        double r = c.random.nextDouble();
        FuzzSchema.Table t = r < 0.4 ? FuzzSchema.CUSTOMERS : r < 0.7 ? FuzzSchema.ORDERS
                : r < 0.88 ? FuzzSchema.PRODUCTS : FuzzSchema.SCRATCH;
        String alias = c.alias("t");
        c.scope.relations.add(new Relation(alias, GenContext.columnsOf(t)));
        return Sql.of(t.name() + " " + alias);
    }

    private static Sql onCondition(GenContext c) {
        List<Relation> rels = c.scope.relations;
        Relation right = rels.get(rels.size() - 1);
        List<String> leftInts = new ArrayList<>();
        for (int i = 0; i < rels.size() - 1; i++) {
            for (RelColumn col : rels.get(i).columns()) {
                if (col.type() == Type.INT && (!col.sensitive() || !c.avoidSensitive && c.chance(0.2))) {
                    leftInts.add(rels.get(i).ref(col) + (col.sensitive() ? "\u0000" : ""));
                }
            }
        }
        List<RelColumn> rightInts = right.columns().stream().filter(col -> col.type() == Type.INT
                && (!col.sensitive() || !c.avoidSensitive)).toList();
        Sql eq;
        if (leftInts.isEmpty() || rightInts.isEmpty()) {
            eq = Sql.of("1 = 1");
        } else {
            String l = c.pick(leftInts);
            RelColumn rc = c.pick(rightInts);
            c.touch(l.endsWith("\u0000"));
            c.touch(rc.sensitive());
            eq = Sql.of(l.replace("\u0000", "") + " = " + right.ref(rc));
        }
        if (c.chance(0.3)) {
            return Sql.of(eq, Sql.opt(" AND ", PredicateGen.pred(c, 1)));
        }
        return eq;
    }

    // ---- scalar subqueries -------------------------------------------------------------------------------------

    /** A subquery returning one value of type {@code t} (possibly correlated). */
    static Sql scalar(GenContext c, Type t) {
        c.feature("subquery:" + c.clause);
        Scope saved = c.push(false);
        try {
            Sql from = Sql.of(" FROM ", fromItem(c));
            Sql where = c.chance(0.7) ? Sql.opt(" WHERE ", c.in("where", () -> PredicateGen.pred(c, 1))) : Sql.of();
            if (c.chance(0.6)) {
                return Sql.of("(SELECT MAX(", ExpressionGen.expr(c, t, 2), ")", from, where, ")");
            }
            return Sql.of("(SELECT ", ExpressionGen.expr(c, t, 2), from, where, " ORDER BY 1 LIMIT 1)");
        } finally {
            c.pop(saved);
        }
    }

    /** {@code (SELECT COUNT(*) FROM … WHERE …)}, possibly correlated. */
    static Sql scalarCount(GenContext c) {
        c.feature("subquery:" + c.clause);
        Scope saved = c.push(false);
        try {
            return countBody(c);
        } finally {
            c.pop(saved);
        }
    }

    /** A counting subquery that references nothing outside (LIMIT and OFFSET take no outer references). */
    static Sql scalarCountOpaque(GenContext c) {
        c.feature("subquery:" + c.clause);
        Scope saved = c.push(true);
        try {
            return countBody(c);
        } finally {
            c.pop(saved);
        }
    }

    private static Sql countBody(GenContext c) {
        Sql from = Sql.of(" FROM ", fromItem(c));
        return Sql.of("(SELECT COUNT(*)", from, Sql.opt(" WHERE ", c.in(c.clause.equals("select") ? "where"
                : c.clause, () -> PredicateGen.pred(c, 1))), ")");
    }
}
