package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.analyzer.internal.lexing.SqlLexer;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Statement shapes: a statement reuses another's analysis only when the two differ in literals the analysis does not
 * depend on, and the SQL it runs carries its own literals verbatim.
 */
class StatementShapeTest {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    private static final ColumnSubstitution MASK_SSN = ref -> ref.baseColumn()
            .filter(c -> c.column().equalsIgnoreCase("ssn") && ref.clause() == Clause.OUTPUT)
            .map(c -> Substitution.replaceWith("mask(" + ref.text() + ")"))
            .orElse(Substitution.keep());

    private static Optional<StatementShape> shape(Dialect d, String sql, boolean rewrite) {
        Analysis a = ANALYZER.analyze(sql, d, TestCatalogs.of(d));
        assertThat(a.isUnknown()).as(a.toString()).isFalse();
        return StatementShape.of(a, rewrite ? a.rewrite(MASK_SSN) : null);
    }

    /** What the shape of {@code first} runs for {@code second}; empty when it is not reused. */
    private static Optional<String> reuse(Dialect d, String first, String second, boolean rewrite) {
        Optional<StatementShape> s = shape(d, first, rewrite);
        Optional<StatementShape.Probe> p = StatementShape.probe(second, d);
        if (s.isEmpty() || p.isEmpty() || !s.get().key().equals(p.get().key())) return Optional.empty();
        return s.get().bind(p.get());
    }

    private static Optional<String> reuse(Dialect d, String first, String second) {
        return reuse(d, first, second, false);
    }

    @Test
    void comparedLiteralsAreOpenAndComeBackVerbatim() {
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id, name FROM users WHERE id = 17",
                "SELECT id, name FROM users WHERE id = 123456"))
                .contains("SELECT id, name FROM users WHERE id = 123456");
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE name = 'a' AND 5 < dept_id",
                "SELECT id FROM users WHERE name = 'it''s' AND 77 < dept_id"))
                .contains("SELECT id FROM users WHERE name = 'it''s' AND 77 < dept_id");
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE id IN (1, 2) OR id BETWEEN 3 AND 4",
                "SELECT id FROM users WHERE id IN (10, 20) OR id BETWEEN 30 AND 40"))
                .contains("SELECT id FROM users WHERE id IN (10, 20) OR id BETWEEN 30 AND 40");
    }

    @Test
    void theRewrittenSqlTakesTheNewLiterals() {
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id, ssn FROM users WHERE id = 1",
                "SELECT id, ssn FROM users WHERE id = 22", true))
                .contains("SELECT id, (mask(ssn)) AS \"ssn\" FROM users WHERE id = 22");
        assertThat(reuse(Dialect.MARIADB, "SELECT ssn, id FROM users WHERE name = 'x' AND id > 1",
                "SELECT ssn, id FROM users WHERE name = 'y'' OR 1=1 -- ' AND id > 1", true))
                .contains("SELECT (mask(ssn)) AS `ssn`, id FROM users WHERE name = 'y'' OR 1=1 -- ' AND id > 1");
        // a backslash (an escape to MariaDB) is never taken on the lexer's word alone: analyzed in full
        assertThat(reuse(Dialect.MARIADB, "SELECT ssn, id FROM users WHERE name = 'x' AND id > 1",
                "SELECT ssn, id FROM users WHERE name = 'y\\' OR 1=1 -- ' AND id > 1", true)).isEmpty();
    }

    @Test
    void literalsTheAnalysisReadsArePartOfTheShape() {
        // row bounds, ordinals, constant-false tests, names given to functions, casts, select-list values
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE id = 1 LIMIT 10",
                "SELECT id FROM users WHERE id = 1 LIMIT 1000000")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE id = 1 LIMIT 10",
                "SELECT id FROM users WHERE id = 2 LIMIT 10")).contains("SELECT id FROM users WHERE id = 2 LIMIT 10");
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id, name FROM users WHERE id = 1 ORDER BY 1",
                "SELECT id, name FROM users WHERE id = 1 ORDER BY 2")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE 1 = 0 AND id = 3",
                "SELECT id FROM users WHERE 1 = 1 AND id = 3")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE id = 1 AND name = current_setting('a')",
                "SELECT id FROM users WHERE id = 1 AND name = current_setting('b')")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE id = 1 AND dept_id = 'x'::regclass::oid",
                "SELECT id FROM users WHERE id = 1 AND dept_id = 'y'::regclass::oid")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT 'a' AS x, id FROM users WHERE id = 1",
                "SELECT 'b' AS x, id FROM users WHERE id = 1")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE id = -1",
                "SELECT id FROM users WHERE id = -2")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE id = 1 + 1",
                "SELECT id FROM users WHERE id = 1 + 2")).isEmpty();
        // a Veil setting's name in a string is a hazard wherever it stands
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE name = 'x'",
                "SELECT id FROM users WHERE name = 'veil.requester'")).isEmpty();
    }

    @Test
    void everythingButTheLiteralsMustBeWrittenTheSame() {
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE id = 1",
                "SELECT id FROM users WHERE  id = 1")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE id = 1",
                "SELECT id FROM users WHERE id = '1'")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE name = 'a'",
                "SELECT id FROM users WHERE name = E'a'")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE name = 'a' /* x */",
                "SELECT id FROM users WHERE name = 'a' /* y */")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE name = 'a'",
                "SELECT id FROM users WHERE name = 'a';SELECT 1")).isEmpty();
    }

    @Test
    void postgresqlStringFormsStayThemselves() {
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE name = E'a'",
                "SELECT id FROM users WHERE name = E'b'' OR true --'"))
                .contains("SELECT id FROM users WHERE name = E'b'' OR true --'");
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE name = E'a'",
                "SELECT id FROM users WHERE name = E'b\\' OR true --'")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE name = 'a'",
                "SELECT id FROM users WHERE name = 'a\nb'")).isEmpty();
        // dollar quoting and U& escapes are not taken as values that may change
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE name = $$a$$",
                "SELECT id FROM users WHERE name = $$b$$")).isEmpty();
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE name = U&'a'",
                "SELECT id FROM users WHERE name = U&'b'")).isEmpty();
        // a parameter marker is code, not a literal
        assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE name = 'a' AND id = ?",
                "SELECT id FROM users WHERE name = 'b' AND id = ?"))
                .contains("SELECT id FROM users WHERE name = 'b' AND id = ?");
    }

    @Test
    void mariadbQuirks() {
        // "…" is a string without ANSI_QUOTES; backslashes escape; # and -- comments; executable comments are code
        assertThat(reuse(Dialect.MARIADB, "SELECT id FROM users WHERE name = \"a\"",
                "SELECT id FROM users WHERE name = \"b\"\" OR 1 #\"")).contains(
                "SELECT id FROM users WHERE name = \"b\"\" OR 1 #\"");
        assertThat(reuse(Dialect.MARIADB, "SELECT id FROM users WHERE name = \"a\"",
                "SELECT id FROM users WHERE name = \"b\\\" OR 1 #\"")).isEmpty();
        assertThat(reuse(Dialect.MARIADB, "SELECT id FROM users WHERE id = 1 /*!50000 AND id = 2 */",
                "SELECT id FROM users WHERE id = 3 /*!50000 AND id = 4 */"))
                .contains("SELECT id FROM users WHERE id = 3 " + " ".repeat(8) + " AND id = 4   ");
        assertThat(reuse(Dialect.MARIADB, "SELECT id FROM users WHERE id = 1 # one",
                "SELECT id FROM users WHERE id = 1 # two")).isEmpty();
        assertThat(reuse(Dialect.MARIADB, "SELECT id FROM users WHERE name = LOAD_FILE('/a') AND id = 1",
                "SELECT id FROM users WHERE name = LOAD_FILE('/etc/passwd') AND id = 1")).isEmpty();
        assertThat(reuse(Dialect.MARIADB, "SELECT id FROM users WHERE id = 0x01",
                "SELECT id FROM users WHERE id = 0x02")).isEmpty();
    }

    @Test
    void h2Quirks() {
        assertThat(reuse(Dialect.H2, "SELECT ID, SSN FROM USERS WHERE ID = 17",
                "SELECT ID, SSN FROM USERS WHERE ID = 18", true))
                .contains("SELECT ID, (mask(SSN)) AS \"SSN\" FROM USERS WHERE ID = 18");
        assertThat(reuse(Dialect.H2, "SELECT id FROM users WHERE name = X'01'",
                "SELECT id FROM users WHERE name = X'02'")).isEmpty();
        assertThat(reuse(Dialect.H2, "SELECT TOP 5 id FROM users WHERE id = 1",
                "SELECT TOP 500000 id FROM users WHERE id = 1")).isEmpty();
        assertThat(reuse(Dialect.H2, "SELECT id FROM users WHERE id = 1 // c1",
                "SELECT id FROM users WHERE id = 1 // c2")).isEmpty();
    }

    /**
     * Braces in a new string are the database's characters, unless the vendor driver's escape processing reads them
     * as code: H2's driver ends a comment at the first "*&#47;" (H2 nests comments), takes the quote left in the
     * comment for a string's start and the literal's content for code, and rewrites its escape. The full analysis
     * refuses such a text; a shape must not run it either.
     */
    @Test
    void aNewLiteralTheDriverReadsAsEscapeSyntaxIsNotReused() {
        String desynced = "SELECT id, ssn FROM users WHERE id > 0 /* /* */ ' */ AND name = # -- '";
        for (String literal : new String[] {"'{fn ucase(x)}'", "'{'", "'}'", "'{d ''2020-01-01''}'", "'/* {'",
            "'{ \"'", "'{ $$'"}) {
            assertThat(reuse(Dialect.H2, desynced.replace("#", "'x'"), desynced.replace("#", literal))).as(literal)
                    .isEmpty();
            String text = desynced.replace("#", literal);
            assertThat(ANALYZER.analyze(text, Dialect.H2, TestCatalogs.of(Dialect.H2)).isUnknown()).as(text).isTrue();
        }
        assertThat(reuse(Dialect.H2, desynced.replace("#", "'x'"), desynced.replace("#", "'y'"))).isPresent();
        // where the driver and the database agree the braces are in a string, the text is a value like any other
        for (Dialect d : List.of(Dialect.POSTGRESQL, Dialect.MARIADB, Dialect.H2)) {
            for (String literal : new String[] {"'{fn ucase(x)}'", "'{a,b}'", "'}'", "'{\"k\": 1}'"}) {
                assertThat(reuse(d, "SELECT id FROM users WHERE name = 'x'", "SELECT id FROM users WHERE name = "
                        + literal)).as(d + " " + literal).contains("SELECT id FROM users WHERE name = " + literal);
            }
        }
    }

    /** Candidates that are safe, kept: each either comes back verbatim in a text that lexes as the shape's, or not. */
    @Test
    void literalFormsThatLookLikeMoreStayValuesOrAreNotReused() {
        for (Dialect d : List.of(Dialect.POSTGRESQL, Dialect.MARIADB, Dialect.H2)) {
            for (String number : new String[] {"1.e0", "10e-1", "1E+0", "00", "99999999999999999999"}) {
                assertThat(reuse(d, "SELECT id FROM users WHERE id = 1", "SELECT id FROM users WHERE id = " + number))
                        .as(d + " " + number).contains("SELECT id FROM users WHERE id = " + number);
            }
            // two strings in a row are one string to the databases (PostgreSQL across a line break)
            assertThat(reuse(d, "SELECT id FROM users WHERE name = 'x'", "SELECT id FROM users WHERE name = 'x' 'y'"))
                    .as(d.name()).isEmpty();
            assertThat(reuse(d, "SELECT id FROM users WHERE name = 'x' OR id = 1",
                    "SELECT id FROM users WHERE name = 'x'\n'y' OR id = 1")).as(d.name()).isEmpty();
            for (String literal : new String[] {"'*/'", "'/*'", "'-- '", "'#'", "'$$'", "'$a$'", "'\"'", "'`'"}) {
                assertThat(reuse(d, "SELECT id FROM users WHERE name = 'x' AND id = 1",
                        "SELECT id FROM users WHERE name = " + literal + " AND id = 1")).as(d + " " + literal)
                        .contains("SELECT id FROM users WHERE name = " + literal + " AND id = 1");
            }
        }
        // a string inside a MariaDB executable comment may hold the comment's end: the server reads it in the string
        assertThat(reuse(Dialect.MARIADB, "SELECT id FROM users WHERE id = 1 /*!50000 OR name = 'x' */",
                "SELECT id FROM users WHERE id = 1 /*!50000 OR name = '*/ OR 1=1 /*' */"))
                .contains("SELECT id FROM users WHERE id = 1 " + " ".repeat(8) + " OR name = '*/ OR 1=1 /*'   ");
    }

    @Test
    void digitsTheDatabaseReadsAsNamesAreNeverNewValues() {
        // PostgreSQL and MariaDB read non-ASCII digits as characters of names: "WHERE g = \u0661" compares g with a
        // column of that name, not with a number
        for (Dialect d : new Dialect[] {Dialect.POSTGRESQL, Dialect.MARIADB, Dialect.H2}) {
            for (String digit : new String[] {"\u0661", "\uff11", "1\u0661", "\u0661\u0662"}) {
                assertThat(reuse(d, "SELECT id FROM users WHERE id = 1", "SELECT id FROM users WHERE id = " + digit))
                        .as(d + " " + digit).isEmpty();
            }
        }
        // MariaDB: 0x and 0b not followed by hex or bit digits alone are names
        for (String name : new String[] {"0xg", "0x1g", "0x", "0b2", "0b1z", "0X1F"}) {
            assertThat(reuse(Dialect.MARIADB, "SELECT id FROM users WHERE id = 1",
                    "SELECT id FROM users WHERE id = " + name)).as(name).isEmpty();
        }
        // and hex or bit numbers stay part of the shape, as written
        for (String number : new String[] {"0x1F", "0b1"}) {
            assertThat(reuse(Dialect.MARIADB, "SELECT id FROM users WHERE id = 1",
                    "SELECT id FROM users WHERE id = " + number)).as(number).isEmpty();
        }
        // plain decimal forms are values
        for (String number : new String[] {"1e5", ".5", "1.", "12.5E-3"}) {
            assertThat(reuse(Dialect.POSTGRESQL, "SELECT id FROM users WHERE id = 1",
                    "SELECT id FROM users WHERE id = " + number)).as(number)
                    .contains("SELECT id FROM users WHERE id = " + number);
        }
    }

    @Test
    void noShapeWithoutAnOpenLiteral() {
        assertThat(shape(Dialect.POSTGRESQL, "SELECT id FROM users LIMIT 5", false)).isEmpty();
        assertThat(shape(Dialect.POSTGRESQL, "SELECT id FROM users WHERE id = (SELECT 1)", false)).isEmpty();
        Analysis update = ANALYZER.analyze("UPDATE users SET name = 'x' WHERE id = 1", Dialect.POSTGRESQL,
                TestCatalogs.postgres());
        assertThat(StatementShape.of(update, null)).isEmpty();
    }

    /**
     * A bound text is lexed only from its first open literal on when the SQL before it is fixed and ends between
     * tokens: whatever it accepts must lex, whole, as the shape's SQL does — the same tokens, of the same kinds, with
     * the same text except the literals.
     */
    @Test
    void aTextBoundFromItsFirstLiteralLexesWholeAsTheShapesSql() {
        String[] templates = {
            "SELECT id, ssn FROM users WHERE id = 1 AND name = 'a'",
            "SELECT id, ssn FROM users WHERE id =\n1 AND name =\t'a' ORDER BY id",
            "SELECT id, ssn FROM users WHERE id=1 AND name='a'",
            "SELECT id, ssn /* c */ FROM users WHERE id IN (1, 2) AND name <> 'a'",
        };
        String[] numbers = {"2", "22.5", ".5", "1e5", "1.", "007", "1e", "0x1F", "1_000", "\u0661"};
        String[] strings = {"'b'", "'it''s'", "'-- x'", "'/* y'", "'$$'", "'?'", "';'", "'a\\'", "E'x'", "''",
            "'*/'", "'\n'"};
        int bound = 0;
        for (Dialect d : List.of(Dialect.POSTGRESQL, Dialect.MARIADB, Dialect.H2)) {
            for (String template : templates) {
                String shapeSql = reuse(d, template, template, true).orElseThrow();
                List<SqlLexer.Tok> expected = SqlLexer.tokens(shapeSql, d);
                for (String n : numbers) {
                    for (String str : strings) {
                        String text = template.replace("1", n).replace("'a'", str);
                        Optional<String> run = reuse(d, template, text, true);
                        if (run.isEmpty()) continue;
                        bound++;
                        List<SqlLexer.Tok> lexed = SqlLexer.tokens(run.get(), d);
                        assertThat(lexed).as(d + ": " + run.get()).isNotNull().hasSameSizeAs(expected);
                        for (int k = 0; k < expected.size(); k++) {
                            SqlLexer.Tok was = expected.get(k);
                            SqlLexer.Tok is = lexed.get(k);
                            assertThat(is.kind).as(d + ": " + run.get()).isEqualTo(was.kind);
                            if (was.kind != SqlLexer.Kind.NUMBER && was.kind != SqlLexer.Kind.STRING) {
                                assertThat(run.get().substring(is.start, is.end)).as(d + ": " + run.get())
                                        .isEqualTo(shapeSql.substring(was.start, was.end));
                            }
                        }
                    }
                }
            }
        }
        assertThat(bound).isGreaterThan(100);
    }
}
