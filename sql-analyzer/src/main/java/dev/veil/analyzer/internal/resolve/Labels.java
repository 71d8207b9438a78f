package dev.veil.analyzer.internal.resolve;

import java.util.ArrayList;
import java.util.List;

import dev.veil.analyzer.Dialect;

import net.sf.jsqlparser.expression.Expression;

/**
 * Names as the database reads them, and the column label each vendor's JDBC driver reports for a select-list item
 * without an alias (each dialect's own rule).
 */
public final class Labels {

    private Labels() { }

    /** Strips identifier quotes and undoubles them; unquoted names fold per dialect. */
    public static String name(Dialect d, String raw) {
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
    public static String alias(Dialect d, String rawAlias) {
        return name(d, rawAlias);
    }

    /**
     * The label the vendor driver reports for an unaliased item {@code e}.
     *
     * @param text the expression exactly as written (MariaDB labels unaliased expressions with it)
     */
    public static String of(Dialect d, Expression e, String text) {
        return d.rules().label(e, text);
    }

    /** A dotted routine or relation name as the database reads it: each part unquoted or folded. */
    public static String qualifiedName(Dialect d, String raw) {
        return String.join(".", qualifiedParts(d, raw));
    }

    /** The parts of a dotted name, each unquoted or folded; a dot inside quotes belongs to its part. */
    public static List<String> qualifiedParts(Dialect d, String raw) {
        List<String> parts = new ArrayList<>();
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

    public static String lastPart(String dotted) {
        int i = dotted.lastIndexOf('.');
        return i < 0 ? dotted : dotted.substring(i + 1);
    }
}
