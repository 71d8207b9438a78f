package dev.veil.analyzer.internal.ddl;

import java.util.ArrayList;
import java.util.List;

import dev.veil.analyzer.DefinedColumn;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.internal.resolve.Labels;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/** The columns a parsed {@code CREATE TABLE} defines, named as the dialect folds them. */
public final class DefinedColumns {

    private DefinedColumns() { }

    public static List<DefinedColumn> of(Statement parsed, Dialect dialect) {
        if (!(parsed instanceof CreateTable create) || create.getSelect() != null
                || create.getColumnDefinitions() == null) {
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
}
