package dev.veil.analyzer.internal.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.StatementType;
import dev.veil.analyzer.internal.lexing.SqlLexer;
import dev.veil.analyzer.internal.resolve.Builtins;
import dev.veil.analyzer.internal.resolve.Labels;

import net.sf.jsqlparser.schema.Table;

/**
 * DDL that contains no query, classified from the lexer's tokens: CREATE/ALTER TABLE, INDEX, SEQUENCE, TYPE and
 * DOMAIN, CREATE SCHEMA/DATABASE, DROP, TRUNCATE, RENAME TABLE, COMMENT ON. Each database has DDL forms the parser does
 * not read
 * (H2 array types, PostgreSQL {@code CREATE INDEX CONCURRENTLY}, partitioning clauses, generated columns, …); such a
 * statement copies no data as long as nothing in it is a query or reads data, which the tokens can prove:
 *
 * <ul>
 *   <li>no {@code SELECT}, {@code VALUES} (other than partition bounds), {@code TABLE} other than the object type,
 *       {@code WITH} starting a query, {@code INSERT}, {@code UPDATE}/{@code DELETE} other than in
 *       {@code ON UPDATE}/{@code ON DELETE}, {@code MERGE}, {@code RETURNING}, {@code EXECUTE}, {@code CALL};</li>
 *   <li>every function call is a built-in scalar function (a user-defined function in a default or a generated column
 *       could read any table whenever a row is written);</li>
 *   <li>ALTER TABLE computes nothing from the rows it already holds: no {@code USING} expression, no generated or
 *       computed column, no default other than a constant, no repartitioning by an expression; and it does not make
 *       rows readable through another table ({@code ATTACH PARTITION}, {@code INHERIT},
 *       {@code EXCHANGE PARTITION … WITH TABLE});</li>
 *   <li>no storage that reads files or other servers (MariaDB {@code ENGINE=CONNECT}, {@code FEDERATED},
 *       {@code MERGE … UNION}, {@code SPIDER}, {@code CONNECTION=}, H2 table engines, PostgreSQL foreign tables);</li>
 *   <li>no parameters or session variables.</li>
 * </ul>
 *
 * Statements whose lineage matters (CREATE VIEW, CREATE TABLE … AS, SELECT … INTO) are never classified here.
 */
public final class DdlStatements {

    private DdlStatements() { }

    /** A classified statement: its type, the tables it creates or changes, and those it copies a definition from. */
    public record Result(StatementType type, List<Table> written, List<Table> read) { }

    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    static final Set<String> LEADING = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT");

    /** Words that are followed by parentheses without being a function call: keywords and parameterized types. */
    private static final Set<String> PAREN_WORDS = Set.of(
            // constraints, keys, storage and partitioning clauses
            "KEY", "UNIQUE", "CHECK", "DEFAULT", "AS", "IDENTITY", "INCLUDE", "INHERITS", "WITH", "RANGE", "LIST",
                    "HASH",
            "COLUMNS", "FROM", "TO", "IN", "THAN", "BY", "OPTIONS", "EXCLUDE", "STORED", "PERSISTENT", "VIRTUAL",
                    "INDEX",
            "ON", "WHERE", "AND", "OR", "NOT", "IS", "NULL", "SET", "ADD", "MODIFY", "COLUMN", "CONSTRAINT", "PRIMARY",
            "FOREIGN", "PARTITION", "PARTITIONS", "SUBPARTITION", "VALUES", "OF", "ONLY", "USING", "FOR",
            // index methods
            "BTREE", "GIST", "GIN", "SPGIST", "BRIN", "RTREE",
            // types with parameters
            "CHAR", "CHARACTER", "VARCHAR", "VARYING", "NCHAR", "NVARCHAR", "NUMERIC", "DECIMAL", "DEC", "NUMBER",
                    "FLOAT",
            "DOUBLE", "REAL", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "TIMETZ", "DATETIME", "DATETIME2", "INTERVAL", "BIT",
            "VARBIT", "BINARY", "VARBINARY", "BLOB", "CLOB", "TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "INT",
                    "INTEGER",
            "BIGINT", "SMALLINT", "TINYINT", "MEDIUMINT", "YEAR", "VECTOR", "DECFLOAT", "OBJECT", "ENUM", "GEOMETRY",
            "GEOGRAPHY", "ROW", "JAVA_OBJECT", "BOOLEAN", "UUID", "JSON", "JSONB", "SERIAL", "BIGSERIAL");

    /** Words after which a name (of a table, index or constraint) may be followed by parentheses. */
    private static final Set<String> NAME_BEFORE = Set.of("TABLE", "EXISTS", "REFERENCES", "ON", "INDEX", "KEY",
            "UNIQUE",
            "FULLTEXT", "SPATIAL", "CONSTRAINT", "PARTITION", "SUBPARTITION", "OF", "ONLY", "LIKE");

    private static final Set<String> FORBIDDEN = Set.of("SELECT", "INSERT", "MERGE", "RETURNING", "EXECUTE", "EXEC",
            "CALL", "COPY", "PREPARE", "HANDLER", "DO", "LOAD", "REPLACE_INTO");

    /** Whether a statement starts with a DDL keyword this class may classify. */
    public static boolean applies(SqlLexer.Segment seg) {
        List<SqlLexer.Tok> t = seg.significant();
        return !t.isEmpty() && t.get(0).kind == SqlLexer.Kind.WORD && LEADING.contains(up(t.get(0)));
    }

    /**
     * Classifies {@code seg} or refuses it.
     *
     * @param builtin whether a function name (folded, possibly schema-qualified) is a built-in scalar function
     */
    public static Result classify(SqlLexer.Segment seg, Dialect dialect, java.util.function.Predicate<String> builtin) {
        List<SqlLexer.Tok> t = seg.significant();
        Cursor c = new Cursor(t);
        String kw = up(c.next());
        return switch (kw) {
            case "CREATE" -> create(c, t, dialect, builtin);
            case "ALTER" -> alter(c, t, dialect, builtin);
            case "DROP" -> drop(c, t);
            case "TRUNCATE" -> truncate(c);
            case "RENAME" -> rename(c);
            case "COMMENT" -> comment(c, t);
            default -> throw new Refused(kw + " is not DDL");
        };
    }

    // ---- statements ---------------------------------------------------------------------------------------------

    private static Result create(Cursor c, List<SqlLexer.Tok> t, Dialect dialect,
            java.util.function.Predicate<String> builtin) {
        if (c.isWord("OR")) {
            c.next();
            c.expect("REPLACE");
        }
        while (c.isWord("TEMP", "TEMPORARY", "GLOBAL", "LOCAL", "UNLOGGED", "MEMORY", "CACHED", "UNIQUE", "FULLTEXT",
                "SPATIAL", "ONLINE")) {
            c.next();
        }
        String object = c.peekUp();
        c.next();
        switch (object) {
            case "TABLE" -> {
                ifExists(c, "NOT");
                int nameAt = c.pos;
                Table name = c.name();
                List<Table> read = new ArrayList<>();
                if (c.isWord("LIKE")) {
                    c.next();
                    read.add(c.name());
                } else if (c.isOp("(") && c.pos + 1 < t.size() && t.get(c.pos + 1).isWord("LIKE")) {
                    c.pos += 2;
                    read.add(c.name());
                }
                body(t, nameAt + 1, dialect, builtin, false);
                return new Result(StatementType.CREATE_TABLE, List.of(name), read);
            }
            case "INDEX" -> {
                if (c.isWord("CONCURRENTLY")) c.next();
                ifExists(c, "NOT");
                if (!c.isWord("ON")) c.name();
                c.expect("ON");
                if (c.isWord("ONLY")) c.next();
                int tableAt = c.pos;
                Table table = c.name();
                body(t, tableAt + 1, dialect, builtin, false);
                return new Result(StatementType.CREATE_INDEX, List.of(table), List.of());
            }
            case "SEQUENCE" -> {
                ifExists(c, "NOT");
                int at = c.pos;
                c.name();
                body(t, at + 1, dialect, builtin, false);
                return new Result(StatementType.CREATE_SEQUENCE, List.of(), List.of());
            }
            case "TYPE", "DOMAIN" -> {
                int at = c.pos;
                c.name();
                body(t, at + 1, dialect, builtin, false);
                return new Result(object.equals("TYPE") ? StatementType.CREATE_TYPE : StatementType.CREATE_DOMAIN,
                        List.of(), List.of());
            }
            case "SCHEMA", "DATABASE" -> {
                ifExists(c, "NOT");
                int at = c.pos;
                c.name();
                body(t, at + 1, dialect, builtin, false);
                return new Result(object.equals("SCHEMA") ? StatementType.CREATE_SCHEMA : StatementType.CREATE_DATABASE,
                        List.of(), List.of());
            }
            default -> throw new Refused("CREATE " + object + " is not DDL without a query");
        }
    }

    private static Result alter(Cursor c, List<SqlLexer.Tok> t, Dialect dialect,
            java.util.function.Predicate<String> builtin) {
        while (c.isWord("ONLINE", "IGNORE")) c.next();
        String object = c.peekUp();
        c.next();
        if (!Set.of("TABLE", "INDEX", "SEQUENCE", "TYPE",
                "DOMAIN").contains(object)) throw new Refused("ALTER " + object + " is not analyzed");
        ifExists(c, null);
        if (c.isWord("ONLY")) c.next();
        int at = c.pos;
        Table name = c.name();
        body(t, at + 1, dialect, builtin, object.equals("TABLE"));
        StatementType type = switch (object) {
            case "TABLE" -> StatementType.ALTER_TABLE;
            case "INDEX" -> StatementType.ALTER_INDEX;
            case "SEQUENCE" -> StatementType.ALTER_SEQUENCE;
            case "TYPE" -> StatementType.ALTER_TYPE;
            default -> StatementType.ALTER_DOMAIN;
        };
        // PostgreSQL's ALTER INDEX (and, in some versions, ALTER SEQUENCE) renames or moves any relation, a table
        // too: the named relation is reported as changed, so what holds for changing a table holds for it
        return new Result(type, Set.of("TABLE", "INDEX", "SEQUENCE").contains(object) ? List.of(name) : List.of(),
                List.of());
    }

    /** DROP of anything: names, commas, IF EXISTS, CASCADE; parentheses only for routine signatures. */
    private static Result drop(Cursor c, List<SqlLexer.Tok> t) {
        List<Table> written = new ArrayList<>();
        boolean table = false;
        while (c.isWord("TEMPORARY")) c.next();
        if (c.isWord("TABLE")) table = true;
        for (int i = c.pos; i < t.size(); i++) {
            SqlLexer.Tok k = t.get(i);
            boolean ok = k.kind == SqlLexer.Kind.WORD || k.kind == SqlLexer.Kind.QUOTED_IDENT
                    || k.kind == SqlLexer.Kind.OPERATOR && Set.of(",", ".", "(", ")").contains(k.value);
            if (!ok) throw new Refused("DROP with " + k.kind.name().toLowerCase(Locale.ROOT));
        }
        if (table) {
            c.next();
            ifExists(c, null);
            while (c.more()) {
                written.add(c.name());
                if (c.isOp(",")) c.next();
                else break;
            }
        }
        return new Result(StatementType.DROP, written, List.of());
    }

    private static Result truncate(Cursor c) {
        if (c.isWord("TABLE")) c.next();
        if (c.isWord("ONLY")) c.next();
        List<Table> written = new ArrayList<>();
        while (c.more()) {
            written.add(c.name());
            if (c.isOp("*")) c.next();
            if (c.isOp(",")) {
                c.next();
                if (c.isWord("ONLY")) c.next();
            } else {
                break;
            }
        }
        while (c.more()) {
            if (!c.isWord("RESTART", "CONTINUE", "IDENTITY", "CASCADE", "RESTRICT", "IMMEDIATE")) {
                throw new Refused("TRUNCATE option");
            }
            c.next();
        }
        return new Result(StatementType.TRUNCATE, written, List.of());
    }

    /** MariaDB {@code RENAME TABLE a TO b, c TO d}. */
    private static Result rename(Cursor c) {
        c.expect("TABLE");
        List<Table> written = new ArrayList<>();
        while (true) {
            written.add(c.name());
            c.expect("TO");
            written.add(c.name());
            if (!c.isOp(",")) break;
            c.next();
        }
        if (c.more()) throw new Refused("RENAME TABLE form");
        return new Result(StatementType.RENAME_TABLE, written, List.of());
    }

    /**
     * {@code COMMENT ON <object> name IS 'text'}: names and one string. A comment on a table or column changes the
     * table: its comments can carry classification tags ({@code veil:email}), so the table is reported as written.
     */
    private static Result comment(Cursor c, List<SqlLexer.Tok> t) {
        c.expect("ON");
        List<Table> written = new ArrayList<>();
        int start = c.pos;
        if (c.pos < t.size() && t.get(c.pos).kind == SqlLexer.Kind.WORD) {
            String object = t.get(c.pos).value.toUpperCase(Locale.ROOT);
            if (object.equals("TABLE") || object.equals("VIEW")) {
                c.pos++;
                written.add(c.name());
            } else if (object.equals("COLUMN")) {
                c.pos++;
                Table column = c.name(); // [schema.]table.column: the column's table is the name without its last part
                if (column.getSchemaName() == null) {
                    throw new Refused("COMMENT ON COLUMN without its table");
                }
                Table table = new Table(column.getSchemaName());
                if (column.getDatabase() != null && column.getDatabase().getDatabaseName() != null) {
                    table.setSchemaName(column.getDatabase().getDatabaseName());
                }
                written.add(table);
            }
        }
        for (int i = start; i < t.size(); i++) {
            SqlLexer.Tok k = t.get(i);
            boolean ok = k.kind == SqlLexer.Kind.WORD || k.kind == SqlLexer.Kind.QUOTED_IDENT
                    || k.kind == SqlLexer.Kind.STRING
                    || k.kind == SqlLexer.Kind.OPERATOR && Set.of(",", ".", "(", ")").contains(k.value);
            if (!ok) throw new Refused("COMMENT with " + k.kind.name().toLowerCase(Locale.ROOT));
        }
        return new Result(StatementType.COMMENT, written, List.of());
    }

    private static void ifExists(Cursor c, String not) {
        if (!c.isWord("IF")) return;
        c.next();
        if (not != null) c.expect(not);
        c.expect("EXISTS");
    }

    // ---- the body -------------------------------------------------------------------------------------------------

    /**
     * Checks every token from {@code from} on. {@code existingRows}: ALTER TABLE, whose expressions would be computed
     * over the rows the table already holds.
     */
    private static void body(List<SqlLexer.Tok> t, int from, Dialect dialect,
            java.util.function.Predicate<String> builtin,
                             boolean existingRows) {
        for (int i = from; i < t.size(); i++) {
            SqlLexer.Tok k = t.get(i);
            String prev = i > 0 ? up(t.get(i - 1)) : "";
            String next = i + 1 < t.size() ? up(t.get(i + 1)) : "";
            switch (k.kind) {
                case PARAM, VARIABLE -> throw new Refused("parameter or variable in DDL");
                case SEMICOLON, EXEC_MARKER, COMMENT, STRING, NUMBER -> { }
                case OPERATOR -> { }
                case WORD, QUOTED_IDENT -> {
                    String w = k.kind == SqlLexer.Kind.WORD ? up(k) : "";
                    if (FORBIDDEN.contains(w)) throw new Refused("DDL containing " + w);
                    if (w.equals("TABLE")) throw new
                            Refused("DDL with TABLE beyond its object type (a query, or data moved between tables)");
                    if (w.equals("VALUES") && !prev.equals("FOR") && !next.equals("LESS") && !next.equals("IN")) {
                        throw new Refused("DDL containing VALUES");
                    }
                    if ((w.equals("UPDATE") || w.equals("DELETE"))
                            && !prev.equals("ON")) throw new Refused("DDL containing " + w);
                    if (w.equals("WITH") && startsQuery(t, i + 1)) throw new Refused("DDL containing a WITH query");
                    storage(t, i, w, dialect);
                    if (existingRows) existingRows(t, i, w);
                    if (i + 1 < t.size() && t.get(i + 1).isOp("(")) call(t, i, dialect, builtin);
                }
            }
        }
    }

    /** WITH followed by a CTE ({@code WITH name AS …}, {@code WITH RECURSIVE …}, {@code WITH name (cols) AS …}). */
    private static boolean startsQuery(List<SqlLexer.Tok> t, int i) {
        if (i >= t.size()) return false;
        if (t.get(i).isWord("RECURSIVE")) return true;
        if (t.get(i).kind != SqlLexer.Kind.WORD && t.get(i).kind != SqlLexer.Kind.QUOTED_IDENT) return false;
        int j = i + 1;
        if (j < t.size() && t.get(j).isOp("(")) {
            int depth = 0;
            for (; j < t.size(); j++) {
                if (t.get(j).isOp("(")) depth++;
                else if (t.get(j).isOp(")") && --depth == 0) break;
            }
            j++;
        }
        return j < t.size() && t.get(j).isWord("AS");
    }

    /** Storage that reads files or other servers. */
    private static void storage(List<SqlLexer.Tok> t, int i, String w, Dialect dialect) {
        switch (w) {
            case "ENGINE" -> {
                int j = i + 1;
                if (j < t.size() && t.get(j).isOp("=")) j++;
                String engine = j < t.size() && t.get(j).kind == SqlLexer.Kind.WORD ? up(t.get(j)) : "";
                if (!dialect.rules().localStorageEngine(engine)) {
                    throw new Refused("DDL with a storage engine that may read files or other servers");
                }
            }
            // MariaDB CONNECT/FEDERATED/MERGE options and remote or foreign tables
            case "CONNECTION", "UNION", "TABLE_TYPE", "FILE_NAME", "SERVER",
                    "LINKED" -> throw new Refused("DDL with " + w);
            case "DIRECTORY" -> throw new Refused("DDL with a data or index directory");
            default -> { }
        }
    }

    /** ALTER TABLE: nothing computed from the rows the table holds. */
    private static void existingRows(List<SqlLexer.Tok> t, int i, String w) {
        String next = i + 1 < t.size() ? up(t.get(i + 1)) : "";
        String prev = i > 0 ? up(t.get(i - 1)) : "";
        switch (w) {
            case "USING" -> {
                if (!next.equals("INDEX")) throw new Refused("ALTER TABLE … USING computes values from existing rows");
            }
            case "AS", "GENERATED" -> {
                if (w.equals("AS") && prev.equals("RENAME")) return; // MariaDB RENAME AS new_name
                if (w.equals("AS") && !next.equals("IDENTITY") || w.equals("GENERATED") && !identityFollows(t, i)) {
                    throw new Refused("ALTER TABLE adding a computed column computes values from existing rows");
                }
            }
            case "DEFAULT" -> {
                if (prev.equals("DROP") || Set.of("CHARSET", "CHARACTER", "COLLATE").contains(next)) return;
                if (!constantFollows(t, i + 1)) throw new Refused("ALTER TABLE with a default that is not a constant");
            }
            case "PARTITION" -> {
                if (next.equals("BY")) throw new
                        Refused("ALTER TABLE … PARTITION BY evaluates expressions over existing rows");
            }
            // PostgreSQL: another table's rows become rows of this one (ATTACH PARTITION), or this table's rows become
            // rows of another (INHERIT parent): readable there under that table's columns
            case "ATTACH", "INHERIT" -> {
                if (!prev.equals("NO")) throw new Refused("ALTER TABLE … " + w
                        + " makes existing rows readable through another table");
            }
            default -> { }
        }
    }

    private static boolean identityFollows(List<SqlLexer.Tok> t, int i) {
        for (int j = i + 1; j < Math.min(t.size(), i + 5); j++) {
            if (t.get(j).isWord("IDENTITY")) return true;
            if (t.get(j).isOp("(")) return false;
        }
        return false;
    }

    /**
     * A constant: a literal, NULL, TRUE/FALSE, a niladic built-in or a function of literals (its name is checked as
     * a call), optionally signed, parenthesized or cast ({@code nextval('s'::regclass)}).
     */
    private static boolean constantFollows(List<SqlLexer.Tok> t, int j) {
        int depth = 0;
        while (j < t.size() && t.get(j).isOp("(")) {
            depth++;
            j++;
        }
        if (j < t.size() && t.get(j).isOp("-")) j++;
        if (j >= t.size()) return false;
        SqlLexer.Tok v = t.get(j);
        if (v.kind == SqlLexer.Kind.WORD && j + 1 < t.size() && t.get(j + 1).isOp("(")) {
            // a call whose arguments are literals and casts
            int inner = 0;
            for (j = j + 1; j < t.size(); j++) {
                SqlLexer.Tok a = t.get(j);
                if (a.isOp("(")) inner++;
                else if (a.isOp(")")) {
                    if (--inner == 0) break;
                } else if (!(a.kind == SqlLexer.Kind.STRING || a.kind == SqlLexer.Kind.NUMBER || a.isOp(",")
                        || a.isOp("::")
                        || a.kind == SqlLexer.Kind.WORD && j > 0 && t.get(j - 1).isOp("::"))) {
                    return false;
                }
            }
            if (j >= t.size()) return false;
        } else {
            boolean constant = v.kind == SqlLexer.Kind.STRING || v.kind == SqlLexer.Kind.NUMBER
                    || v.kind == SqlLexer.Kind.WORD && (Set.of("NULL", "TRUE",
                            "FALSE").contains(up(v)) || Builtins.isNiladic(v.value));
            if (!constant) return false;
        }
        j++;
        while (j + 1 < t.size() && t.get(j).isOp("::") && t.get(j + 1).kind == SqlLexer.Kind.WORD) j += 2;
        while (depth > 0 && j < t.size() && t.get(j).isOp(")")) {
            depth--;
            j++;
        }
        return depth == 0;
    }

    /** A word followed by {@code (}: a keyword, a type, a name in a name position, or a built-in scalar function. */
    private static void call(List<SqlLexer.Tok> t, int i, Dialect dialect,
            java.util.function.Predicate<String> builtin) {
        SqlLexer.Tok k = t.get(i);
        if (k.kind == SqlLexer.Kind.WORD && PAREN_WORDS.contains(up(k))) return;
        // a length or precision: a type, or a MariaDB index prefix (name(10))
        if (i + 3 < t.size() && t.get(i + 2).kind == SqlLexer.Kind.NUMBER && t.get(i + 3).isOp(")")) return;
        // the start of a possibly qualified name
        int s = i;
        while (s >= 2 && t.get(s - 1).isOp(".") && (t.get(s - 2).kind == SqlLexer.Kind.WORD
                || t.get(s - 2).kind == SqlLexer.Kind.QUOTED_IDENT)) {
            s -= 2;
        }
        if (s > 0 && t.get(s - 1).kind == SqlLexer.Kind.WORD && NAME_BEFORE.contains(up(t.get(s - 1)))) return;
        if (s == 0) throw new Refused("DDL form");
        if (k.kind == SqlLexer.Kind.QUOTED_IDENT || s != i) {
            throw new Refused("DDL calls a function that is not a built-in");
        }
        if (!builtin.test(Labels.name(dialect, k.value))) {
            throw new Refused("DDL calls " + Labels.name(dialect,
                    k.value).toLowerCase(Locale.ROOT) + ", which is not a built-in scalar function");
        }
    }

    // ---- tokens ---------------------------------------------------------------------------------------------------

    private static String up(SqlLexer.Tok t) {
        return t.kind == SqlLexer.Kind.WORD ? t.value.toUpperCase(Locale.ROOT) : "";
    }

    /** Reads the statement head. */
    private static final class Cursor {
        final List<SqlLexer.Tok> t;
        int pos;

        Cursor(List<SqlLexer.Tok> t) {
            this.t = t;
        }

        boolean more() {
            return pos < t.size();
        }

        SqlLexer.Tok next() {
            if (pos >= t.size()) throw new Refused("incomplete DDL statement");
            return t.get(pos++);
        }

        String peekUp() {
            return pos < t.size() ? up(t.get(pos)) : "";
        }

        boolean isWord(String... words) {
            if (pos >= t.size()) return false;
            for (String w : words) if (t.get(pos).isWord(w)) return true;
            return false;
        }

        boolean isOp(String v) {
            return pos < t.size() && t.get(pos).isOp(v);
        }

        void expect(String word) {
            if (!isWord(word)) throw new Refused("DDL form: expected " + word);
            pos++;
        }

        /** A possibly qualified name, as a parser {@link Table} with the parts as written. */
        Table name() {
            List<String> parts = new ArrayList<>();
            while (true) {
                if (pos >= t.size()) throw new Refused("DDL without a name");
                SqlLexer.Tok k = t.get(pos);
                if (k.kind != SqlLexer.Kind.WORD && k.kind != SqlLexer.Kind.QUOTED_IDENT) throw new Refused("DDL name");
                parts.add(k.kind == SqlLexer.Kind.QUOTED_IDENT ? quoted(k) : k.value);
                pos++;
                if (isOp(".")) {
                    pos++;
                    continue;
                }
                break;
            }
            if (parts.size() > 3) throw new Refused("DDL name with more than three parts");
            Table table = new Table(parts.get(parts.size() - 1));
            if (parts.size() >= 2) table.setSchemaName(parts.get(parts.size() - 2));
            if (parts.size() == 3) table.setDatabase(new net.sf.jsqlparser.schema.Database(parts.get(0)));
            return table;
        }

        /** The quoted form the resolver unquotes: the decoded name, requoted. */
        private static String quoted(SqlLexer.Tok k) {
            return "\"" + k.value.replace("\"", "\"\"") + "\"";
        }
    }
}
