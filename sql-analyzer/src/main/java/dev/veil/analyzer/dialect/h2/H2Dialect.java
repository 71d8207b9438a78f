package dev.veil.analyzer.dialect.h2;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.veil.analyzer.Clause;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.FunctionCategory;
import dev.veil.analyzer.internal.DialectRules;
import dev.veil.analyzer.internal.escapes.Frag;
import dev.veil.analyzer.internal.lexing.SqlLexer;
import dev.veil.analyzer.internal.resolve.Binding;
import dev.veil.analyzer.internal.resolve.Builtins;
import dev.veil.analyzer.internal.resolve.Labels;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.schema.Column;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * H2 2.3 in its regular mode, with its own JDBC driver: unquoted names fold to upper case, {@code "…"} quotes
 * identifiers, {@code //} comments, {@code $$…$$} strings, {@code @name} variables, {@code ?1} parameters.
 */
public final class H2Dialect extends Dialect implements DialectRules {

    private static final Pattern PLAIN = Pattern.compile("[A-Z_][A-Z0-9_]*");

    /** Loaded on first use: the dialect instance is made while {@link Dialect} itself is initialized. */
    private static final class Lists {
        static final Map<String, FunctionCategory> BUILTINS = Builtins.load("h2");
    }

    public H2Dialect() {
        super("H2");
    }

    @Override
    public DialectRules rules() {
        return this;
    }

    @Override
    public String foldUnquoted(String identifier) {
        return identifier.toUpperCase(Locale.ROOT);
    }

    @Override
    public String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    // ---- lexing ---------------------------------------------------------------------------------------------------

    @Override public boolean dashCommentNeedsSpace() { return false; }
    @Override public boolean hashComments() { return false; }
    @Override public boolean doubleSlashComments() { return true; }
    @Override public boolean executableComments() { return false; }
    @Override public boolean nestedBlockComments() { return true; }
    @Override public boolean unicodeEscapes() { return true; }
    @Override public boolean escapeStrings() { return false; }
    @Override public boolean doubleQuotedStrings() { return false; }
    @Override public boolean backtickIdentifiers() { return false; }
    @Override public boolean backslashEscapes() { return false; }
    @Override public boolean dollarQuotedStrings() { return true; }
    @Override public boolean dollarTagsAndParameters() { return false; }
    @Override public boolean variables() { return true; }
    @Override public boolean doubleQuestionMarkOperator() { return false; }
    @Override public boolean numberedParameters() { return true; }
    @Override public boolean hexAndBitNumbers() { return false; }
    @Override public boolean digitLeadingNames() { return false; }
    @Override public boolean dollarInWords() { return false; }

    // ---- parsing --------------------------------------------------------------------------------------------------

    @Override
    public void configureParser(CCJSqlParser parser) {
        parser.withDialect(AbstractJSqlParser.Dialect.H2);
    }

    @Override
    public SqlParser.Config calciteParser(SqlParser.Config base) {
        return base.withQuoting(Quoting.DOUBLE_QUOTE).withUnquotedCasing(Casing.TO_UPPER)
                .withQuotedCasing(Casing.UNCHANGED).withCaseSensitive(true);
    }

    // ---- names and relations --------------------------------------------------------------------------------------

    @Override
    public boolean bareIdentifier(String name) {
        return PLAIN.matcher(name).matches();
    }

    @Override public boolean catalogs() { return true; }

    @Override
    public List<String> relationSearchPath(List<String> searchPath) {
        return searchPath;
    }

    @Override
    public boolean isSystemSchema(String s) {
        return s.equals("information_schema");
    }

    /** H2's built-ins may also be qualified with PUBLIC. */
    @Override
    public boolean builtinFunctionSchema(String schema) {
        return isSystemSchema(schema.toLowerCase(Locale.ROOT)) || schema.equalsIgnoreCase("public");
    }

    @Override
    public FunctionCategory builtin(String name) {
        return Lists.BUILTINS.get(name.toLowerCase(Locale.ROOT));
    }

    @Override public boolean dualTable() { return true; }
    @Override public boolean relationNameIsWholeRow() { return false; }
    /** H2 reads the table, not the CTE, when both have the name. */
    @Override public boolean tableShadowsCte() { return true; }
    @Override public boolean excludedRow() { return false; }

    // ---- output names ---------------------------------------------------------------------------------------------

    /** ORDER BY, DISTINCT ON and GROUP BY see outputs first; expressions see inputs only. */
    @Override
    public Binding bareBinding(Clause clause) {
        return switch (clause) {
            case ORDER_BY, DISTINCT_ON, GROUP_BY -> Binding.OUTPUT_FIRST;
            default -> Binding.INPUT_ONLY;
        };
    }

    @Override
    public Binding nestedBinding(Clause clause) {
        return Binding.INPUT_ONLY;
    }

    @Override public boolean selectAliasesInWindows() { return false; }
    /** {@code GROUP BY 1} groups by the constant. */
    @Override public boolean groupByPosition() { return false; }
    @Override public boolean distinctOn() { return false; }
    @Override public boolean convertValueCommaType() { return true; }
    /** A bare merged JOIN USING column is ambiguous in a rewritten {@code *}. */
    @Override public boolean mergedColumnsNeedCoalesce() { return true; }

    // ---- labels ---------------------------------------------------------------------------------------------------

    /** The alias or column name folded, otherwise the expression rendered upper-case as H2 does. */
    @Override
    public String label(Expression e, String text) {
        if (e instanceof Column c) return Labels.name(this, c.getColumnName());
        String s = e.toString().replace(SqlLexer.PARAMETER_PLACEHOLDER, '?');
        StringBuilder b = new StringBuilder(s.length());
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                b.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                b.append(c);
            } else {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    @Override
    public String valuesColumnLabel(int position, String firstRow) {
        return "C" + position;
    }

    /** {@code SYSTEM_RANGE} returns {@code X}; {@code UNNEST} of n arrays returns {@code C1} … {@code Cn}. */
    @Override
    public List<String> tableFunctionColumns(String function, String alias, int arguments) {
        if (function.equals("system_range")) {
            return List.of("X");
        }
        if (function.equals("unnest")) {
            List<String> columns = new java.util.ArrayList<>();
            for (int i = 1; i <= Math.max(1, arguments); i++) {
                columns.add("C" + i);
            }
            return columns;
        }
        return List.of(function.toUpperCase(Locale.ROOT));
    }

    @Override public int maxAliasLength() { return 256; }

    // ---- JDBC escapes (H2's JdbcConnection.translateSQL) ----------------------------------------------------------

    @Override
    public Set<Integer> codeBraces(String text) {
        return H2TranslateSql.codeBraces(text);
    }

    @Override
    public Frag translate(Frag src, Set<Integer> processed) {
        return new H2TranslateSql(src, processed).run();
    }

    @Override
    public void checkCallArguments(String text, boolean function, List<SqlLexer.Tok> tokens, int from, int to) {
        // H2 translates a call escape's arguments like any other text
    }

    @Override
    public String functionEscapeResultLabel() {
        return null;
    }

    @Override public boolean functionEscapeMayCallProcedure() { return false; }

    // ---- statements -----------------------------------------------------------------------------------------------

    @Override public boolean setAssignsSeveral() { return false; }
    /** {@code CREATE LINKED TABLE} reads another database through a connection of its own. */
    @Override public boolean linkedTables() { return true; }
    @Override public boolean localStorageEngine(String engine) { return false; }
}
