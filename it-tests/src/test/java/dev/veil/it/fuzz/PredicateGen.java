package dev.veil.it.fuzz;

import dev.veil.it.fuzz.FuzzSchema.Type;
import java.util.List;

/**
 * Boolean conditions for WHERE, ON, HAVING, CASE and CHECK: comparisons, LIKE, IN lists and subqueries, EXISTS,
 * BETWEEN, IS NULL, regular expressions, NOT, AND and OR.
 */
final class PredicateGen {

    private PredicateGen() {
    }

    private static final List<String> OPS = List.of("=", "<>", "<", ">", "<=", ">=");

    static Sql pred(GenContext c) {
        return pred(c, 2);
    }

    static Sql pred(GenContext c, int budget) {
        int choice = c.random.nextInt(budget > 0 ? 12 : 8);
        switch (choice) {
            case 0:
            case 1: {
                Type t = c.anyType();
                Sql left = ExpressionGen.expr(c, t, 2);
                Sql right = c.chance(0.6) ? Literals.of(c, t) : ExpressionGen.expr(c, t, 1);
                return Sql.of(left, " " + c.pick(OPS) + " ", right);
            }
            case 2:
                c.feature("like");
                return Sql.of(ExpressionGen.expr(c, Type.TEXT, 1), c.chance(0.2) ? " NOT LIKE " : " LIKE ",
                        c.pick(Literals.LIKE_PATTERNS));
            case 3: {
                Type t = c.anyType();
                return Sql.of(ExpressionGen.expr(c, t, 1), " IN (", Literals.of(c, t), ", ", Literals.of(c, t), ")");
            }
            case 4: {
                Type t = c.chance(0.5) ? Type.INT : Type.DATE;
                return Sql.of(ExpressionGen.expr(c, t, 1), " BETWEEN ", Literals.of(c, t), " AND ",
                        Literals.of(c, t));
            }
            case 5:
                return Sql.of(ExpressionGen.expr(c, c.anyType(), 1), c.chance(0.5) ? " IS NULL" : " IS NOT NULL");
            case 6: {
                c.feature("fn:regexp");
                return Sql.of(c.dialect.regexpLike(ExpressionGen.expr(c, Type.TEXT, 1).render(),
                        c.pick(Literals.REGEXPS)));
            }
            case 7:
                return Sql.of("NOT (", pred(c, budget - 1), ")");
            case 8:
            case 9: {
                Sql a = pred(c, budget - 1);
                Sql b = pred(c, budget - 1);
                Sql node = Sql.of("(", a, c.chance(0.6) ? " AND " : " OR ", b, ")");
                return node.hoist(a);
            }
            case 10:
                return c.depth < 2 ? subqueryPredicate(c) : Sql.of("1 = 1");
            default: {
                if (c.depth >= 2) {
                    return Sql.of("1 = 1");
                }
                Type t = c.anyType();
                return Sql.of(ExpressionGen.expr(c, t, 1), " " + c.pick(OPS) + " ", QueryGen.scalar(c, t));
            }
        }
    }

    /** IN, NOT IN, EXISTS and = ANY with a subquery (often correlated). */
    static Sql subqueryPredicate(GenContext c) {
        c.feature("subquery:" + c.clause);
        switch (c.random.nextInt(3)) {
            case 0: {
                Type t = c.anyType();
                Sql left = ExpressionGen.expr(c, t, 1);
                QueryGen.Query q = QueryGen.select(c, List.of(t), QueryGen.Position.IN_LIST);
                return Sql.of(left, c.chance(0.2) ? " NOT IN (" : " IN (", q.sql(), ")");
            }
            case 1: {
                QueryGen.Query q = QueryGen.select(c, List.of(Type.INT), QueryGen.Position.EXISTS);
                return Sql.of(c.chance(0.2) ? "NOT EXISTS (" : "EXISTS (", q.sql(), ")");
            }
            default: {
                Type t = c.anyType();
                Sql left = ExpressionGen.expr(c, t, 1);
                QueryGen.Query q = QueryGen.select(c, List.of(t), QueryGen.Position.IN_LIST);
                return Sql.of(left, " = ANY (", q.sql(), ")");
            }
        }
    }
}
