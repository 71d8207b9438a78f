package dev.veil.it.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.it.support.ResultSnapshot;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.tpch.TpchData.Column;
import dev.veil.it.tpch.TpchData.Table;
import dev.veil.policy.ColumnInfo;
import dev.veil.policy.Policy;
import dev.veil.policy.classify.Classification;
import dev.veil.policy.classify.Classifier;
import dev.veil.policy.mask.Mask;
import dev.veil.policy.mask.ReferenceMasker;
import dev.veil.policy.mask.ValueType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Test B: with a policy that marks five columns the TPC-H queries read ({@code policy-marked.yaml}), each of the 22
 * queries returns through Veil the vendor driver's result — same labels, types, values and order — except in the
 * output columns that carry a marked column. There each value is the JVM reference mask of the raw value, or, for a
 * value computed from a marked column (Q22's country code, {@code substring(c_phone from 1 for 2)}), that
 * expression applied to the masked value, computed here from the raw phone numbers; only the label and the Java
 * class of such a column are compared, since a masked value is an expression with its own SQL type. Queries the
 * policy refuses by design are listed with their rule; under this policy there are none, and one more test shows
 * the refusal a stricter mode gives Q22.
 */
class TpchMaskingIT {

    private static final String POLICY_FILE = "policy-marked.yaml";
    private static final Path POLICY = TpchPolicies.path(POLICY_FILE);
    private static final Policy LOADED = TpchPolicies.load(POLICY_FILE);
    private static final ReferenceMasker REFERENCE = ReferenceMasker.of(null);
    private static final AuditLog AUDIT = AuditLog.create("tpch-masking");

    /** The columns the policy marks. */
    private static final Set<String> MARKED = Set.of("customer.c_name", "customer.c_address", "customer.c_phone",
            "supplier.s_phone", "supplier.s_address");

    /** A masked output column: where its value comes from. */
    private sealed interface Output {
    }

    /** The marked column itself: the value is its reference mask. */
    private record Masked(String column) implements Output {
    }

    /** Q22's {@code substring(c_phone from 1 for 2)}, computed on the masked phone number. */
    private record CountryCodeOfMaskedPhone() implements Output {
    }

    /** The output columns each query returns masked, by label. A query not listed returns nothing masked. */
    private static final Map<Integer, Map<String, Output>> MASKED_OUTPUTS = Map.of(
            2, outputs("s_address", new Masked("supplier.s_address"), "s_phone", new Masked("supplier.s_phone")),
            10, outputs("c_name", new Masked("customer.c_name"), "c_address", new Masked("customer.c_address"),
                    "c_phone", new Masked("customer.c_phone")),
            15, outputs("s_address", new Masked("supplier.s_address"), "s_phone", new Masked("supplier.s_phone")),
            18, outputs("c_name", new Masked("customer.c_name")),
            20, outputs("s_address", new Masked("supplier.s_address")),
            22, outputs("cntrycode", new CountryCodeOfMaskedPhone()));

    /**
     * The masks Veil applies to each query, as {@code table.column=mask}: every masked output, and Q22's phone
     * number compared in WHERE as a masked value.
     */
    private static final Map<Integer, Set<String>> MASKS_APPLIED = Map.of(
            2, Set.of("supplier.s_address=redact", "supplier.s_phone=partial"),
            10, Set.of("customer.c_name=redact", "customer.c_address=redact", "customer.c_phone=partial"),
            15, Set.of("supplier.s_address=redact", "supplier.s_phone=partial"),
            18, Set.of("customer.c_name=redact"),
            20, Set.of("supplier.s_address=redact"),
            22, Set.of("customer.c_phone=partial"));

    /** Queries this policy refuses by design (SQLState 42501), with the rule the message names: none. */
    private static final Map<Integer, String> REFUSED = Map.of();

    /** Q22's derived table, with the phone number each country code is computed from. */
    private static final String Q22_PHONES = "select substring(c_phone from 1 for 2) as cntrycode, c_phone"
            + " from customer"
            + " where substring(c_phone from 1 for 2) in ('13', '31', '23', '29', '30', '18', '17')"
            + " and c_acctbal > (select avg(c_acctbal) from customer where c_acctbal > 0.00"
            + " and substring(c_phone from 1 for 2) in ('13', '31', '23', '29', '30', '18', '17'))"
            + " and not exists (select * from orders where o_custkey = c_custkey)";

    @Test
    void thePolicyMarksExactlyTheFiveColumns() {
        Classifier classifier = new Classifier(LOADED);
        Set<String> marked = new TreeSet<>();
        for (Table table : TpchDatabase.data().tables()) {
            for (Column column : table.columns()) {
                if (classifier.classify(ColumnInfo.of(null, table.name(), column.name(), valueType(column)))
                        .isPresent()) {
                    marked.add(table.name() + "." + column.name());
                }
            }
        }
        assertThat(marked).containsExactlyInAnyOrderElementsOf(MARKED);
    }

    @ParameterizedTest(name = "{0} Q{1}")
    @MethodSource("dev.veil.it.tpch.TpchQueries#cases")
    void queryDiffersOnlyInMaskedColumns(TestDatabase db, int q) throws Exception {
        TpchDatabase.ensureLoaded(db);
        String sql = TpchQueries.of(db.engine()).get(q - 1);
        ResultSnapshot raw;
        Map<String, Set<String>> phonesByCountryCode = null;
        try (Connection c = db.openRaw()) {
            raw = ResultSnapshot.query(c, sql);
            if (q == 22) {
                phonesByCountryCode = phonesByCountryCode(c);
            }
        }
        assertThat(raw.rows()).as("raw result of Q%d on %s", q, db).isNotEmpty();

        String requester = "tpch-b-" + db.engine() + "-q" + q;
        Properties settings = AUDIT.settings(requester);
        settings.setProperty("veil.policy", POLICY.toString());
        try (Connection c = db.openVeil(settings)) {
            if (REFUSED.containsKey(q)) {
                SQLException refusal = catchThrowableOfType(SQLException.class,
                        () -> ResultSnapshot.query(c, sql));
                assertThat((Throwable) refusal).as("Q%d on %s is refused", q, db).isNotNull();
                assertThat(refusal.getSQLState()).isEqualTo("42501");
                assertThat(refusal.getMessage()).endsWith("(rule: " + REFUSED.get(q) + ")");
                return;
            }
            ResultSnapshot veil;
            try {
                veil = ResultSnapshot.query(c, sql);
            } catch (SQLException e) {
                throw TpchQueries.failedThroughVeil(q, db, e);
            }
            Map<String, Output> masked = MASKED_OUTPUTS.getOrDefault(q, Map.of());
            ResultSnapshot expected = expected(raw, masked, phonesByCountryCode);
            Set<Integer> relaxed = maskedIndexes(raw, masked);
            assertThat(relaxed).as("masked outputs of Q%d found by label", q).hasSize(masked.size());
            assertThat(comparable(veil, relaxed)).as("Q%d on %s through Veil, masked in %s", q, db, masked.keySet())
                    .isEqualTo(comparable(expected, relaxed));
        }

        JsonNode event = AUDIT.eventOf(requester);
        Set<String> masks = new TreeSet<>();
        event.path("masks").forEach(m -> masks.add(tableAndColumn(m.asText())));
        assertThat(masks).as("masks Veil applied to Q%d on %s", q, db)
                .containsExactlyInAnyOrderElementsOf(MASKS_APPLIED.getOrDefault(q, Set.of()));
        assertThat(event.path("decision").asText()).as("Veil's decision for Q%d on %s", q, db)
                .isEqualTo(MASKS_APPLIED.containsKey(q) ? "MASKED" : "ALLOWED");
    }

    /**
     * With phone numbers compared on raw values instead ({@code predicates: allow}), Q22 is refused: its derived
     * table filters on {@code substring(c_phone from 1 for 2)}, a part of the value, and {@code allow} admits only
     * whole-value comparisons (a predicate per character would rebuild every number). (Its outer query also groups by
     * the country code computed from c_phone, a value masked where it is produced.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veil.it.support.Engines#all")
    void q22IsRefusedWhenPhonesMayOnlyBeComparedRaw(TestDatabase db) throws Exception {
        TpchDatabase.ensureLoaded(db);
        String sql = TpchQueries.of(db.engine()).get(21);
        Properties settings = new Properties();
        settings.setProperty("veil.policy", TpchPolicies.path("policy-marked-phone-allow.yaml").toString());
        try (Connection c = db.openVeil(settings)) {
            SQLException refusal = catchThrowableOfType(SQLException.class, () -> ResultSnapshot.query(c, sql));
            assertThat((Throwable) refusal).as("Q22 on %s is refused", db).isNotNull();
            assertThat(refusal.getSQLState()).isEqualTo("42501");
            assertThat(refusal.getErrorCode()).isEqualTo(7001);
            assertThat(refusal.getMessage().toLowerCase(Locale.ROOT)).contains("customer.c_phone (class "
                    + "phone_by_country)")
                    .contains("part of its value").endsWith("(rule: predicates: allow)");
        }
    }

    // ---- the expected result ------------------------------------------------------------------------------------

    /** The raw result with each masked output's values replaced by what Veil must return. */
    private static ResultSnapshot expected(ResultSnapshot raw, Map<String, Output> masked,
                                           Map<String, Set<String>> phonesByCountryCode) {
        Map<Integer, Output> byIndex = new HashMap<>();
        for (int i = 0; i < raw.columns().size(); i++) {
            Output output = masked.get(label(raw, i));
            if (output != null) {
                byIndex.put(i, output);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : raw.rows()) {
            List<String> copy = new ArrayList<>(row);
            for (Map.Entry<Integer, Output> e : byIndex.entrySet()) {
                int at = e.getKey() * 3; // getObject, wasNull, getString
                String value = rawString(row.get(at + 2));
                String veil = value == null ? null : e.getValue() instanceof Masked m
                        ? (String) REFERENCE.apply(maskOf(m.column()), value, ValueType.STRING)
                        : countryCodeOfMaskedPhones(value, phonesByCountryCode);
                copy.set(at, veil == null ? "NULL" : String.class.getName() + ":" + veil);
                copy.set(at + 1, "null=" + (veil == null));
                copy.set(at + 2, veil == null ? "NULL" : String.class.getName() + ":" + veil);
            }
            rows.add(copy);
        }
        return new ResultSnapshot(raw.columns(), rows);
    }

    /**
     * {@code substring(masked c_phone from 1 for 2)} for the customers Q22 counts under one raw country code: one
     * value, as the mask keeps the first three characters.
     */
    private static String countryCodeOfMaskedPhones(String rawCountryCode, Map<String, Set<String>> phones) {
        Set<String> codes = new TreeSet<>();
        for (String phone : phones.getOrDefault(rawCountryCode, Set.of())) {
            String masked = (String) REFERENCE.apply(maskOf("customer.c_phone"), phone, ValueType.STRING);
            codes.add(masked.substring(0, masked.offsetByCodePoints(0, 2)));
        }
        assertThat(codes).as("country codes of the masked phone numbers under %s", rawCountryCode).hasSize(1);
        return codes.iterator().next();
    }

    private static Map<String, Set<String>> phonesByCountryCode(Connection raw) throws SQLException {
        Map<String, Set<String>> phones = new TreeMap<>();
        try (Statement s = raw.createStatement(); ResultSet rs = s.executeQuery(Q22_PHONES)) {
            while (rs.next()) {
                phones.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        return phones;
    }

    /** The mask the policy gives a marked column, as the policy module's classifier reads the policy. */
    private static Mask maskOf(String column) {
        String[] parts = column.split("\\.");
        Classification found = new Classifier(LOADED).classify(ColumnInfo.of(null, parts[0], parts[1],
                ValueType.STRING)).orElseThrow(() -> new AssertionError(column + " is not marked"));
        return LOADED.sensitiveClass(found.classId()).orElseThrow().mask();
    }

    /** Columns and rows, with only the label and Java class kept of the metadata of masked columns. */
    private static ResultSnapshot comparable(ResultSnapshot snapshot, Set<Integer> masked) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < snapshot.columns().size(); i++) {
            String column = snapshot.columns().get(i);
            if (masked.contains(i)) {
                String[] fields = column.split("\\|", -1);
                column = "masked: label " + fields[0] + ", class " + fields[4];
            }
            columns.add(column);
        }
        return new ResultSnapshot(columns, snapshot.rows());
    }

    private static Set<Integer> maskedIndexes(ResultSnapshot raw, Map<String, Output> masked) {
        Set<Integer> indexes = new TreeSet<>();
        for (int i = 0; i < raw.columns().size(); i++) {
            if (masked.containsKey(label(raw, i))) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static String label(ResultSnapshot snapshot, int i) {
        return snapshot.columns().get(i).split("\\|", -1)[0].toLowerCase(Locale.ROOT);
    }

    /** The value of {@code ResultSnapshot.describe(getString)}. */
    private static String rawString(String described) {
        if (described.equals("NULL")) {
            return null;
        }
        String prefix = String.class.getName() + ":";
        assertThat(described).startsWith(prefix);
        return described.substring(prefix.length());
    }

    /** {@code table.column=mask} of a usage event's {@code catalog.schema.table.column=mask}. */
    private static String tableAndColumn(String mask) {
        int eq = mask.lastIndexOf('=');
        String[] names = mask.substring(0, eq).split("\\.");
        return (names[names.length - 2] + "." + names[names.length - 1]).toLowerCase(Locale.ROOT) + mask.substring(eq);
    }

    private static ValueType valueType(Column column) {
        return switch (column.type()) {
            case KEY, INT -> ValueType.INTEGER;
            case MONEY -> ValueType.DECIMAL;
            case CHAR, VARCHAR -> ValueType.STRING;
            case DATE -> ValueType.DATE;
        };
    }

    private static Map<String, Output> outputs(Object... labelsAndOutputs) {
        Map<String, Output> map = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndOutputs.length; i += 2) {
            map.put((String) labelsAndOutputs[i], (Output) labelsAndOutputs[i + 1]);
        }
        return map;
    }
}
