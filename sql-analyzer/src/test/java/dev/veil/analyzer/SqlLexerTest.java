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
    void aValueKeepsEveryPartAroundItsEscapes() {
        SqlLexer.Lexed l = lex(Dialect.MARIADB, "SELECT 'ab\\'cd''ef\\ngh', '', 'plain', ''''");
        assertThat(l.tokens()).filteredOn(t -> t.kind == SqlLexer.Kind.STRING).extracting(t -> t.value)
                .containsExactly("ab'cd'ef\ngh", "", "plain", "'");
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
    void onlyAsciiDigitsMakeNumbers() {
        // other Unicode digits are characters of names to PostgreSQL and MariaDB: "g = \u0661" reads a column
        for (Dialect d : new Dialect[] {Dialect.POSTGRESQL, Dialect.MARIADB, Dialect.H2}) {
            assertThat(kinds(lex(d, "SELECT \u0661, \uff11"))).as(d.toString())
                    .containsExactly("WORD:SELECT", "WORD:\u0661", "OPERATOR:,", "WORD:\uff11");
        }
        assertThat(kinds(lex(Dialect.MARIADB, "SELECT 1\u0661"))).containsExactly("WORD:SELECT", "WORD:1\u0661");
        assertThat(kinds(lex(Dialect.MARIADB, "SELECT /*!1\u0661 x */"))).contains("WORD:\u0661");
    }

    @Test
    void mariadbHexAndBitNumbersOnlyWithTheirDigits() {
        assertThat(kinds(lex(Dialect.MARIADB, "SELECT 0x1F, 0b101, 0xg, 0x1g, 0x, 0b2, 0b1z, 0X1F")))
                .containsExactly("WORD:SELECT", "NUMBER:0x1F", "OPERATOR:,", "NUMBER:0b101", "OPERATOR:,",
                        "WORD:0xg", "OPERATOR:,", "WORD:0x1g", "OPERATOR:,", "WORD:0x", "OPERATOR:,", "WORD:0b2",
                        "OPERATOR:,", "WORD:0b1z", "OPERATOR:,", "WORD:0X1F");
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

    /** Shapes compare token streams from {@code tokens}: exactly the tokens and errors {@code lex} finds. */
    @Test
    void tokensAreTheTokensLexFinds() {
        List<String> texts = List.of("SELECT id, email FROM t WHERE id = 17 AND city <> 'x1'",
                "SELECT 1 /* a /* b */ c */ x", "SELECT 'a'||?||'b', ?&z", "SELECT E'a\\'b', U&'d\\0061t' UESCAPE '!'",
                "SELECT $$a$$, $t$b$t$, $1 FROM t", "SELECT 1--1\n, 2 # c\n, 3", "SELECT /*!50000 1 */, `a``b`",
                "SELECT 'unterminated", "SELECT /*! /*! 1 */ */", "SELECT \u0001", "SELECT X'0A', N'n', 1.5e3, .5",
                "SELECT 'a\\'b' FROM t", "SELECT \"a\"\"b\" FROM \"t\" WHERE x = 'it''s'", "U&\"a\" UESCAPE 'xx'");
        for (Dialect d : Dialect.values()) {
            for (String sql : texts) {
                SqlLexer.Lexed lexed = SqlLexer.lex(sql, d, Integer.MAX_VALUE);
                List<SqlLexer.Tok> tokens = SqlLexer.tokens(sql, d);
                if (lexed.error() != null) {
                    assertThat(tokens).as(d + ": " + sql).isNull();
                    continue;
                }
                assertThat(tokens).as(d + ": " + sql).isNotNull();
                assertThat(tokens.stream().map(SqlLexerTest::full).toList()).as(d + ": " + sql)
                        .isEqualTo(lexed.tokens().stream().map(SqlLexerTest::full).toList());
            }
        }
    }

    private static String full(SqlLexer.Tok t) {
        return t.kind + "[" + t.start + "," + t.end + "," + t.quoteStart + "," + t.parseEnd + "]" + t.value;
    }
}
