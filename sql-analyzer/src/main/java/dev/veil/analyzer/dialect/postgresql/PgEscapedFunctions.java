package dev.veil.analyzer.dialect.postgresql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.veil.analyzer.internal.escapes.EscapeRefused;
import dev.veil.analyzer.internal.escapes.Frag;

/** pgjdbc's {@code EscapedFunctions2}: the text each escape function becomes, as parts (text or arguments). */
final class PgEscapedFunctions {

    private PgEscapedFunctions() { }

    static List<Object> translate(String name, List<Frag> a) {
        String n = name.toLowerCase(Locale.US);
        List<Object> p = new ArrayList<>();
        switch (n) {
            case "ceiling" -> single(p, "ceil(", a);
            case "log" -> single(p, "ln(", a);
            case "log10" -> single(p, "log(", a);
            case "power" -> call(p, "pow(", ",", ")", arity(a, 2));
            case "truncate" -> call(p, "trunc(", ",", ")", arity(a, 2));
            case "char" -> single(p, "chr(", a);
            case "concat" -> call(p, "(", "||", ")", a);
            case "insert" -> {
                arity(a, 4);
                p.add("overlay(");
                p.add(a.get(0));
                p.add(" placing ");
                p.add(a.get(3));
                p.add(" from ");
                p.add(a.get(1));
                p.add(" for ");
                p.add(a.get(2));
                p.add(")");
            }
            case "lcase" -> single(p, "lower(", a);
            case "left" -> call(p, "substring(", " for ", ")", arity(a, 2));
            case "length" -> call(p, "length(trim(trailing from ", "", "))", arity(a, 1));
            case "locate" -> {
                if (a.size() == 2) {
                    call(p, "position(", " in ", ")", a);
                } else if (a.size() == 3) {
                    p.add("(");
                    p.add(a.get(2));
                    p.add("*sign(");
                    locateTmp(p, a);
                    p.add(")+");
                    locateTmp(p, a);
                    p.add(")");
                } else {
                    throw new EscapeRefused("locate takes two or three arguments");
                }
            }
            case "ltrim" -> single(p, "trim(leading from ", a);
            case "right" -> {
                arity(a, 2);
                p.add("substring(");
                p.add(a.get(0));
                p.add(" from (length(");
                p.add(a.get(0));
                p.add(")+1-");
                p.add(a.get(1));
                p.add("))");
            }
            case "rtrim" -> single(p, "trim(trailing from ", a);
            case "space" -> single(p, "repeat(' ',", a);
            case "substring" -> {
                if (a.size() != 2 && a.size() != 3) throw new EscapeRefused("substring takes two or three arguments");
                call(p, "substr(", ",", ")", a);
            }
            case "ucase" -> single(p, "upper(", a);
            case "curdate" -> zero(p, "current_date", a);
            case "curtime" -> zero(p, "current_time", a);
            case "dayname" -> call(p, "to_char(", ",", ",'Day')", arity(a, 1));
            case "dayofmonth" -> single(p, "extract(day from ", a);
            case "dayofweek" -> call(p, "extract(dow from ", ",", ")+1", arity(a, 1));
            case "dayofyear" -> single(p, "extract(doy from ", a);
            case "hour" -> single(p, "extract(hour from ", a);
            case "minute" -> single(p, "extract(minute from ", a);
            case "month" -> single(p, "extract(month from ", a);
            case "monthname" -> call(p, "to_char(", ",", ",'Month')", arity(a, 1));
            case "quarter" -> single(p, "extract(quarter from ", a);
            case "second" -> single(p, "extract(second from ", a);
            case "week" -> single(p, "extract(week from ", a);
            case "year" -> single(p, "extract(year from ", a);
            case "timestampadd" -> {
                arity(a, 3);
                p.add("(");
                interval(p, a.get(0).text(), a.get(1));
                p.add("+");
                p.add(a.get(2));
                p.add(")");
            }
            case "timestampdiff" -> {
                arity(a, 3);
                p.add("extract( " + datePart(a.get(0).text()) + " from (");
                p.add(a.get(2));
                p.add("-");
                p.add(a.get(1));
                p.add("))");
            }
            case "database" -> zero(p, "current_database()", a);
            case "ifnull" -> call(p, "coalesce(", ",", ")", arity(a, 2));
            case "user" -> zero(p, "user", a);
            default -> call(p, name + "(", ",", ")", a);
        }
        return p;
    }

    private static void locateTmp(List<Object> p, List<Frag> a) {
        p.add("position(");
        p.add(a.get(0));
        p.add(" in substring(");
        p.add(a.get(1));
        p.add(" from ");
        p.add(a.get(2));
        p.add("))");
    }

    private static List<Frag> arity(List<Frag> a, int n) {
        if (a.size() != n) throw new EscapeRefused("escape function takes " + n + " arguments");
        return a;
    }

    private static void single(List<Object> p, String begin, List<Frag> a) {
        arity(a, 1);
        p.add(begin);
        p.add(a.get(0));
        p.add(")");
    }

    private static void zero(List<Object> p, String text, List<Frag> a) {
        arity(a, 0);
        p.add(text);
    }

    private static void call(List<Object> p, String begin, String sep, String end, List<Frag> a) {
        p.add(begin);
        for (int i = 0; i < a.size(); i++) {
            if (i > 0) p.add(sep);
            p.add(a.get(i));
        }
        p.add(end);
    }

    private static final Map<String, String> TSI = new HashMap<>();

    static {
        TSI.put("DAY", "day");
        TSI.put("SECOND", "second");
        TSI.put("HOUR", "hour");
        TSI.put("MINUTE", "minute");
        TSI.put("MONTH", "month");
        TSI.put("WEEK", "week");
        TSI.put("YEAR", "year");
    }

    private static String tsi(String type) {
        if (!type.regionMatches(true, 0, "SQL_TSI_", 0, 8)) throw new EscapeRefused("interval " + "type not supported");
        return type.substring(8).toUpperCase(Locale.ROOT);
    }

    private static void interval(List<Object> p, String type, Frag value) {
        String unit = tsi(type);
        if (TSI.containsKey(unit)) {
            p.add("CAST(");
            p.add(value);
            p.add("||' " + TSI.get(unit) + "' as interval)");
        } else if (unit.equals("QUARTER")) {
            p.add("CAST((");
            p.add(value);
            p.add("::int * 3) || ' month' as interval)");
        } else {
            throw new EscapeRefused("interval type not supported by the driver");
        }
    }

    private static String datePart(String type) {
        String unit = tsi(type);
        return switch (unit) {
            case "DAY", "SECOND", "HOUR", "MINUTE" -> TSI.get(unit);
            default -> throw new EscapeRefused("interval type not supported by the driver");
        };
    }
}
