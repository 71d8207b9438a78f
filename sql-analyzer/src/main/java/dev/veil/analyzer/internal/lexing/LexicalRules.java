package dev.veil.analyzer.internal.lexing;

/**
 * How an engine reads SQL text: what is a comment, a string, a quoted identifier, a parameter. {@link SqlLexer}
 * asks; each engine's dialect answers, for the server's default settings.
 */
public interface LexicalRules {

    /** {@code --} starts a comment only when whitespace, a control character or the end follows (MariaDB). */
    boolean dashCommentNeedsSpace();

    /** {@code #} starts a line comment, and ends an operator (MariaDB). */
    boolean hashComments();

    /** {@code //} starts a line comment (H2). */
    boolean doubleSlashComments();

    /** {@code /*! … *&#47;} and {@code /*M! … *&#47;} are code, not comments (MariaDB). */
    boolean executableComments();

    /** Block comments nest: {@code /* /* *&#47; *&#47;}. */
    boolean nestedBlockComments();

    /** {@code U&'…'} strings and {@code U&"…"} identifiers, with an optional {@code UESCAPE}. */
    boolean unicodeEscapes();

    /** {@code E'…'} strings with backslash escapes (PostgreSQL). */
    boolean escapeStrings();

    /** {@code "…"} is a string; otherwise it quotes an identifier. */
    boolean doubleQuotedStrings();

    /** Backticks quote identifiers; otherwise a backtick is an operator character. */
    boolean backtickIdentifiers();

    /** Strings (not backtick-quoted names) take backslash escapes. */
    boolean backslashEscapes();

    /** {@code $$…$$} strings. */
    boolean dollarQuotedStrings();

    /** {@code $tag$…$tag$} strings and {@code $1} parameters (PostgreSQL). */
    boolean dollarTagsAndParameters();

    /** {@code @name} and {@code @@name} are variables. */
    boolean variables();

    /** {@code ??} is the {@code ?} operator, as the JDBC driver sends it (pgjdbc). */
    boolean doubleQuestionMarkOperator();

    /** {@code ?1} is a numbered parameter (H2). */
    boolean numberedParameters();

    /** {@code 0x…} and {@code 0b…} literals (MariaDB). */
    boolean hexAndBitNumbers();

    /** Names may begin with digits: {@code 1abc} is a name (MariaDB). */
    boolean digitLeadingNames();

    /** {@code $} may continue a name. */
    boolean dollarInWords();
}
