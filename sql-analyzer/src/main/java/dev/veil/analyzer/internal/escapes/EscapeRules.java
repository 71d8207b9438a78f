package dev.veil.analyzer.internal.escapes;

import java.util.List;
import java.util.Set;

import dev.veil.analyzer.internal.lexing.SqlLexer;

/** How an engine's JDBC driver translates escape syntax before the statement reaches the server. */
public interface EscapeRules {

    /** The offsets of the braces the driver's own scanner sees outside strings, identifiers and comments. */
    Set<Integer> codeBraces(String text);

    /**
     * The driver's translation of {@code src} (call escapes already in their canonical form). Adds to
     * {@code processed} the original offset of every brace it reads as escape syntax.
     *
     * @throws EscapeRefused when the driver refuses the text, or for an escape the analyzer does not model
     */
    Frag translate(Frag src, Set<Integer> processed);

    /**
     * Refuses a call escape's argument list (tokens {@code [from, to)}) that the driver reads differently from the
     * server. {@code function}: the escape is {@code {? = call f(…)}}.
     */
    void checkCallArguments(String text, boolean function, List<SqlLexer.Tok> tokens, int from, int to);
}
