package dev.veil.analyzer.dialect.postgresql;

import java.util.ArrayList;
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

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * PostgreSQL (with {@code standard_conforming_strings = on}) and pgjdbc 42.7: unquoted names fold to lower case,
 * {@code "…"} quotes identifiers, {@code E'…'}, {@code U&'…'} and dollar-quoted strings, nested block comments.
 */
public final class PostgreSqlDialect extends Dialect implements DialectRules {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema", "pg_toast");

    /** Loaded on first use: the dialect instance is made while {@link Dialect} itself is initialized. */
    private static final class Lists {
        static final Map<String, FunctionCategory> BUILTINS = Builtins.load("postgresql");
    }

    public PostgreSqlDialect() {
        super("POSTGRESQL");
    }

    @Override
    public DialectRules rules() {
        return this;
    }

    @Override
    public String foldUnquoted(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    @Override
    public String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    // ---- lexing ---------------------------------------------------------------------------------------------------

    @Override public boolean dashCommentNeedsSpace() { return false; }
    @Override public boolean hashComments() { return false; }
    @Override public boolean doubleSlashComments() { return false; }
    @Override public boolean executableComments() { return false; }
    @Override public boolean nestedBlockComments() { return true; }
    @Override public boolean unicodeEscapes() { return true; }
    @Override public boolean escapeStrings() { return true; }
    @Override public boolean doubleQuotedStrings() { return false; }
    @Override public boolean backtickIdentifiers() { return false; }
    @Override public boolean backslashEscapes() { return false; }
    @Override public boolean dollarQuotedStrings() { return true; }
    @Override public boolean dollarTagsAndParameters() { return true; }
    @Override public boolean variables() { return false; }
    @Override public boolean doubleQuestionMarkOperator() { return true; }
    @Override public boolean numberedParameters() { return false; }
    @Override public boolean hexAndBitNumbers() { return false; }
    @Override public boolean digitLeadingNames() { return false; }
    @Override public boolean dollarInWords() { return true; }

    // ---- parsing --------------------------------------------------------------------------------------------------

    @Override
    public void configureParser(CCJSqlParser parser) {
        parser.withDialect(AbstractJSqlParser.Dialect.POSTGRESQL);
    }

    @Override
    public SqlParser.Config calciteParser(SqlParser.Config base) {
        return base.withQuoting(Quoting.DOUBLE_QUOTE).withUnquotedCasing(Casing.TO_LOWER)
                .withQuotedCasing(Casing.UNCHANGED).withCaseSensitive(true);
    }

    // ---- names and relations --------------------------------------------------------------------------------------

    @Override
    public boolean bareIdentifier(String name) {
        return PLAIN.matcher(name).matches();
    }

    @Override public boolean catalogs() { return true; }

    /** {@code pg_catalog} is searched first when the path does not name it (after {@code pg_temp}). */
    @Override
    public List<String> relationSearchPath(List<String> searchPath) {
        List<String> path = new ArrayList<>(searchPath);
        if (!path.contains("pg_catalog")) {
            int tempAt = !path.isEmpty() && path.get(0).startsWith("pg_temp") ? 1 : 0;
            path.add(tempAt, "pg_catalog");
        }
        return path;
    }

    @Override
    public boolean isSystemSchema(String s) {
        return SYSTEM_SCHEMAS.contains(s) || s.startsWith("pg_toast");
    }

    @Override
    public boolean builtinFunctionSchema(String schema) {
        return isSystemSchema(schema.toLowerCase(Locale.ROOT));
    }

    @Override
    public FunctionCategory builtin(String name) {
        return Lists.BUILTINS.get(name.toLowerCase(Locale.ROOT));
    }

    @Override public boolean dualTable() { return false; }
    @Override public boolean relationNameIsWholeRow() { return true; }
    @Override public boolean tableShadowsCte() { return false; }
    @Override public boolean excludedRow() { return true; }

    // ---- output names ---------------------------------------------------------------------------------------------

    /** ORDER BY and DISTINCT ON see outputs first, GROUP BY inputs first; expressions see inputs only. */
    @Override
    public Binding bareBinding(Clause clause) {
        return switch (clause) {
            case ORDER_BY, DISTINCT_ON -> Binding.OUTPUT_FIRST;
            case GROUP_BY -> Binding.INPUT_FIRST;
            default -> Binding.INPUT_ONLY;
        };
    }

    @Override
    public Binding nestedBinding(Clause clause) {
        return Binding.INPUT_ONLY;
    }

    @Override public boolean selectAliasesInWindows() { return false; }
    @Override public boolean groupByPosition() { return true; }
    @Override public boolean distinctOn() { return true; }
    @Override public boolean convertValueCommaType() { return false; }
    @Override public boolean mergedColumnsNeedCoalesce() { return false; }

    // ---- labels ---------------------------------------------------------------------------------------------------

    @Override
    public String label(Expression e, String text) {
        return PostgreSqlLabels.of(e);
    }

    @Override
    public String valuesColumnLabel(int position, String firstRow) {
        return "column" + position;
    }

    /**
     * A function returning a base type names its one column after its alias, else after itself ({@code unnest} of
     * several arrays: one such column each); one with OUT parameters names its columns after them.
     */
    @Override
    public List<String> tableFunctionColumns(String function, String alias, int arguments) {
        return switch (function) {
            case "json_array_elements", "jsonb_array_elements", "json_array_elements_text",
                 "jsonb_array_elements_text" -> List.of("value");
            case "json_each", "jsonb_each", "json_each_text", "jsonb_each_text" -> List.of("key", "value");
            case "unnest" -> java.util.Collections.nCopies(Math.max(1, arguments), alias != null ? alias : function);
            default -> List.of(alias != null ? alias : function);
        };
    }

    @Override public int maxAliasLength() { return 63; }

    // ---- JDBC escapes (pgjdbc) ------------------------------------------------------------------------------------

    @Override
    public Set<Integer> codeBraces(String text) {
        return PgJdbcEscapes.codeBraces(text);
    }

    @Override
    public Frag translate(Frag src, Set<Integer> processed) {
        return new PgJdbcEscapes(src, processed).run();
    }

    /**
     * pgjdbc finds the closing brace of a call escape knowing only single-quoted strings: a quote, brace or
     * semicolon in an identifier or comment would end it elsewhere.
     */
    @Override
    public void checkCallArguments(String text, boolean function, List<SqlLexer.Tok> tokens, int from, int to) {
        for (SqlLexer.Tok t : tokens) {
            if (t.start < from || t.end > to) continue;
            String raw = text.substring(t.start, t.end);
            boolean plain = switch (t.kind) {
                case STRING -> raw.startsWith("'");
                case QUOTED_IDENT, COMMENT -> raw.indexOf('\'') < 0 && raw.indexOf('{') < 0 && raw.indexOf('}') < 0
                        && raw.indexOf(';') < 0;
                default -> true;
            };
            if (!plain) throw new
                    EscapeRefused("pgjdbc reads the arguments of a call escape differently from the server");
        }
    }

    /** pgjdbc sends {@code {? = call f(…)}} as {@code select * from f(…) as result}. */
    @Override
    public String functionEscapeResultLabel() {
        return "result";
    }

    /** ... or, with {@code escapeSyntaxCallMode=call}, as {@code call f(…)}: f may be a procedure. */
    @Override public boolean functionEscapeMayCallProcedure() { return true; }

    // ---- statements -----------------------------------------------------------------------------------------------

    @Override public boolean setAssignsSeveral() { return false; }
    @Override public boolean linkedTables() { return false; }
    @Override public boolean localStorageEngine(String engine) { return false; }
}
