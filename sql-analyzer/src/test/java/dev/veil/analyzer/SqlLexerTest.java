package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.veil.analyzer.internal.lexing.SqlLexer;
import dev.veil.analyzer.internal.parsing.JsqlParsing;
import dev.veil.analyzer.internal.parsing.ParseCheck;

import org.junit.jupiter.api.Test;

/** The lexer sees text the way each database does; where JSqlParser sees it differently the analysis is UNKNOWN. */
class SqlLexerTest {

    private static SqlLexer.Lexed lex(Dialect d, String sql) {
        return SqlLexer.lex(sql, d, 64);
    }

    private static List<String> kinds(SqlLexer.Lexed l) {
        return l.tokens().stream().map(t -> t.kind + ":" + t.value).toList();
    }

    private static StatementAnalysis analyze(Dialect d, String sql) {
        return new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false))
                .analyze(sql, d, TestCatalogs.of(d)).statements().get(0);
    }

    // ---- PostgreSQL ---------------------------------------------------------------------------------------------

    @Test
    void postgresNestsBlockComments() {
        SqlLexer.Lexed l = lex(Dialect.POSTGRESQL, "SELECT 1 /* a /* b */ c */ x");
        assertThat(kinds(l)).containsExactly("WORD:SELECT", "NUMBER:1", "COMMENT:/* a /* b */ c */", "WORD:x");
    }

    @Test
    void aQuestionMarkIsAParameterWhatFollowsIt() {
        // pgjdbc replaces every ? by a parameter before PostgreSQL's lexer could make it part of an operator
        assertThat(kinds(lex(Dialect.POSTGRESQL, "SELECT 'a'||?||'b'")))
                .containsExactly("WORD:SELECT", "STRING:a", "OPERATOR:||", "PARAM:?", "OPERATOR:||", "STRING:b");
        assertThat(kinds(lex(Dialect.POSTGRESQL, "SELECT j ?? 'k'"))).contains("OPERATOR:??");
    }

    @Test
    void aParameterBeforeABarIsAPlaceholderForTheParser() {
        SqlLexer.Lexed l = lex(Dialect.MARIADB, "SELECT ?||x, ? || y, ?&z");
        assertThat(l.placeholders()).containsExactlyInAnyOrder(7, 21);
        assertThat(l.parseText()).isEqualTo("SELECT \u0294||x, ? || y, \u0294&z");
        assertThat(l.text()).isEqualTo("SELECT ?||x, ? || y, ?&z");
    }

    @Test
    void postgresDashDashAlwaysComments() {
        assertThat(kinds(lex(Dialect.POSTGRESQL, "SELECT 1--1"))).containsExactly("WORD:SELECT", "NUMBER:1",
                "COMMENT:--1");
    }

    @Test
    void postgresStandardStringsHaveNoBackslashEscapes() {
        SqlLexer.Lexed l = lex(Dialect.POSTGRESQL, "SELECT 'a\\', b");
        assertThat(kinds(l)).containsExactly("WORD:SELECT", "STRING:a\\", "OPERATOR:,", "WORD:b");
    }

    @Test
    void postgresEscapeStringsDecodeAndAreGivenToTheParserAsPlainStrings() {
        SqlLexer.Lexed l = lex(Dialect.POSTGRESQL, "SELECT E'a\\'b\\n', 1");
        assertThat(l.tokens().get(1).kind).isEqualTo(SqlLexer.Kind.STRING);
        assertThat(l.tokens().get(1).value).isEqualTo("a'b\n");
        assertThat(l.parseText()).hasSameSizeAs("SELECT E'a\\'b\\n', 1").startsWith("SELECT 'a''b\n' ");
    }

    @Test
    void postgresDollarQuotesWithTags() {
        SqlLexer.Lexed l = lex(Dialect.POSTGRESQL, "SELECT $tag$ it's $$ ; $tag$, $1");
        assertThat(kinds(l)).containsExactly("WORD:SELECT", "STRING: it's $$ ; ", "OPERATOR:,", "PARAM:$1");
        assertThat(l.segments()).hasSize(1);
    }

    @Test
    void postgresUnicodeEscapes() {
        SqlLexer.Lexed l = lex(Dialect.POSTGRESQL, "SELECT U&\"d\\0061t\", U&'!0041' UESCAPE '!'");
        assertThat(l.tokens().get(1).kind).isEqualTo(SqlLexer.Kind.QUOTED_IDENT);
        assertThat(l.tokens().get(1).value).isEqualTo("dat");
        assertThat(l.tokens().get(3).kind).isEqualTo(SqlLexer.Kind.STRING);
        assertThat(l.tokens().get(3).value).isEqualTo("A");
        assertThat(analyze(Dialect.POSTGRESQL, "SELECT U&\"\\0073sn\" FROM users").outputColumns())
                .extracting(OutputColumn::label).containsExactly("ssn");
    }

    @Test
    void postgresQuotedIdentifierWithDoubledQuote() {
        assertThat(lex(Dialect.POSTGRESQL, "SELECT \"a\"\"b\"").tokens().get(1).value).isEqualTo("a\"b");
    }

    @Test
    void lineBreaksBetweenTokensReachTheParserAsSpacesExceptAfterLineComments() {
        String sql = "SELECT a,\n\n\nb -- c\r\n\r\nFROM t";
        SqlLexer.Lexed l = lex(Dialect.POSTGRESQL, sql);
        assertThat(l.parseText()).isEqualTo("SELECT a,   b -- c\r\n  FROM t");
    }

    @Test
    void semicolonsSplitOnlyAtTopLevel() {
        SqlLexer.Lexed l = lex(Dialect.POSTGRESQL, "SELECT ';'; /* ; */ SELECT $$;$$ -- ;\n; ;");
        assertThat(l.segments()).hasSize(2);
    }

    @Test
    void unterminatedFormsAreErrors() {
        assertThat(lex(Dialect.POSTGRESQL, "SELECT 'x").error()).contains("unterminated string");
        assertThat(lex(Dialect.POSTGRESQL, "SELECT /* /* */").error()).contains("unterminated comment");
        assertThat(lex(Dialect.POSTGRESQL, "SELECT $a$ x").error()).contains("unterminated dollar-quoted");
        assertThat(lex(Dialect.POSTGRESQL, "SELECT \"x").error()).contains("unterminated quoted identifier");
    }

    @Test
    void nestingDepthIsLimited() {
        String deep = "SELECT " + "(".repeat(70) + "1" + ")".repeat(70);
        assertThat(lex(Dialect.POSTGRESQL, deep).error()).contains("nesting deeper than 64");
        assertThat(analyze(Dialect.POSTGRESQL, deep).unknownReason()).get().asString().contains("nesting");
    }

    // ---- MariaDB ------------------------------------------------------------------------------------------------

    @Test
    void mariadbDashDashNeedsWhitespace() {
        assertThat(kinds(lex(Dialect.MARIADB, "SELECT 1--1"))).containsExactly("WORD:SELECT", "NUMBER:1", "OPERATOR:--",
                "NUMBER:1");
        assertThat(kinds(lex(Dialect.MARIADB, "SELECT 1-- 1"))).containsExactly("WORD:SELECT", "NUMBER:1",
                "COMMENT:-- 1");
        assertThat(kinds(lex(Dialect.MARIADB, "SELECT 1--\t1"))).containsExactly("WORD:SELECT", "NUMBER:1",
                "COMMENT:--\t1");
    }

    @Test
    void mariadbDashDashDifferentialFailsClosed() {
        // JSqlParser reads --1 as a comment; MariaDB computes 1 - (-1): the two disagree, so the analysis refuses
        StatementAnalysis s = analyze(Dialect.MARIADB, "SELECT 1--1");
        assertThat(s.isUnknown()).isTrue();
        assertThat(s.unknownReason().orElseThrow()).contains("lexer and parser disagree");
        StatementAnalysis hidden = analyze(Dialect.MARIADB, "SELECT id--1\n, ssn FROM users");
        assertThat(hidden.isUnknown()).isTrue();
    }

    @Test
    void mariadbHashComments() {
        assertThat(kinds(lex(Dialect.MARIADB, "SELECT 1 # x ; y\n"))).containsExactly("WORD:SELECT", "NUMBER:1",
                "COMMENT:# x ; y");
        assertThat(kinds(lex(Dialect.POSTGRESQL, "SELECT 1 # 2"))).contains("OPERATOR:#");
    }

    @Test
    void mariadbExecutableCommentsAreCode() {
        for (String open : List.of("/*!", "/*!50000", "/*!999999", "/*M!", "/*M!100101")) {
            String sql = "SELECT id " + open + " , ssn */ FROM users";
            SqlLexer.Lexed l = lex(Dialect.MARIADB, sql);
            assertThat(l.error()).isNull();
            assertThat(l.parseText()).hasSameSizeAs(sql).doesNotContain("/*").doesNotContain("*/").contains(", ssn");
            StatementAnalysis s = analyze(Dialect.MARIADB, sql);
            assertThat(s.outputColumns()).extracting(OutputColumn::label).as(open).containsExactly("id", "ssn");
        }
    }

    @Test
    void mariadbOrdinaryAndHintCommentsStayComments() {
        assertThat(analyze(Dialect.MARIADB, "SELECT id /* , ssn */ FROM users").outputColumns()).hasSize(1);
        assertThat(analyze(Dialect.MARIADB, "SELECT /*+ hint */ id FROM users").outputColumns()).hasSize(1);
    }

    @Test
    void mariadbExecutableCommentsDoNotNest() {
        assertThat(lex(Dialect.MARIADB, "SELECT /*! 1 /*! 2 */ */").error()).contains("nested executable comment");
    }

    @Test
    void mariadbBackslashEscapesInBothQuoteForms() {
        SqlLexer.Lexed l = lex(Dialect.MARIADB, "SELECT 'a\\'b', \"c\\\"d\", 'e''f'");
        assertThat(l.tokens()).filteredOn(t -> t.kind == SqlLexer.Kind.STRING).extracting(t -> t.value)
                .containsExactly("a'b", "c\"d", "e'f");
    }

    @Test
    void mariadbDoubleQuotesAreStringsAndBackticksIdentifiers() {
        SqlLexer.Lexed l = lex(Dialect.MARIADB, "SELECT \"x\", `a``b`");
        assertThat(l.tokens().get(1).kind).isEqualTo(SqlLexer.Kind.STRING);
        assertThat(l.tokens().get(3).kind).isEqualTo(SqlLexer.Kind.QUOTED_IDENT);
        assertThat(l.tokens().get(3).value).isEqualTo("a`b");
        assertThat(analyze(Dialect.MARIADB, "SELECT \"ssn\" FROM users").outputColumns().get(0).sources()).isEmpty();
    }

    @Test
    void mariadbVariables() {
        SqlLexer.Lexed l = lex(Dialect.MARIADB, "SELECT @a, @@session.sql_mode, @`odd name`");
        assertThat(l.tokens()).filteredOn(t -> t.kind == SqlLexer.Kind.VARIABLE).extracting(t -> t.value)
                .containsExactly("@a", "@@session.sql_mode", "@odd name");
    }

    // ---- H2 -----------------------------------------------------------------------------------------------------

    @Test
    void h2SlashSlashCommentsAndNestedBlocks() {
        assertThat(kinds(lex(Dialect.H2, "SELECT 1 // x\n"))).containsExactly("WORD:SELECT", "NUMBER:1",
                "COMMENT:// x");
        assertThat(kinds(lex(Dialect.H2, "SELECT 1 /* /* */ */"))).containsExactly("WORD:SELECT", "NUMBER:1",
                "COMMENT:/* /* */ */");
        assertThat(kinds(lex(Dialect.H2, "SELECT $$a'b$$"))).containsExactly("WORD:SELECT", "STRING:a'b");
    }

    // ---- the differential check ---------------------------------------------------------------------------------

    @Test
    void parserSkippingExecutedCodeIsDetected() throws Exception {
        SqlLexer.Lexed l = lex(Dialect.MARIADB, "SELECT 1--1");
        SqlLexer.Segment seg = l.segments().get(0);
        JsqlParsing.Parsed p = JsqlParsing.parse(l.parseText(), Dialect.MARIADB, 2000, 64);
        assertThat(ParseCheck.compare(seg, 0, p.tokens())).contains("skips code");
    }

    @Test
    void agreeingViewsPass() throws Exception {
        String sql = "SELECT 'a;b', \"x\" FROM t /* c */ WHERE y = $$z$$";
        SqlLexer.Lexed l = lex(Dialect.POSTGRESQL, sql);
        JsqlParsing.Parsed p = JsqlParsing.parse(l.parseText(), Dialect.POSTGRESQL, 2000, 64);
        assertThat(ParseCheck.compare(l.segments().get(0), 0, p.tokens())).isNull();
    }

    @Test
    void parserReadingACommentAsCodeIsDetected() throws Exception {
        // The lexer is told (via a synthetic segment) that "ssn" is inside a comment; JSqlParser reads it as code.
        String sql = "SELECT ssn FROM t";
        SqlLexer.Lexed l = lex(Dialect.POSTGRESQL, sql);
        List<SqlLexer.Tok> toks = new java.util.ArrayList<>(l.tokens());
        SqlLexer.Tok ssn = toks.get(1);
        toks.set(1, new SqlLexer.Tok(SqlLexer.Kind.COMMENT, ssn.start, ssn.end, ssn.start, ssn.end, ssn.value));
        SqlLexer.Segment seg = new SqlLexer.Segment(0, sql.length(), toks);
        JsqlParsing.Parsed p = JsqlParsing.parse(sql, Dialect.POSTGRESQL, 2000, 64);
        assertThat(ParseCheck.compare(seg, 0, p.tokens())).contains("the lexer sees a comment");
    }

    @Test
    void differentStringBoundariesAreDetected() throws Exception {
        // The lexer says the string ends later than JSqlParser does (as with a backslash escape one side ignores).
        String sql = "SELECT 'a', b FROM t";
        SqlLexer.Lexed l = lex(Dialect.POSTGRESQL, sql);
        SqlLexer.Tok str = l.tokens().get(1);
        SqlLexer.Tok wide = new SqlLexer.Tok(SqlLexer.Kind.STRING, str.start, 13, str.start, 13, "a', b");
        List<SqlLexer.Tok> toks = new java.util.ArrayList<>(List.of(l.tokens().get(0), wide));
        toks.addAll(l.tokens().subList(4, l.tokens().size()));
        SqlLexer.Segment seg = new SqlLexer.Segment(0, sql.length(), toks);
        JsqlParsing.Parsed p = JsqlParsing.parse(sql, Dialect.POSTGRESQL, 2000, 64);
        assertThat(ParseCheck.compare(seg, 0, p.tokens())).contains("quoted token");
    }

    // ---- tokens alone -------------------------------------------------------------------------------------------

    @Test
    void tokensAloneAreWhatTheFullLexingFinds() {
        List<String> texts = List.of("SELECT id, email FROM t WHERE id = 5", "SELECT 'a''b', E'\\x', 1.5e3 FROM t",
                "SELECT /*! STRAIGHT_JOIN */ a # note\n FROM t; SELECT 2", "SELECT $a$ x $a$, ?|?, x -- c\n",
                "SELECT `a``b`, @v, @@session.x, 1abc FROM t", "SELECT 'x", "SELECT /* /* */", "SELECT ((((1))))");
        for (Dialect d : Dialect.values()) {
            for (String sql : texts) {
                SqlLexer.Lexed full = SqlLexer.lex(sql, d, 3);
                SqlLexer.Tokens alone = SqlLexer.tokens(sql, d, 3);
                assertThat(alone.error()).as(d + ": " + sql).isEqualTo(full.error());
                assertThat(alone.tokens().stream().map(t -> t.kind + ":" + t.start + ":" + t.end + ":" + t.value))
                        .as(d + ": " + sql).containsExactlyElementsOf(full.tokens().stream()
                                .map(t -> t.kind + ":" + t.start + ":" + t.end + ":" + t.value).toList());
            }
        }
    }
}
