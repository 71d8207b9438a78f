package dev.veil.it.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.it.support.ResultSnapshot;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.tpch.TpchData.Column;
import dev.veil.it.tpch.TpchData.Table;
import dev.veil.policy.ColumnInfo;
import dev.veil.policy.classify.Classifier;
import dev.veil.policy.mask.ValueType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Test A: with a policy that marks no column the TPC-H queries read, each of the 22 queries returns through Veil
 * exactly what the vendor driver returns — labels, types, values and order — on H2, PostgreSQL and MariaDB; and Veil
 * says (in its usage event) that it touched nothing sensitive and masked nothing. The raw results are also held to
 * be non-empty, so the comparison is never between two empty results.
 */
class TpchTransparencyIT {

    static final Path POLICY = TpchPolicies.path("policy-unmarked.yaml");
    private static final AuditLog AUDIT = AuditLog.create("tpch-transparency");

    /** The policy, read by the policy module's classifier, marks none of the eight tables' columns. */
    @Test
    void thePolicyMarksNoColumn() {
        Classifier classifier = new Classifier(TpchPolicies.load("policy-unmarked.yaml"));
        List<String> marked = new ArrayList<>();
        for (Table table : TpchDatabase.data().tables()) {
            for (Column column : table.columns()) {
                for (ValueType type : List.of(ValueType.STRING, ValueType.INTEGER, ValueType.DECIMAL, ValueType.DATE)) {
                    classifier.classify(ColumnInfo.of(null, table.name(), column.name(), type))
                            .ifPresent(found -> marked.add(table.name() + "." + column.name() + ": " + found));
                }
            }
        }
        assertThat(marked).isEmpty();
    }

    @ParameterizedTest(name = "{0} Q{1}")
    @MethodSource("dev.veil.it.tpch.TpchQueries#cases")
    void queryReturnsTheSameThroughVeil(TestDatabase db, int q) throws Exception {
        TpchDatabase.ensureLoaded(db);
        String sql = TpchQueries.of(db.engine()).get(q - 1);
        ResultSnapshot raw;
        try (Connection c = db.openRaw()) {
            raw = ResultSnapshot.query(c, sql);
        }
        assertThat(raw.rows()).as("raw result of Q%d on %s (the data set must give every query rows)", q, db)
                .isNotEmpty();
        assertThat(raw.rows().get(0)).as("first raw row of Q%d on %s", q, db).doesNotContain("NULL");

        String requester = "tpch-a-" + db.engine() + "-q" + q;
        Properties settings = AUDIT.settings(requester);
        settings.setProperty("veil.policy", POLICY.toString());
        ResultSnapshot veil;
        try (Connection c = db.openVeil(settings)) {
            veil = ResultSnapshot.query(c, sql);
        } catch (SQLException e) {
            throw TpchQueries.failedThroughVeil(q, db, e);
        }
        assertThat(veil).as("Q%d on %s through Veil", q, db).isEqualTo(raw);

        JsonNode event = AUDIT.eventOf(requester);
        assertThat(event.path("decision").asText()).as("Veil's decision for Q%d on %s", q, db).isEqualTo("ALLOWED");
        assertThat(event.path("columns")).as("sensitive columns Q%d touches on %s", q, db).isEmpty();
        assertThat(event.path("masks")).as("masks Veil applied to Q%d on %s", q, db).isEmpty();
    }

}
