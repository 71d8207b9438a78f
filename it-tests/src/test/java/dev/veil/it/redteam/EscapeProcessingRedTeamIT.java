package dev.veil.it.redteam;

import static dev.veil.it.redteam.RedTeam.ALL;
import static dev.veil.it.redteam.RedTeam.attempt;

import dev.veil.it.redteam.RedTeam.Attempt;
import dev.veil.it.redteam.RedTeam.Ctx;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * A plain statement's escape processing switched from the vendor driver's default (pgjdbc and H2 on, MariaDB
 * Connector/J off): the driver then translates, or stops translating, JDBC escapes Veil analyzed the other way.
 */
class EscapeProcessingRedTeamIT {

    private static final List<String> TEXTS = List.of(
            "SELECT id, {fn ucase(full_name)} FROM rt_customers",
            "SELECT {fn concat(full_name, 'x')} AS x FROM rt_customers",
            "SELECT id, {d '2020-01-01'}, full_name FROM rt_customers",
            "SELECT id FROM rt_customers WHERE id = 1 AND {fn ucase(ssn)} LIKE '5%'",
            "SELECT id, '{fn ', full_name, ' }' FROM rt_customers",
            "SELECT id FROM rt_customers {oj LEFT OUTER JOIN rt_orders ON rt_orders.customer_id = rt_customers.id}",
            "SELECT id, {fn ifnull(ssn, 'x')} FROM rt_customers");

    private static void run(Ctx ctx, boolean escapes) throws SQLException {
        for (String sql : TEXTS) {
            ctx.statements.add(sql);
            String where = "escapes " + escapes + " '" + sql + "'";
            try (Statement s = ctx.veil().createStatement()) {
                s.setEscapeProcessing(escapes);
                try {
                    ctx.collect(where, s, s.execute(sql));
                } catch (SQLException e) {
                    ctx.failure(where, e);
                }
                ctx.oracle.checkWarnings(where, s.getWarnings());
            }
        }
    }

    static List<Attempt> attempts() {
        return List.of(
                attempt("ESC-P1", "escape processing switched on for a plain statement", ALL, ctx -> run(ctx, true)),
                attempt("ESC-P2", "escape processing switched off for a plain statement", ALL,
                        ctx -> run(ctx, false)));
    }

    @TestFactory
    Stream<DynamicNode> escapeProcessing() {
        return RedTeam.tests(attempts());
    }
}
