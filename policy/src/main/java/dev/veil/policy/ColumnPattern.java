package dev.veil.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code [schema.]table.column} pattern in which {@code *} stands for any characters within one name; matching is
 * case-insensitive. Without a schema part the pattern matches the table in every schema.
 */
public final class ColumnPattern {

    private final String text;
    private final Pattern schema;
    private final Pattern table;
    private final Pattern column;

    private ColumnPattern(String text, Pattern schema, Pattern table, Pattern column) {
        this.text = text;
        this.schema = schema;
        this.table = table;
        this.column = column;
    }

    /**
     * @throws IllegalArgumentException with a message saying what is wrong with the pattern
     */
    public static ColumnPattern parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty pattern (expected [schema.]table.column)");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("bad pattern '" + text + "': expected [schema.]table.column with '*'"
                    + " wildcards, e.g. customers.email or \"*.ssn\"");
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("bad pattern '" + text + "': empty name between dots");
            }
            if (part.contains("**")) {
                throw new IllegalArgumentException("bad pattern '" + text + "': '**' is not supported ('*' already"
                        + " matches any characters within one name, never across a dot)");
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (Character.isWhitespace(c) || c == '?' || c == '[' || c == ']' || c == '"' || c == '`') {
                    throw new IllegalArgumentException("bad pattern '" + text + "': character '" + c
                            + "' is not allowed (only names and '*')");
                }
            }
        }
        Pattern schema = parts.length == 3 ? glob(parts[0]) : null;
        return new ColumnPattern(text, schema, glob(parts[parts.length - 2]), glob(parts[parts.length - 1]));
    }

    public boolean matches(ColumnInfo c) {
        return mayMatchTable(c.schema(), c.table()) && column.matcher(c.name().toLowerCase(Locale.ROOT)).matches();
    }

    /** Whether the pattern can match some column of this table (so a table cache can skip irrelevant rules). */
    public boolean mayMatchTable(String schemaName, String tableName) {
        if (schema != null && (schemaName == null || !schema.matcher(schemaName.toLowerCase(Locale.ROOT)).matches())) {
            return false;
        }
        return table.matcher(tableName.toLowerCase(Locale.ROOT)).matches();
    }

    private static Pattern glob(String part) {
        String[] literals = part.toLowerCase(Locale.ROOT).split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!literals[i].isEmpty()) {
                regex.append(Pattern.quote(literals[i]));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ColumnPattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
