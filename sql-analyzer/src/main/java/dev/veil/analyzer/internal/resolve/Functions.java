package dev.veil.analyzer.internal.resolve;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.veil.analyzer.FunctionCategory;
import dev.veil.analyzer.FunctionUse;
import dev.veil.analyzer.Hazard;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;

/** Function calls: their classification, and the hazards of the ones that read or write beyond their arguments. */
final class Functions {

    private final Resolver r;

    Functions(Resolver r) {
        this.r = r;
    }

    void reservedSettingCheck(String fname, Expression first) {
        if (!fname.equals("current_setting") && !fname.equals("set_config")) return;
        if (first instanceof StringValue sv) {
            if (sv.getValue().toLowerCase(Locale.ROOT).startsWith("veil")) r.draft.hazard(Hazard.Kind.RESERVED_NAME,
                    fname);
        } else {
            r.draft.hazard(Hazard.Kind.RESERVED_NAME, fname + " with a computed setting name");
        }
    }

    void function(String name) {
        FunctionCategory cat = classify(name);
        String fname = name.toLowerCase(Locale.ROOT);
        r.draft.functions.add(new FunctionUse(fname, cat));
        String last = Labels.lastPart(fname);
        switch (cat) {
            case DATA_READING -> r.draft.hazard(readingHazard(last), last);
            case EXPORTING -> r.draft.hazard(last.equals("set_config") || last.equals("set")
                    ? Hazard.Kind.SESSION_VARIABLE : Hazard.Kind.EXPORT, last);
            default -> { }
        }
    }

    /**
     * A binary operator written with its symbol: where a user-defined operator of that symbol is on the search path,
     * the database may call the user's function for it, code Veil cannot see.
     */
    void operator(String symbol) {
        if (OPERATOR_SYMBOL.matcher(symbol).matches() && r.catalog.isUserDefinedOperator(symbol)) {
            r.draft.functions.add(new FunctionUse("operator " + symbol, FunctionCategory.USER_DEFINED));
        }
    }

    /** The characters of PostgreSQL's operator names (words such as LIKE and AND are not looked up). */
    private static final Pattern OPERATOR_SYMBOL = Pattern.compile("[-+*/<>=~!@#%^&|`?]+");

    static Hazard.Kind readingHazard(String fname) {
        if (fname.equals("current_setting")) return Hazard.Kind.SESSION_VARIABLE;
        if (fname.contains("xml") || fname.startsWith("dblink") || fname.equals("link_schema")
                || fname.equals("ts_stat")) {
            return Hazard.Kind.DYNAMIC_SQL;
        }
        if (fname.startsWith("pg_stat") || fname.startsWith("pg_logical") || fname.startsWith("pg_mcv")
                || fname.startsWith("pg_get_wal") || fname.startsWith("db_object")) {
            return Hazard.Kind.LEAKY_SYSTEM_OBJECT;
        }
        return Hazard.Kind.FILE_ACCESS;
    }

    FunctionCategory classify(String rawName) {
        List<String> parts = Labels.qualifiedParts(r.dialect, rawName);
        String name = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        if (r.catalog.isUserDefinedFunction(schema, name)) return FunctionCategory.USER_DEFINED;
        boolean builtinSchema = schema == null || r.dialect.rules().builtinFunctionSchema(schema);
        if (!builtinSchema) return FunctionCategory.UNKNOWN;
        FunctionCategory c = r.dialect.rules().builtin(name);
        return c == null ? FunctionCategory.UNKNOWN : c;
    }
}
