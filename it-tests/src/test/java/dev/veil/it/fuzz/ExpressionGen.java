package dev.veil.it.fuzz;

import dev.veil.it.fuzz.FuzzSchema.Type;
import java.util.List;

/**
 * Scalar expressions of a wanted type: column references, literals, arithmetic, string functions, encodings
 * (hex, base64, digests), casts, CASE and COALESCE, JSON and array functions, scalar subqueries.
 */
final class ExpressionGen {

    private ExpressionGen() {
    }

    static Sql expr(GenContext c, Type t) {
        return expr(c, t, 2);
    }

    static Sql expr(GenContext c, Type t, int budget) {
        if (budget <= 0 || c.chance(0.4)) {
            return leaf(c, t);
        }
        for (int attempt = 0; attempt < 6; attempt++) {
            Sql s = switch (t) {
                case TEXT -> text(c, budget - 1);
                case INT -> integer(c, budget - 1);
                case NUM -> number(c, budget - 1);
                case DATE -> date(c, budget - 1);
            };
            if (s != null) {
                return s;
            }
        }
        return leaf(c, t);
    }

    static Sql leaf(GenContext c, Type t) {
        if (c.chance(0.85)) {
            String ref = c.columnRef(t);
            if (ref != null) {
                return Sql.of(ref);
            }
        }
        return Literals.of(c, t);
    }

    /** {@code template} (with {@link Sql#arg} placeholders) around {@code args}, hoistable to the first. */
    static Sql call(String template, Sql... args) {
        if (template == null) {
            return null;
        }
        Sql s = Sql.template(template, args);
        return args.length > 0 ? s.hoist(args[0]) : s;
    }

    private static final String A = Sql.arg(0);
    private static final String B = Sql.arg(1);

    private static Sql text(GenContext c, int b) {
        FuzzDialect d = c.dialect;
        switch (c.random.nextInt(23)) {
            case 0:
                c.feature("fn:string");
                return call(d.concat(A, B), expr(c, Type.TEXT, b), expr(c, c.anyType(), b));
            case 1:
                c.feature("fn:string");
                return call((c.chance(0.5) ? "UPPER(" : "LOWER(") + A + ")", expr(c, Type.TEXT, b));
            case 2:
                c.feature("fn:string");
                return call(d.substr(A, String.valueOf(c.between(1, 6)), String.valueOf(c.between(1, 8))),
                        expr(c, Type.TEXT, b));
            case 3:
                c.feature("fn:string");
                return call(d.reverse(A), expr(c, Type.TEXT, b));
            case 4:
                c.feature("fn:string");
                return call("REPLACE(" + A + ", " + c.pick(List.of("'a'", "'@'", "' '")) + ", '*')",
                        expr(c, Type.TEXT, b));
            case 5:
                c.feature("fn:string");
                return call(c.chance(0.5) ? "TRIM(" + A + ")" : "LPAD(" + A + ", 24, '*')", expr(c, Type.TEXT, b));
            case 6:
                c.feature("fn:encode");
                return call(d.hex(A), expr(c, Type.TEXT, b));
            case 7:
                c.feature("fn:encode");
                return call(d.base64(A), expr(c, Type.TEXT, b));
            case 8:
                c.feature("fn:hash");
                return call(c.chance(0.5) ? d.md5(A) : d.sha256(A), expr(c, Type.TEXT, b));
            case 9: {
                c.feature("cast");
                Type from = c.pick(List.of(Type.INT, Type.NUM, Type.DATE));
                return call(d.castText(A), expr(c, from, b));
            }
            case 10:
                c.feature("fn:string");
                return c.chance(0.5)
                        ? call(d.chr(d.ascii(A)), expr(c, Type.TEXT, b))
                        : call(d.chr("65 + MOD(ABS(" + A + "), 26)"), expr(c, Type.INT, b));
            case 11:
                return caseWhen(c, Type.TEXT, b);
            case 12:
                return call("COALESCE(" + A + ", " + B + ")", expr(c, Type.TEXT, b), expr(c, Type.TEXT, b));
            case 13:
                return c.depth < 2 ? QueryGen.scalar(c, Type.TEXT) : null;
            case 14:
                c.feature("fn:json");
                return call(d.jsonObject("'k'", A), expr(c, c.anyType(), b));
            case 15: {
                c.feature("fn:json");
                String template = d.jsonField(A, "pin");
                if (template == null) {
                    return null;
                }
                String profile = profileRef(c);
                Sql source = profile != null && c.chance(0.7) ? Sql.of(profile)
                        : call(d.jsonObject("'pin'", A), expr(c, Type.TEXT, b));
                return source == null ? null : Sql.template(template, source);
            }
            case 16:
                c.feature("fn:array");
                return call(d.arrayElement(A, B, c.between(1, 2)), expr(c, Type.TEXT, b), expr(c, Type.TEXT, b));
            case 17:
                c.feature("fn:array");
                return call(d.arrayText(A, B), expr(c, Type.TEXT, b), expr(c, Type.TEXT, b));
            case 19:
            case 20:
                c.feature("fn:string");
                return call(c.pick(d.moreTextFunctions()), expr(c, Type.TEXT, b));
            case 21:
                return wholeRow(c);
            default:
                c.feature("cast");
                return call(d.castText(A), expr(c, Type.TEXT, b));
        }
    }

    /** A whole row of a relation in scope as text (PostgreSQL's row_to_json), or null. */
    private static Sql wholeRow(GenContext c) {
        List<GenContext.Relation> named = c.scope.relations.stream().filter(r -> r.alias() != null).toList();
        if (named.isEmpty() || c.dialect.wholeRowText("x") == null) {
            return null;
        }
        GenContext.Relation r = c.pick(named);
        boolean sensitive = r.columns().stream().anyMatch(GenContext.RelColumn::sensitive);
        if (sensitive && c.avoidSensitive) {
            return null;
        }
        c.feature("whole-row");
        c.touch(sensitive);
        return Sql.of(c.dialect.wholeRowText(r.alias()));
    }

    /** A reference to a JSON-holding column in scope (fz_customers.profile), or null. */
    private static String profileRef(GenContext c) {
        for (GenContext.Relation r : c.scope.relations) {
            for (GenContext.RelColumn col : r.columns()) {
                if (col.name().equals("profile") && !c.avoidSensitive) {
                    c.touch(true);
                    return r.ref(col);
                }
            }
        }
        return null;
    }

    private static Sql integer(GenContext c, int b) {
        FuzzDialect d = c.dialect;
        switch (c.random.nextInt(15)) {
            case 0:
                c.feature("arith");
                return call("(" + A + " + " + B + ")", expr(c, Type.INT, b), expr(c, Type.INT, b));
            case 1:
                c.feature("arith");
                return call("(" + A + " - " + Literals.smallInt(c) + ")", expr(c, Type.INT, b));
            case 2:
                c.feature("arith");
                return call("(" + A + " * " + c.between(2, 3) + ")", expr(c, Type.INT, b));
            case 3:
                c.feature("fn:string");
                return call(d.charLength(A), expr(c, Type.TEXT, b));
            case 4:
                c.feature("fn:string");
                return call(d.ascii(A), expr(c, Type.TEXT, b));
            case 5:
                c.feature("fn:string");
                return call(d.position(c.pick(List.of("'a'", "'@'", "'o'", "'-'")), A), expr(c, Type.TEXT, b));
            case 6:
                c.feature("cast");
                return call(d.castInt(A), expr(c, Type.NUM, b));
            case 7:
                c.feature("cast");
                c.feature("cast:text-to-int");
                return call(d.castInt(A), expr(c, Type.TEXT, b));
            case 8:
                c.feature("fn:date");
                return call(d.castInt("EXTRACT(" + c.pick(List.of("YEAR", "MONTH", "DAY")) + " FROM " + A + ")"),
                        expr(c, Type.DATE, b));
            case 9:
                return caseWhen(c, Type.INT, b);
            case 10:
                return call("COALESCE(" + A + ", " + B + ")", expr(c, Type.INT, b), expr(c, Type.INT, b));
            case 11:
                return call("ABS(" + A + ")", expr(c, Type.INT, b));
            case 12:
                c.feature("arith");
                return call("MOD(" + A + ", 7)", expr(c, Type.INT, b));
            case 13:
                return c.depth < 2 ? QueryGen.scalar(c, Type.INT) : null;
            default:
                return c.depth < 2 ? QueryGen.scalarCount(c) : null;
        }
    }

    private static Sql number(GenContext c, int b) {
        switch (c.random.nextInt(6)) {
            case 0:
                c.feature("arith");
                return call("(" + A + " + " + B + ")", expr(c, Type.NUM, b), expr(c, Type.NUM, b));
            case 1:
                return call("ROUND(" + A + ", 1)", expr(c, Type.NUM, b));
            case 2:
                c.feature("cast");
                return call(c.dialect.castDecimal(A), expr(c, Type.INT, b));
            case 3:
                return caseWhen(c, Type.NUM, b);
            case 4:
                return call("COALESCE(" + A + ", " + B + ")", expr(c, Type.NUM, b), expr(c, Type.NUM, b));
            default:
                return c.depth < 2 ? QueryGen.scalar(c, Type.NUM) : null;
        }
    }

    private static Sql date(GenContext c, int b) {
        switch (c.random.nextInt(4)) {
            case 0:
                return caseWhen(c, Type.DATE, b);
            case 1:
                return call("COALESCE(" + A + ", " + B + ")", expr(c, Type.DATE, b), expr(c, Type.DATE, b));
            case 2:
                c.feature("cast");
                return Sql.of(c.dialect.castDate("'2022-02-0" + c.between(1, 9) + "'"));
            default:
                return c.depth < 2 ? QueryGen.scalar(c, Type.DATE) : null;
        }
    }

    private static Sql caseWhen(GenContext c, Type t, int b) {
        c.feature("case");
        Sql cond = PredicateGen.pred(c, 1);
        Sql then = expr(c, t, b);
        Sql otherwise = expr(c, t, b);
        return Sql.of("CASE WHEN ", cond, " THEN ", then, " ELSE ", otherwise, " END").hoist(then);
    }
}
