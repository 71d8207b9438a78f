package dev.veil.analyzer;

import java.util.List;
import java.util.Locale;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.RowConstructor;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/** The column label each vendor's JDBC driver reports for a select-list item without an alias. */
final class Labels {

    private Labels() { }

    /** Strips identifier quotes and undoubles them; unquoted names fold per dialect. */
    static String name(Dialect d, String raw) {
        if (raw == null) return null;
        if (raw.length() >= 2) {
            char q = raw.charAt(0);
            if ((q == '"' || q == '`') && raw.charAt(raw.length() - 1) == q) {
                return raw.substring(1, raw.length() - 1).replace("" + q + q, "" + q);
            }
            if (q == '[' && raw.charAt(raw.length() - 1) == ']') return raw.substring(1, raw.length() - 1);
        }
        return d.foldUnquoted(raw);
    }

    /** The label of an alias: PostgreSQL and H2 fold unquoted aliases, MariaDB keeps them as written. */
    static String alias(Dialect d, String rawAlias) {
        return name(d, rawAlias);
    }

    /**
     * @param text the expression exactly as written (MariaDB labels unaliased expressions with it)
     */
    static String of(Dialect d, Expression e, String text) {
        return switch (d) {
            case POSTGRESQL -> pg(e);
            case MARIADB -> mariadb(e, text);
            case H2 -> h2(e);
        };
    }

    private static String pg(Expression e) {
        String s = pgStrong(e);
        return s != null ? s : "?column?";
    }

    /** PostgreSQL's FigureColname: null when the expression gives no name. */
    private static String pgStrong(Expression e) {
        if (e instanceof Column c) return name(Dialect.POSTGRESQL, c.getColumnName());
        if (e instanceof Function f) return lastPart(f.getName()).toLowerCase(Locale.ROOT);
        if (e instanceof AnalyticExpression a) return a.getName().toLowerCase(Locale.ROOT);
        if (e instanceof CastExpression c) {
            String inner = pgStrong(c.getLeftExpression());
            if (inner != null) return inner;
            return c.getColDataType() == null ? null : pgTypeName(c.getColDataType().getDataType());
        }
        if (e instanceof net.sf.jsqlparser.expression.CollateExpression c) return pgStrong(c.getLeftExpression());
        if (e instanceof CaseExpression) return "case";
        if (e instanceof ExistsExpression x) return x.isNot() ? null : "exists";
        if (e instanceof ArrayConstructor) return "array";
        if (e instanceof RowConstructor<?>) return "row";
        if (e instanceof ExtractExpression) return "extract";
        if (e instanceof TrimFunction t) {
            String spec = String.valueOf(t.getTrimSpecification());
            return spec.equals("LEADING") ? "ltrim" : spec.equals("TRAILING") ? "rtrim" : "btrim";
        }
        // a typed literal is a cast: PostgreSQL names it after the type
        if (e instanceof net.sf.jsqlparser.expression.DateTimeLiteralExpression d) {
            return d.getType() == null ? null : d.getType().name().toLowerCase(Locale.ROOT);
        }
        if (e instanceof TimeKeyExpression t) return t.getStringValue().toLowerCase(Locale.ROOT).replace("()", "");
        if (e instanceof ArrayExpression a) return pgStrong(a.getObjExpression());
        if (e instanceof net.sf.jsqlparser.expression.RowGetExpression g) return name(Dialect.POSTGRESQL, g.getColumnName());
        if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) return pgStrong(p.get(0));
        if (e instanceof ParenthesedSelect ps) return firstLabel(Dialect.POSTGRESQL, ps.getSelect());
        return null;
    }

    private static String firstLabel(Dialect d, Select s) {
        if (s instanceof ParenthesedSelect p) return firstLabel(d, p.getSelect());
        if (s instanceof SetOperationList so) return firstLabel(d, so.getSelects().get(0));
        if (s instanceof PlainSelect ps && !ps.getSelectItems().isEmpty()) {
            SelectItem<?> si = ps.getSelectItems().get(0);
            if (si.getAlias() != null) return alias(d, si.getAlias().getName());
            return pgStrong(si.getExpression());
        }
        return null;
    }

    private static String pgTypeName(String t) {
        String n = t.toLowerCase(Locale.ROOT).replaceAll("\\s*\\(.*", "").strip();
        return switch (n) {
            case "int", "integer" -> "int4";
            case "smallint" -> "int2";
            case "bigint" -> "int8";
            case "real" -> "float4";
            case "float", "double precision" -> "float8";
            case "boolean" -> "bool";
            case "decimal" -> "numeric";
            case "char", "character" -> "bpchar";
            case "character varying" -> "varchar";
            default -> lastPart(n);
        };
    }

    private static String mariadb(Expression e, String text) {
        if (e instanceof Column c) return name(Dialect.MARIADB, c.getColumnName());
        if (e instanceof StringValue s) return s.getValue();
        if (e instanceof NullValue) return "NULL";
        return text;
    }

    /** H2 labels an expression with its own SQL rendering: upper-case keywords and names, single spaces. */
    private static String h2(Expression e) {
        if (e instanceof Column c) return name(Dialect.H2, c.getColumnName());
        String s = e.toString().replace(SqlLexer.PARAMETER_PLACEHOLDER, '?');
        StringBuilder b = new StringBuilder(s.length());
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                b.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                b.append(c);
            } else {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    /** A dotted routine or relation name as the database reads it: each part unquoted or folded. */
    static String qualifiedName(Dialect d, String raw) {
        return String.join(".", qualifiedParts(d, raw));
    }

    /** The parts of a dotted name, each unquoted or folded; a dot inside quotes belongs to its part. */
    static List<String> qualifiedParts(Dialect d, String raw) {
        List<String> parts = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                if (c == quote && i + 1 < raw.length() && raw.charAt(i + 1) == quote) {
                    cur.append(c).append(c);
                    i++;
                    continue;
                }
                if (c == quote) quote = 0;
                cur.append(c);
            } else if (c == '"' || c == '`') {
                quote = c;
                cur.append(c);
            } else if (c == '.') {
                parts.add(name(d, cur.toString().strip()));
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(name(d, cur.toString().strip()));
        return parts;
    }

    static String lastPart(String dotted) {
        int i = dotted.lastIndexOf('.');
        return i < 0 ? dotted : dotted.substring(i + 1);
    }
}
