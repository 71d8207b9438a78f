package dev.veil.analyzer.dialect.mariadb;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.veil.analyzer.Clause;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.FunctionCategory;
import dev.veil.analyzer.internal.DialectRules;
import dev.veil.analyzer.internal.escapes.EscapeRefused;
import dev.veil.analyzer.internal.escapes.Frag;
import dev.veil.analyzer.internal.lexing.SqlLexer;
import dev.veil.analyzer.internal.resolve.Binding;
import dev.veil.analyzer.internal.resolve.Builtins;
import dev.veil.analyzer.internal.resolve.Labels;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.schema.Column;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * MariaDB and MySQL (without {@code ANSI_QUOTES} or {@code NO_BACKSLASH_ESCAPES}) and MariaDB Connector/J 3.5:
 * backticks quote identifiers, {@code "…"} is a string, strings take backslash escapes, executable comments are
 * code; table names are case-sensitive, column names are not; databases are schemas (no catalog level).
 */
public final class MariaDbDialect extends Dialect implements DialectRules {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "performance_schema", "mysql",
            "sys");
    /** Storage engines that keep their rows in the database itself. */
    private static final Set<String> LOCAL_ENGINES = Set.of("INNODB", "MYISAM", "ARIA", "MEMORY", "HEAP", "ARCHIVE",
            "BLACKHOLE", "ROCKSDB", "COLUMNSTORE", "MROONGA", "SEQUENCE");

    /** Loaded on first use: the dialect instance is made while {@link Dialect} itself is initialized. */
    private static final class Lists {
        static final Map<String, FunctionCategory> BUILTINS = Builtins.load("mariadb");
    }

    public MariaDbDialect() {
        super("MARIADB");
    }

    @Override
    public DialectRules rules() {
        return this;
    }

    @Override
    public String foldUnquoted(String identifier) {
        return identifier;
    }

    /** Column names ignore case. */
    @Override
    public boolean sameColumnName(String a, String b) {
        return a.equalsIgnoreCase(b);
    }

    @Override
    public String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    // ---- lexing ---------------------------------------------------------------------------------------------------

    @Override public boolean dashCommentNeedsSpace() { return true; }
    @Override public boolean hashComments() { return true; }
    @Override public boolean doubleSlashComments() { return false; }
    @Override public boolean executableComments() { return true; }
    @Override public boolean nestedBlockComments() { return false; }
    @Override public boolean unicodeEscapes() { return false; }
    @Override public boolean escapeStrings() { return false; }
    @Override public boolean doubleQuotedStrings() { return true; }
    @Override public boolean backtickIdentifiers() { return true; }
    @Override public boolean backslashEscapes() { return true; }
    @Override public boolean dollarQuotedStrings() { return false; }
    @Override public boolean dollarTagsAndParameters() { return false; }
    @Override public boolean variables() { return true; }
    @Override public boolean doubleQuestionMarkOperator() { return false; }
    @Override public boolean numberedParameters() { return false; }
    @Override public boolean hexAndBitNumbers() { return true; }
    @Override public boolean digitLeadingNames() { return true; }
    @Override public boolean dollarInWords() { return true; }

    // ---- parsing --------------------------------------------------------------------------------------------------

    @Override
    public void configureParser(CCJSqlParser parser) {
        parser.withDialect(AbstractJSqlParser.Dialect.MARIADB)
                .withBackslashEscapeCharacter(true)
                .withHashLineComments(true);
    }

    @Override
    public SqlParser.Config calciteParser(SqlParser.Config base) {
        return base.withQuoting(Quoting.BACK_TICK).withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED).withCaseSensitive(false);
    }

    // ---- names and relations --------------------------------------------------------------------------------------

    @Override
    public boolean bareIdentifier(String name) {
        return PLAIN.matcher(name).matches();
    }

    @Override public boolean catalogs() { return false; }

    @Override
    public List<String> relationSearchPath(List<String> searchPath) {
        return searchPath;
    }

    @Override
    public boolean isSystemSchema(String s) {
        return SYSTEM_SCHEMAS.contains(s);
    }

    @Override
    public boolean builtinFunctionSchema(String schema) {
        return isSystemSchema(schema.toLowerCase(Locale.ROOT));
    }

    @Override
    public FunctionCategory builtin(String name) {
        return Lists.BUILTINS.get(name.toLowerCase(Locale.ROOT));
    }

    @Override public boolean dualTable() { return true; }
    @Override public boolean relationNameIsWholeRow() { return false; }
    @Override public boolean tableShadowsCte() { return false; }
    @Override public boolean excludedRow() { return false; }

    // ---- output names ---------------------------------------------------------------------------------------------

    /**
     * ORDER BY and window ORDER BY see outputs first; GROUP BY and PARTITION BY inputs first; HAVING either, but a
     * name that could be both is refused (outside aggregates an alias wins, inside them the input column).
     */
    @Override
    public Binding bareBinding(Clause clause) {
        return switch (clause) {
            case ORDER_BY, WINDOW_ORDER -> Binding.OUTPUT_FIRST;
            case GROUP_BY, WINDOW_PARTITION -> Binding.INPUT_FIRST;
            case HAVING -> Binding.EXCLUSIVE;
            default -> Binding.INPUT_ONLY;
        };
    }

    /** Inside expressions output aliases are seen after inputs. */
    @Override
    public Binding nestedBinding(Clause clause) {
        return switch (clause) {
            case ORDER_BY, WINDOW_ORDER, GROUP_BY, WINDOW_PARTITION -> Binding.INPUT_FIRST;
            case HAVING -> Binding.EXCLUSIVE;
            default -> Binding.INPUT_ONLY;
        };
    }

    @Override public boolean selectAliasesInWindows() { return true; }
    @Override public boolean groupByPosition() { return true; }
    @Override public boolean distinctOn() { return false; }
    @Override public boolean convertValueCommaType() { return true; }
    @Override public boolean mergedColumnsNeedCoalesce() { return false; }

    // ---- labels ---------------------------------------------------------------------------------------------------

    /** The column name as written, the value of a string literal, otherwise the expression exactly as written. */
    @Override
    public String label(Expression e, String text) {
        if (e instanceof Column c) return Labels.name(this, c.getColumnName());
        if (e instanceof StringValue s) return s.getValue();
        if (e instanceof NullValue) return "NULL";
        return text;
    }

    /** A VALUES column is labelled with its first row's cell as written. */
    @Override
    public String valuesColumnLabel(int position, String firstRow) {
        return firstRow;
    }

    @Override
    public List<String> tableFunctionColumns(String function, String alias, int arguments) {
        return List.of(function);
    }

    @Override public int maxAliasLength() { return 256; }

    // ---- JDBC escapes (MariaDB Connector/J) -----------------------------------------------------------------------

    @Override
    public Set<Integer> codeBraces(String text) {
        return MariaDbNativeSql.codeBraces(text);
    }

    @Override
    public Frag translate(Frag src, Set<Integer> processed) {
        return new MariaDbNativeSql(processed).parse(src);
    }

    /** {@code prepareCall} sends a function's arguments without translating their escapes. */
    @Override
    public void checkCallArguments(String text, boolean function, List<SqlLexer.Tok> tokens, int from, int to) {
        for (SqlLexer.Tok t : tokens) {
            if (t.start < from || t.end > to) continue;
            if (function && t.isOp("{")) {
                throw new
                        EscapeRefused("escapes in the arguments of a MariaDB function call escape reach the server "
                                + "untranslated");
            }
        }
    }

    @Override
    public String functionEscapeResultLabel() {
        return null;
    }

    @Override public boolean functionEscapeMayCallProcedure() { return false; }

    // ---- statements -----------------------------------------------------------------------------------------------

    @Override public boolean setAssignsSeveral() { return true; }
    @Override public boolean linkedTables() { return false; }

    @Override
    public boolean localStorageEngine(String engine) {
        return LOCAL_ENGINES.contains(engine);
    }
}
