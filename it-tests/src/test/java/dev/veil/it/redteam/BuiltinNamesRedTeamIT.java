package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.PG;
import static dev.veil.it.redteam.RedTeam.attempt;
import static dev.veil.it.redteam.RedTeam.mutating;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import dev.veil.it.redteam.RedTeam.Result;
import java.sql.Connection;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * PostgreSQL looks unqualified names up through the session: a type in the session's temporary schema before
 * {@code pg_catalog}'s, a function or operator of a user's schema where it matches the arguments better than the
 * built-in, anything of a schema the search path lists before {@code pg_catalog}. Veil's own SQL — the masks, the
 * hash secrets' installation, its catalog lookups — must still reach the built-ins, and a statement whose operator a
 * user defined calls code Veil cannot see.
 */
class BuiltinNamesRedTeamIT {

    static List<Attempt> attempts() {
        return List.of(
                attempt("BLT-01", "a temporary domain named text, whose check tests the value the mask casts",
                        PG, ctx -> ctx.blindSsnBy(prefix -> {
                            ctx.run("DROP DOMAIN IF EXISTS pg_temp.text");
                            Result made = ctx.run("CREATE DOMAIN pg_temp.text AS pg_catalog.text CHECK (VALUE NOT"
                                    + " LIKE '" + prefix + "%')");
                            if (made.refused()) {
                                return null;
                            }
                            Result r = ctx.run("SELECT ssn FROM rt_customers WHERE id = 1");
                            return r.refused() ? null : r.failed();
                        })),
                mutating("BLT-02", "a search path listing public before pg_catalog, where right() and repeat()"
                        + " return their argument", PG, ctx -> withFunctions(ctx, () -> {
                            ctx.run("SET search_path = public, pg_catalog");
                            ctx.run("SELECT ssn, phone, card_number FROM rt_customers");
                            ctx.run("SET search_path TO \"$user\", public, pg_catalog");
                            ctx.run("SELECT * FROM rt_customers");
                            Properties p = new Properties();
                            p.setProperty("currentSchema", "public,pg_catalog");
                            Connection c = ctx.openVeil(p);
                            ctx.run(c, "SELECT ssn FROM rt_customers");
                        }, "public.\"right\"(text, integer) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT $1'",
                        "public.repeat(text, integer) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT ''['''")),
                mutating("BLT-03", "a user's lower(name) that hides every user function from Veil's lookup, then a"
                        + " user md5(integer) that reads the customers", PG, ctx -> withFunctions(ctx, () -> {
                            Connection c = ctx.openVeil();
                            ctx.run(c, "SELECT md5(42)");
                        }, "public.lower(name) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT ''none'''",
                        "public.md5(integer) RETURNS text LANGUAGE sql AS 'SELECT string_agg(ssn || full_name, '','')"
                                + " FROM rt_customers'")),
                mutating("BLT-04", "a user's set_config(varchar, varchar, boolean) that copies the hash secrets Veil"
                        + " installs into a table", PG, ctx -> withFunctions(ctx, () -> {
                            Connection c = ctx.openVeil();
                            ctx.run(c, "SELECT loyalty_code FROM rt_customers WHERE id = 1");
                        }, "public.set_config(varchar, varchar, boolean) RETURNS text LANGUAGE sql AS 'INSERT INTO"
                                + " rt_sink (a, b) VALUES ($1, $2); SELECT pg_catalog.set_config($1::text, $2::text,"
                                + " $3)'")),
                mutating("BLT-05", "a user's convert_to(text, text), a better match than the built-in the hash mask"
                        + " calls on the raw value", PG, ctx -> withFunctions(ctx, () -> {
                            Connection c = ctx.openVeil();
                            ctx.run(c, "SELECT loyalty_code FROM rt_customers");
                        }, "public.convert_to(text, text) RETURNS bytea LANGUAGE sql AS 'INSERT INTO rt_sink (a)"
                                + " VALUES ($1); SELECT pg_catalog.convert_to($1, $2::name)'")),
                mutating("BLT-06", "a user's operator + (varchar, integer) whose function reads the customers, used"
                        + " on innocent columns", PG, ctx -> withFunctions(ctx, () -> {
                            ctx.rawSetup("CREATE OPERATOR public.+ (leftarg = varchar, rightarg = integer, function"
                                    + " = public.rt_plus)", "CREATE OPERATOR public.= (leftarg = varchar, rightarg ="
                                    + " integer, function = public.rt_eq)");
                            try {
                                RedTeam.bumpCatalog(ctx.db);
                                Connection c = ctx.openVeil();
                                ctx.run(c, "SELECT nickname + 1 FROM rt_customers WHERE id = 1");
                                ctx.run(c, "SELECT id FROM rt_v_public WHERE tier + 1 IS NOT NULL");
                                ctx.run(c, "SELECT id FROM rt_customers WHERE nickname IN (1, 2)");
                                ctx.run(c, "SELECT CASE nickname WHEN 1 THEN 'a' END FROM rt_customers");
                            } finally {
                                ctx.rawSetup("DROP OPERATOR IF EXISTS public.+ (varchar, integer)",
                                        "DROP OPERATOR IF EXISTS public.= (varchar, integer)");
                            }
                        }, "public.rt_plus(varchar, integer) RETURNS text LANGUAGE sql AS 'SELECT string_agg(ssn ||"
                                + " full_name, '','') FROM rt_customers'",
                        "public.rt_eq(varchar, integer) RETURNS boolean LANGUAGE sql AS 'INSERT INTO rt_sink (a)"
                                + " SELECT string_agg(ssn || full_name, '','') FROM rt_customers; SELECT true'")),
                mutating("BLT-07", "a user's operator > (numeric, integer), a better match than the built-in for"
                        + " the comparisons of a rounding mask on a numeric column", PG,
                        ctx -> withFunctions(ctx, () -> {
                            ctx.rawSetup("CREATE TABLE rt_pay (id INT PRIMARY KEY, salary numeric(10, 2))",
                                    "INSERT INTO rt_pay VALUES (1, 51234.56), (2, -1499.99)",
                                    "CREATE OPERATOR public.> (leftarg = numeric, rightarg = integer, function"
                                            + " = public.rt_gt)",
                                    "CREATE OPERATOR public.* (leftarg = integer, rightarg = numeric, function"
                                            + " = public.rt_times)");
                            try {
                                RedTeam.bumpCatalog(ctx.db);
                                Connection c = ctx.openVeil();
                                ctx.run(c, "SELECT salary FROM rt_pay");
                            } finally {
                                ctx.rawSetup("DROP OPERATOR IF EXISTS public.> (numeric, integer)",
                                        "DROP OPERATOR IF EXISTS public.* (integer, numeric)",
                                        "DROP TABLE IF EXISTS rt_pay");
                            }
                        }, "public.rt_gt(numeric, integer) RETURNS boolean LANGUAGE sql AS 'INSERT INTO rt_sink (a)"
                                + " SELECT string_agg(ssn || full_name, '','') FROM rt_customers;"
                                + " SELECT $1 > $2::numeric'",
                        "public.rt_times(integer, numeric) RETURNS numeric LANGUAGE sql AS 'INSERT INTO rt_sink (a)"
                                + " SELECT string_agg(ssn || full_name, '','') FROM rt_customers;"
                                + " SELECT $1::numeric * $2'")));
    }

    /** What an attempt does while the functions exist. */
    @FunctionalInterface
    private interface WhileDefined {
        void run() throws Exception;
    }

    /**
     * Creates the functions raw (a DBA's, or another client's), lets Veil see the schema change, runs the attempt and
     * drops them again, so that no later attempt meets them.
     */
    private static void withFunctions(Ctx ctx, WhileDefined body, String... signaturesAndBodies) throws Exception {
        String[] create = new String[signaturesAndBodies.length];
        String[] drop = new String[signaturesAndBodies.length];
        for (int i = 0; i < create.length; i++) {
            create[i] = "CREATE FUNCTION " + signaturesAndBodies[i];
            drop[i] = "DROP FUNCTION IF EXISTS " + signaturesAndBodies[i].substring(0,
                    signaturesAndBodies[i].indexOf(" RETURNS "));
        }
        ctx.rawSetup(create);
        try {
            RedTeam.bumpCatalog(ctx.db);
            body.run();
        } finally {
            ctx.rawSetup(drop);
        }
    }

    @TestFactory
    Stream<DynamicNode> veilsOwnSqlReachesTheBuiltins() {
        return RedTeam.tests(attempts());
    }
}
