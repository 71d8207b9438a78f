package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.H2;
import static dev.veil.it.redteam.RedTeam.MARIADB;
import static dev.veil.it.redteam.RedTeam.SERVERS;
import static dev.veil.it.redteam.RedTeam.attempt;
import static dev.veil.it.redteam.RedTeam.mutating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import dev.veil.it.redteam.RedTeam.Result;
import dev.veil.it.support.TestDatabase.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Statement shapes: a text that differs from a planned one only in literal tokens reuses its plan. Each attempt first
 * sends a text Veil plans (its shape is kept), then one of the same shape whose "literal" the database reads as
 * something else — a name, an operator, a comment.
 */
class StatementShapesRedTeamIT {

    private static final String SSN1 = Secrets.CUSTOMERS.get(0).ssn();
    private static final List<String> SSN_CANDIDATES = List.of("000-00-0000", SSN1, "999-99-9999");

    /**
     * A view (created through Veil: it only returns the SSN, so it is allowed) names the SSN with a name the database
     * reads where the shape has a number: the planned text compares a guess with a number, the shaped one the guess
     * with the raw SSN (predicates: deny).
     */
    private static Boolean hiddenName(Ctx ctx, String candidate, String bareName) throws Exception {
        ctx.rawSetup("DELETE FROM rt_guess", "INSERT INTO rt_guess (label) VALUES ('" + candidate + "')");
        String head = "SELECT v.id FROM rt_v_shape v, rt_guess q WHERE v.id = 1 AND q.label = ";
        ctx.run(head + "0");
        Result r = ctx.run(head + bareName);
        return r.refused() ? null : r.rows() > 0;
    }

    private static void view(Ctx ctx, String name) throws Exception {
        String quoted = ctx.is(Engine.MARIADB) ? "`" + name + "`" : "\"" + name + "\"";
        ctx.dirty = true;
        ctx.run("CREATE VIEW rt_v_shape AS SELECT id, ssn AS " + quoted + " FROM rt_customers");
    }

    private static void attack(Ctx ctx, String name) throws Exception {
        view(ctx, name);
        ctx.dictionary("customer 1's ssn", SSN_CANDIDATES, c -> hiddenName(ctx, c, name));
    }

    /** Literals for a number's place: every decimal form, and forms a database may read as more than a number. */
    private static final List<String> NUMBERS = List.of("2", "1.0", "1.", ".5", "1e0", "1E+0", "10e-1", "007", "0",
            "99999999999999999999", "1.5", "1.e0", "0x1", "0b1", "1_0", "1e", "1d", "1f", "1abc", "- 1", "-1", "+1",
            "\u0661", "1/*x*/", "1--x", "1#x");

    /** Literals for a string's place: quotes, comment starts, escapes and dollar quotes inside the string. */
    private static final List<String> STRINGS = List.of("'Springfield'", "'it''s'", "'-- '", "'--x'", "'/*'", "'*/'",
            "'/* /* */'", "'#'", "'$$'", "'$a$'", "'$1'", "'{fn ucase(ssn)}'", "'{d ''2020-01-01''}'", "'}'", "'{'",
            "'?'", "'??'", "';'", "'\"'", "'`'", "'x'' OR id > 0 --'", "'x'' OR ''1''=''1'", "'x''/*'", "''", "''''",
            "'\u00e9'", "'\u00a0'", "'\ufeff'", "'\u0661'", "'U&'", "'*/ OR 1=1 /*'", "'' 'Springfield'",
            "'x' 'y'", "'a\\'", "'\\'' OR 1=1 --'", "'x'' UESCAPE ''!'", "'{fn convert(x, SQL_BOOLEAN)}'",
            "'{fn convert(x, SQL_BOOLEAN'')}'", "'{oj x}'", "'#'' {d ''2020-01-01''}'");

    /**
     * Plants a shape with {@code template} (its {@code #} replaced by {@code planted}), then sends each variant
     * through Veil and raw: whatever Veil runs must return the ids the database returns for the text as sent.
     */
    private static void differential(Ctx ctx, String template, String planted, List<String> variants)
            throws Exception {
        Connection raw = ctx.raw();
        for (String literal : variants) {
            ctx.run(template.replace("#", planted));
            String text = template.replace("#", literal);
            Result veil = ctx.run(text);
            if (!veil.ran()) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            try (Statement s = raw.createStatement(); ResultSet rs = s.executeQuery(text)) {
                while (rs.next()) {
                    expected.add(rs.getString(1));
                }
            } catch (SQLException e) {
                fail("Veil ran what the database refuses: " + text + ": " + e.getMessage());
            }
            assertEquals(expected, veil.column(), "ids for " + text);
        }
    }

    private static List<String> numberTemplates(Ctx ctx) {
        String inComment = ctx.is(Engine.MARIADB) ? "/*!50000 OR id = # */" : "/* /* */ OR id = # */";
        return List.of("SELECT id, ssn FROM rt_customers WHERE id = # ORDER BY id",
                "SELECT id, ssn FROM rt_customers WHERE id=# ORDER BY id",
                "SELECT id, ssn FROM rt_customers WHERE id IN (3, #) OR id BETWEEN # AND 2 ORDER BY id",
                "SELECT id, ssn FROM rt_customers WHERE # < id AND id <> 9 ORDER BY id",
                "SELECT id, ssn FROM rt_customers WHERE id = 3 " + inComment + " ORDER BY id",
                "SELECT id, ssn FROM rt_customers WHERE id = # -- note\n OR id = 3 ORDER BY id",
                "SELECT id, ssn FROM rt_customers WHERE id = #\nORDER BY id LIMIT 5");
    }

    private static List<String> stringTemplates(Ctx ctx) {
        List<String> out = new ArrayList<>(List.of(
                "SELECT id, ssn FROM rt_customers WHERE city = # ORDER BY id",
                "SELECT id, ssn FROM rt_customers WHERE city=#ORDER BY id",
                "SELECT id, ssn FROM rt_customers WHERE id = 2 OR city IN (#, 'x') ORDER BY id",
                "SELECT id, ssn FROM rt_customers WHERE city = # /* c */ OR id = 2 ORDER BY id",
                "SELECT id, ssn FROM rt_customers WHERE city = #\n OR id = 2 ORDER BY id",
                "SELECT id, ssn FROM rt_customers WHERE # = city AND tier = 'gold' ORDER BY id"));
        if (ctx.is(Engine.MARIADB)) {
            out.add("SELECT id, ssn FROM rt_customers WHERE id = 2 /*!50000 OR city = # */ ORDER BY id");
            out.add("SELECT id, ssn FROM rt_customers WHERE id = 2 /*M! OR city = # */ ORDER BY id");
            // the vendor's escape processing reads "//" as a comment to the line's end (the server: 0 / 1), so past
            // the string's line break it takes the string's content for code: its braces must stay in the string
            out.add("SELECT id, ssn FROM rt_customers WHERE id > 0//*c*/1 AND LOCATE('\n', city) = 0"
                    + " AND city = # ORDER BY id");
        }
        if (ctx.is(Engine.H2)) {
            // H2's escape processing ends a comment at the first "*/" (H2 nests them): it then reads the quote in
            // the comment as opening a string, and the literal's content as code
            out.add("SELECT id, ssn FROM rt_customers WHERE id > 0 /* /* */ ' */ AND city = # ORDER BY id -- '");
        }
        return out;
    }

    static List<Attempt> attempts() {
        return List.of(
                mutating("SHAPE-01", "a non-ASCII digit (Arabic-Indic one) is a name to the database, a number to"
                        + " a naive lexer", SERVERS, ctx -> attack(ctx, "\u0661")),
                mutating("SHAPE-02", "a full-width digit is a name to the database", SERVERS,
                        ctx -> attack(ctx, "\uff11")),
                mutating("SHAPE-03", "MariaDB: 0x followed by a non-hex letter is a name", MARIADB,
                        ctx -> attack(ctx, "0xg")),
                mutating("SHAPE-04", "MariaDB: 0b followed by a non-bit digit is a name", MARIADB,
                        ctx -> attack(ctx, "0b2")),
                attempt("SHAPE-05", "settings that change how text reads: refused, also per statement", SERVERS,
                        ctx -> {
                            List<String> tries = ctx.is(Engine.MARIADB) ? List.of(
                                    "SET sql_mode = 'NO_BACKSLASH_ESCAPES'",
                                    "SET SESSION sql_mode = 'ANSI_QUOTES'",
                                    "SET @@sql_mode = 'NO_BACKSLASH_ESCAPES'",
                                    "SET sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')",
                                    "/*!SET sql_mode = 'NO_BACKSLASH_ESCAPES' */",
                                    "SET STATEMENT sql_mode = 'NO_BACKSLASH_ESCAPES' FOR SELECT id FROM rt_customers"
                                            + " WHERE id = 1",
                                    "SET NAMES gbk", "SET character_set_client = 'sjis'")
                                    : List.of("SET standard_conforming_strings = off",
                                    "SET LOCAL standard_conforming_strings TO off",
                                    "SELECT set_config('standard_conforming_strings', 'off', false)",
                                    "SELECT id FROM rt_customers WHERE id = 1 AND full_name = set_config("
                                            + "'standard_conforming_strings', 'off', false)",
                                    "SET client_encoding = 'SJIS'", "RESET ALL",
                                    "SET backslash_quote = on");
                            for (String sql : tries) {
                                Result r = ctx.run(sql);
                                if (!r.refused()) {
                                    fail("not refused: " + sql);
                                }
                            }
                        }),
                attempt("SHAPE-06", "a number's place takes every numeric form and number-like text: each text"
                        + " returns what the database returns for it", RedTeam.ALL, ctx -> {
                            for (String template : numberTemplates(ctx)) {
                                differential(ctx, template, "1", NUMBERS);
                            }
                        }),
                attempt("SHAPE-07", "a string's place takes quotes, comment starts, escapes, dollar quotes and"
                        + " JDBC escapes: each text returns what the database returns for it", RedTeam.ALL, ctx -> {
                            for (String template : stringTemplates(ctx)) {
                                differential(ctx, template, "'x'", STRINGS);
                            }
                        }),
                attempt("SHAPE-08", "prefixed strings (E'', N'', MariaDB \"\") keep their reading", RedTeam.ALL,
                        ctx -> {
                            String template = "SELECT id, ssn FROM rt_customers WHERE city = # ORDER BY id";
                            if (ctx.is(Engine.POSTGRESQL)) {
                                differential(ctx, template, "E'x'", STRINGS.stream().map(v -> "E" + v).toList());
                            }
                            differential(ctx, template, "N'x'", STRINGS.stream().map(v -> "N" + v).toList());
                            if (ctx.is(Engine.MARIADB)) {
                                differential(ctx, template, "\"x\"", STRINGS.stream().map(v -> "\""
                                        + v.substring(1, v.length() - 1).replace("\"", "\"\"") + "\"").toList());
                            }
                        }),
                attempt("SHAPE-09", "H2: a new literal whose braces the driver's escape processing reads as code"
                        + " (it ends a nested comment early): refused alone, and after a text of its shape", H2,
                        ctx -> {
                            String template = "SELECT id, ssn FROM rt_customers WHERE id > 0 /* /* */ ' */"
                                    + " AND city = # ORDER BY id DESC -- '";
                            for (String literal : List.of("'{fn ucase(city)}'", "'{'", "'{d ''2020-01-01''}'")) {
                                String text = template.replace("#", literal);
                                assertTrue(ctx.run(text).refused(), "planned alone: " + text);
                                assertTrue(ctx.run(template.replace("#", "'Springfield'")).ran(), "the shape's text");
                                assertTrue(ctx.run(text).refused(), "after a text of its shape: " + text);
                            }
                        }));
    }

    @TestFactory
    Stream<DynamicNode> statementShapes() {
        return RedTeam.tests(attempts());
    }
}
