package dev.veil.it.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.it.fuzz.Canaries.Canary;
import dev.veil.it.support.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Positive controls for the fuzzer's oracles: through the vendor driver (no masking) the canary oracle finds every
 * canary column, as is and in each encoding the grammar produces, a probe pair answers differently, and the
 * transparency comparison tells a masked column from the raw one; through Veil the plain {@code SELECT *} shows none.
 * Without these, a fuzz run that finds nothing would prove nothing.
 */
class CanaryOracleControlIT {

    private final CanaryOracle oracle = new CanaryOracle(Canaries.get().all());

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veil.it.support.Engines#all")
    void rawValuesAreFoundInEveryEncoding(TestDatabase db) throws Exception {
        FuzzSchema.recreate(db);
        FuzzDialect d = FuzzDialect.of(db.engine());
        try (Connection raw = db.openRaw()) {
            Set<String> columns = new TreeSet<>();
            for (String table : List.of("fz_customers", "fz_orders")) {
                run(raw, "SELECT * FROM " + table).forEach(h -> columns.add(h.column()));
            }
            Set<String> expected = new TreeSet<>();
            Canaries.get().all().forEach(k -> expected.add(k.table() + "." + k.column()));
            assertThat(columns).as("canary columns found in raw SELECT *").isEqualTo(expected);

            String where = " FROM fz_customers t WHERE t.id = 2";
            assertEncoding(raw, "SELECT " + d.hex("t.ssn") + where, "hex");
            assertEncoding(raw, "SELECT UPPER(" + d.hex("t.api_token") + ")" + where, "hex");
            if (d.base64("x") != null) {
                assertEncoding(raw, "SELECT " + d.base64("t.email") + where, "base64");
                assertEncoding(raw, "SELECT " + d.base64(d.concat("'ab'", "t.full_name")) + where, "base64");
            }
            if (d.reverse("x") != null) {
                assertEncoding(raw, "SELECT " + d.reverse("t.loyalty_code") + where, "reversed");
            }
            assertEncoding(raw, "SELECT UPPER(t.phone)" + where, "as is");
            StringBuilder codes = new StringBuilder("'['");
            for (int i = 1; i <= 6; i++) {
                codes.insert(0, "CONCAT(").append(", ").append(d.castText(d.ascii(d.substr("t.ssn", String.valueOf(i),
                        "1")))).append(", ',')");
            }
            assertEncoding(raw, "SELECT " + codes + where, "character codes");
            assertEncoding(raw, "SELECT " + d.ascii(d.substr("t.ssn", "x.n", "1")) + " FROM fz_customers t CROSS JOIN"
                    + " (SELECT id AS n FROM fz_customers) x WHERE t.id = 2 ORDER BY x.n", "as is");
            Canary salary = Canaries.get().of("fz_customers", "salary", 2);
            assertThat(run(raw, "SELECT t.salary + 0" + where)).extracting(CanaryOracle.Hit::canary)
                    .contains(salary.label());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veil.it.support.Engines#all")
    void probesAndComparisonsDetectDifferencesAndVeilMasksThePlainSelect(TestDatabase db) throws Exception {
        FuzzSchema.recreate(db);
        FuzzDialect d = FuzzDialect.of(db.engine());
        Canary ssn = Canaries.get().of("fz_customers", "ssn", 3);
        String right = "SELECT COUNT(*) FROM fz_customers t WHERE t.id = 3 AND " + d.substr("t.ssn", "1", "1") + " = '"
                + ssn.value().charAt(0) + "'";
        String wrong = right.substring(0, right.length() - 2) + (ssn.value().charAt(0) == 'q' ? "z'" : "q'");
        try (Connection raw = db.openRaw(); Connection veil = db.openVeil(FuzzRun.veilProperties())) {
            assertThat(Executor.run(raw, right, List.of(), false, false).comparable(true, true))
                    .isNotEqualTo(Executor.run(raw, wrong, List.of(), false, false).comparable(true, true));
            try (var s = veil.createStatement()) { // the catalog may be cached from before the schema was made
                s.execute("CREATE TABLE fz_bump (x INT)");
                s.execute("DROP TABLE fz_bump");
            }
            // the transparency comparison sees a masked column as a difference
            String masked = "SELECT id, ssn FROM fz_customers";
            assertThat(Executor.run(veil, masked, List.of(), false, false).comparable(false, false))
                    .isNotEqualTo(Executor.run(raw, masked, List.of(), false, false).comparable(false, false));
            for (String table : List.of("fz_customers", "fz_orders")) {
                Observation o = Executor.run(veil, "SELECT * FROM " + table, List.of(), false, false);
                assertThat(o.outcome).isEqualTo(Observation.Outcome.RAN);
                assertThat(o.results.get(0).rows()).isNotEmpty();
                assertThat(oracle.scan(o)).as("canaries in Veil's SELECT * FROM " + table).isEmpty();
            }
        }
    }

    private List<CanaryOracle.Hit> run(Connection c, String sql) throws Exception {
        Observation o = Executor.run(c, sql, List.of(), false, false);
        assertThat(o.outcome).as(sql + " → " + o.summary()).isEqualTo(Observation.Outcome.RAN);
        return oracle.scan(o);
    }

    private void assertEncoding(Connection c, String sql, String encoding) throws Exception {
        assertThat(run(c, sql)).as(sql).extracting(CanaryOracle.Hit::encoding).anyMatch(e -> e.contains(encoding));
    }
}
