package dev.veil.analyzer.internal;

import dev.veil.analyzer.internal.escapes.EscapeRules;
import dev.veil.analyzer.internal.lexing.LexicalRules;
import dev.veil.analyzer.internal.resolve.ResolutionRules;

import net.sf.jsqlparser.parser.CCJSqlParser;

import org.apache.calcite.sql.parser.SqlParser;

/**
 * Every engine-specific rule the analyzer applies, answered by each engine's {@link dev.veil.analyzer.Dialect}: how
 * its text is lexed and parsed, how names resolve and results are labelled, how its JDBC driver translates escapes,
 * and the few statement-level differences.
 */
public interface DialectRules extends LexicalRules, ResolutionRules, EscapeRules {

    /** Sets JSqlParser up for the engine's syntax. */
    void configureParser(CCJSqlParser parser);

    /** Calcite's parser configuration (quoting and casing) for the engine, from {@code base}. */
    SqlParser.Config calciteParser(SqlParser.Config base);

    /** Whether the dialect reads {@code name} written bare as that very name (keywords aside). */
    boolean bareIdentifier(String name);

    /** The longest label an alias can carry. */
    int maxAliasLength();

    /** Whether one SET assigns several settings ({@code SET a = 1, b = 2}, MariaDB). */
    boolean setAssignsSeveral();

    /** Whether {@code CREATE … LINKED TABLE} reads another database through a connection of its own (H2). */
    boolean linkedTables();

    /** Whether a (upper-case) storage engine keeps its rows in the database itself (MariaDB's local engines). */
    boolean localStorageEngine(String engine);

    /**
     * The label of a JDBC function call escape's value ({@code {? = call f(…)}}) when the driver reads it from a
     * function scan ({@code result}, pgjdbc), or null when it is the select item's own.
     */
    String functionEscapeResultLabel();

    /**
     * Whether the driver may send a function call escape as {@code CALL} (pgjdbc's {@code escapeSyntaxCallMode}),
     * so that a routine that is not a built-in may be a procedure.
     */
    boolean functionEscapeMayCallProcedure();
}
