package dev.veil.it.fuzz;

import dev.veil.it.fuzz.FuzzSchema.Type;
import java.util.List;

/** Window functions in the select list: ranking, running aggregates, FIRST_VALUE, LAG and LEAD over a window. */
final class WindowGen {

    private WindowGen() {
    }

    /** A window function of type {@code t}, or null. */
    static Sql item(GenContext c, Type t) {
        c.feature("window");
        String a = Sql.arg(0);
        Sql function;
        boolean needsOrder;
        if (t == Type.INT && c.chance(0.5)) {
            switch (c.random.nextInt(4)) {
                case 0 -> {
                    function = Sql.of(c.pick(List.of("ROW_NUMBER()", "RANK()", "DENSE_RANK()")));
                    if (function.render().startsWith("ROW")) {
                        c.feature("order-dependent"); // ties are numbered in any order
                    }
                }
                case 1 -> function = Sql.of("COUNT(*)");
                case 2 -> function = ExpressionGen.call("SUM(" + a + ")", ExpressionGen.expr(c, Type.INT, 1));
                default -> function = ExpressionGen.call("MAX(" + a + ")", ExpressionGen.expr(c, Type.INT, 1));
            }
            needsOrder = function.render().endsWith("()") && !function.render().startsWith("COUNT");
        } else {
            Sql arg = ExpressionGen.expr(c, t, 1);
            String name = c.pick(List.of("MAX", "MIN", "FIRST_VALUE", "LAG", "LEAD"));
            function = ExpressionGen.call(name + "(" + a + ")", arg);
            needsOrder = !name.equals("MAX") && !name.equals("MIN");
            if (needsOrder) {
                c.feature("order-dependent"); // ties in the window order make the value any of them
            }
        }
        Sql spec = Sql.of(" OVER (");
        boolean partition = c.chance(0.5);
        if (partition) {
            spec.add(Sql.opt("PARTITION BY ", c.in("window", () -> ExpressionGen.expr(c, c.anyType(), 1))));
        }
        if (needsOrder || c.chance(0.5)) {
            spec.add(Sql.of(partition ? " ORDER BY " : "ORDER BY ",
                    c.in("window", () -> ExpressionGen.expr(c, c.anyType(), 1)),
                    c.chance(0.3) ? " DESC" : ""));
        }
        spec.add(")");
        Sql window = Sql.of(function, spec);
        // SUM over integers is a wider integer (or a decimal) on some engines: cast the window's value, not the sum
        return function.render().startsWith("SUM(") ? Sql.template(c.dialect.castInt(Sql.arg(0)), window) : window;
    }
}
