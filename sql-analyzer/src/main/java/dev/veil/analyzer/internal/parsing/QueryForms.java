package dev.veil.analyzer.internal.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.internal.lexing.SqlLexer;

import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.upsert.UpsertType;

/**
 * Statement forms the parser does not read around a query it does: the form's head is read from the lexer's tokens,
 * its query is parsed alone, and the two make the parser's statement of the same meaning.
 *
 * <ul>
 *   <li>MariaDB {@code CREATE [OR REPLACE] [TEMPORARY] TABLE [IF NOT EXISTS] t [IGNORE | REPLACE] SELECT …} (no
 *       {@code AS}, no column definitions): a CREATE TABLE … AS;</li>
 *   <li>H2 {@code MERGE INTO t [(c, …)] KEY (k, …) VALUES … | SELECT …}: an upsert whose key columns select the row
 *       it replaces.</li>
 * </ul>
 */
public final class QueryForms {

    /** Which form. */
    public enum Kind { CREATE_TABLE_SELECT, MERGE_KEY }

    /**
     * One statement of such a form.
     *
     * @param target     the table it writes, parts as written
     * @param columns    the target columns listed, as written (empty when none)
     * @param keys       the key columns of MERGE … KEY, as written
     * @param queryStart where its query starts in the text
     */
    public record Form(Kind kind, Table target, List<String> columns, List<String> keys, int queryStart) { }

    private QueryForms() { }

    /** The form of {@code seg}, when it is one of these. */
    public static Optional<Form> of(SqlLexer.Segment seg, Dialect dialect) {
        List<SqlLexer.Tok> t = seg.significant();
        if (dialect == Dialect.MARIADB) return createTableSelect(t);
        if (dialect == Dialect.H2) return mergeKey(t);
        return Optional.empty();
    }

    /** The parser's statement for the form, with its query. */
    public static Statement statement(Form form, Select query) {
        if (form.kind() == Kind.CREATE_TABLE_SELECT) {
            CreateTable ct = new CreateTable();
            ct.setTable(form.target());
            ct.setSelect(query, false);
            return ct;
        }
        Upsert u = new Upsert();
        u.setUpsertType(UpsertType.UPSERT);
        u.setTable(form.target());
        if (!form.columns().isEmpty()) {
            ExpressionList<Column> columns = new ExpressionList<>();
            for (String c : form.columns()) columns.add(new Column(c));
            u.setColumns(columns);
        }
        u.setSelect(query);
        return u;
    }

    private static Optional<Form> createTableSelect(List<SqlLexer.Tok> t) {
        int i = 0;
        if (!word(t, i++, "CREATE")) return Optional.empty();
        if (word(t, i, "OR") && word(t, i + 1, "REPLACE")) i += 2;
        if (word(t, i, "TEMPORARY")) i++;
        if (!word(t, i++, "TABLE")) return Optional.empty();
        if (word(t, i, "IF") && word(t, i + 1, "NOT") && word(t, i + 2, "EXISTS")) i += 3;
        List<String> parts = new ArrayList<>();
        i = name(t, i, parts);
        if (i < 0) return Optional.empty();
        if (word(t, i, "IGNORE") || word(t, i, "REPLACE")) i++;
        if (!word(t, i, "SELECT") && !word(t, i, "WITH")) return Optional.empty();
        return Optional.of(new Form(Kind.CREATE_TABLE_SELECT, table(parts), List.of(), List.of(), t.get(i).start));
    }

    private static Optional<Form> mergeKey(List<SqlLexer.Tok> t) {
        int i = 0;
        if (!word(t, i++, "MERGE") || !word(t, i++, "INTO")) return Optional.empty();
        List<String> parts = new ArrayList<>();
        i = name(t, i, parts);
        if (i < 0) return Optional.empty();
        List<String> columns = new ArrayList<>();
        if (op(t, i, "(")) {
            i = list(t, i, columns);
            if (i < 0) return Optional.empty();
        }
        if (!word(t, i++, "KEY") || !op(t, i, "(")) return Optional.empty();
        List<String> keys = new ArrayList<>();
        i = list(t, i, keys);
        if (i < 0 || keys.isEmpty()) return Optional.empty();
        if (!word(t, i, "VALUES") && !word(t, i, "SELECT") && !word(t, i, "WITH")) return Optional.empty();
        return Optional.of(new Form(Kind.MERGE_KEY, table(parts), columns, keys, t.get(i).start));
    }

    /** A possibly qualified name from {@code i}: its parts into {@code parts}; the index after it, or -1. */
    private static int name(List<SqlLexer.Tok> t, int i, List<String> parts) {
        while (true) {
            String part = identifier(t, i);
            if (part == null) return -1;
            parts.add(part);
            i++;
            if (!op(t, i, ".")) break;
            i++;
        }
        return parts.size() > 3 ? -1 : i;
    }

    /** {@code (a, b, …)} from {@code i}: the names into {@code names}; the index after it, or -1. */
    private static int list(List<SqlLexer.Tok> t, int i, List<String> names) {
        i++;
        while (true) {
            String name = identifier(t, i);
            if (name == null) return -1;
            names.add(name);
            i++;
            if (op(t, i, ")")) return i + 1;
            if (!op(t, i, ",")) return -1;
            i++;
        }
    }

    /** A name as the resolver reads it: unquoted as written, quoted requoted. */
    private static String identifier(List<SqlLexer.Tok> t, int i) {
        if (i >= t.size()) return null;
        SqlLexer.Tok k = t.get(i);
        if (k.kind == SqlLexer.Kind.WORD) return k.value;
        if (k.kind == SqlLexer.Kind.QUOTED_IDENT) return "\"" + k.value.replace("\"", "\"\"") + "\"";
        return null;
    }

    private static Table table(List<String> parts) {
        Table table = new Table(parts.get(parts.size() - 1));
        if (parts.size() >= 2) table.setSchemaName(parts.get(parts.size() - 2));
        if (parts.size() == 3) table.setDatabase(new net.sf.jsqlparser.schema.Database(parts.get(0)));
        return table;
    }

    private static boolean word(List<SqlLexer.Tok> t, int i, String w) {
        return i < t.size() && t.get(i).isWord(w);
    }

    private static boolean op(List<SqlLexer.Tok> t, int i, String o) {
        return i < t.size() && t.get(i).isOp(o);
    }
}
