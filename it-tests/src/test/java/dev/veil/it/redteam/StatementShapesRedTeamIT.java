package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.SERVERS;
import static dev.veil.it.redteam.RedTeam.MARIADB;
import static dev.veil.it.redteam.RedTeam.attempt;
import static dev.veil.it.redteam.RedTeam.mutating;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import dev.veil.it.redteam.RedTeam.Result;
import dev.veil.it.support.TestDatabase.Engine;
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
                                    org.junit.jupiter.api.Assertions.fail("not refused: " + sql);
                                }
                            }
                        }));
    }

    @TestFactory
    Stream<DynamicNode> statementShapes() {
        return RedTeam.tests(attempts());
    }
}
