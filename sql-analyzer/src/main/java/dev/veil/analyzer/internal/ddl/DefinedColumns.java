package dev.veil.analyzer.internal.ddl;

import java.util.ArrayList;
import java.util.List;

import dev.veil.analyzer.DefinedColumn;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.internal.resolve.Labels;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * The columns a parsed {@code CREATE TABLE} of a permanent table defines, named as the dialect folds them (none for a
 * temporary table, whose name resolves elsewhere).
 */
public final class DefinedColumns {

    private DefinedColumns() { }

    public static List<DefinedColumn> of(Statement parsed, Dialect dialect) {
        if (!(parsed instanceof CreateTable create) || create.getSelect() != null
                || create.getColumnDefinitions() == null || temporary(create)) {
            return List.of();
        }
        List<DefinedColumn> out = new ArrayList<>();
        for (ColumnDefinition c : create.getColumnDefinitions()) {
            String type = c.getColDataType() == null ? null : c.getColDataType().getDataType();
            int arguments = type == null ? -1 : type.indexOf('(');
            if (arguments >= 0) {
                // some dialects' parsers keep the arguments in the name: VARCHAR (80)
                type = type.substring(0, arguments).strip();
            }
            out.add(new DefinedColumn(Labels.name(dialect, c.getColumnName()), type));
        }
        return List.copyOf(out);
    }

    /** A temporary table lives in a schema of the session's own, not the one a permanent table's name resolves to. */
    private static boolean temporary(CreateTable create) {
        if (create.getCreateOptionsStrings() == null) return false;
        for (String option : create.getCreateOptionsStrings()) {
            String o = option.toUpperCase(java.util.Locale.ROOT);
            if (o.equals("TEMPORARY") || o.equals("TEMP")) return true;
        }
        return false;
    }
}
