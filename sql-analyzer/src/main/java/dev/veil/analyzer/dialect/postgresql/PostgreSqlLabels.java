package dev.veil.analyzer.dialect.postgresql;

import java.util.Locale;

import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.internal.resolve.Labels;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.RowConstructor;
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

/** The label PostgreSQL gives an unaliased select item: its own rule ({@code FigureColname}), else {@code ?column?}. */
final class PostgreSqlLabels {

    private PostgreSqlLabels() { }

    static String of(Expression e) {
        String s = pgStrong(e);
        return s != null ? s : "?column?";
    }

    /** PostgreSQL's FigureColname: null when the expression gives no name. */
    private static String pgStrong(Expression e) {
        if (e instanceof Column c) return Labels.name(Dialect.POSTGRESQL, c.getColumnName());
        if (e instanceof Function f) return Labels.lastPart(f.getName()).toLowerCase(Locale.ROOT);
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
        if (e instanceof net.sf.jsqlparser.expression.RowGetExpression g) return Labels.name(Dialect.POSTGRESQL,
                g.getColumnName());
        if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) return pgStrong(p.get(0));
        if (e instanceof ParenthesedSelect ps) return firstLabel(Dialect.POSTGRESQL, ps.getSelect());
        return null;
    }

    private static String firstLabel(Dialect d, Select s) {
        if (s instanceof ParenthesedSelect p) return firstLabel(d, p.getSelect());
        if (s instanceof SetOperationList so) return firstLabel(d, so.getSelects().get(0));
        if (s instanceof PlainSelect ps && !ps.getSelectItems().isEmpty()) {
            SelectItem<?> si = ps.getSelectItems().get(0);
            if (si.getAlias() != null) return Labels.alias(d, si.getAlias().getName());
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
            default -> Labels.lastPart(n);
        };
    }
}
