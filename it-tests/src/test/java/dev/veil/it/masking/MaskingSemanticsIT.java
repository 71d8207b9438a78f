package dev.veil.it.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.it.support.ResultSnapshot;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What masking means through the driver, on every engine: which values come back masked, how each predicate mode
 * behaves, what writes store, and what an exempt user and the audit see.
 */
class MaskingSemanticsIT {

    @TempDir
    Path dir;

    private static final String POLICY = """
            version: 1
            classes:
              email: { mask: email, predicates: allow }
              phone: { mask: partial, keepLast: 2, predicates: masked }
            columns:
              - match: "*.ms_people.notes"
                class: free_text
            exempt:
              users: [%s]
            """;

    private Connection raw;

    private Connection veil(TestDatabase db, String exemptUser, String... extra) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, POLICY.formatted(exemptUser));
        Properties props = new Properties();
        props.setProperty("veil.policy", policy.toString());
        for (int i = 0; i < extra.length; i += 2) {
            props.setProperty(extra[i], extra[i + 1]);
        }
        return db.openVeil(props);
    }

    private void seed(TestDatabase db) throws SQLException {
        raw = db.openRaw();
        exec(raw, "DROP TABLE IF EXISTS ms_people");
        exec(raw, "DROP TABLE IF EXISTS ms_copy");
        exec(raw, "CREATE TABLE ms_people (id INT PRIMARY KEY, email VARCHAR(80), phone VARCHAR(30), ssn VARCHAR(11),"
                + " notes VARCHAR(200), city VARCHAR(30))");
        exec(raw, "INSERT INTO ms_people VALUES"
                + " (1, 'ann@example.com', '+1 555 0101', '111-22-3333', 'called on monday', 'Oslo'),"
                + " (2, 'bob@example.org', '+1 555 0202', '222-33-4444', 'prefers e-mail', 'Rome'),"
                + " (3, 'cat@example.net', '+1 555 0303', '333-44-5555', 'no notes', 'Oslo')");
        exec(raw, "CREATE TABLE ms_copy (id INT, note VARCHAR(200))");
    }

    private void drop() throws SQLException {
        exec(raw, "DROP TABLE ms_people");
        exec(raw, "DROP TABLE ms_copy");
        raw.close();
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void valuesLeaveMaskedWhereverTheyAreReturned(TestDatabase db) throws Exception {
        seed(db);
        try (Connection c = veil(db, "nobody")) {
            assertThat(rows(c, "SELECT id, email, phone, ssn, notes, city FROM ms_people ORDER BY id").get(0))
                    .containsExactly("1", "a***@example.com", "*********01", "*******3333", "***", "Oslo");
            // star expansion keeps labels and order
            ResultSnapshot viaStar = ResultSnapshot.query(c, "SELECT * FROM ms_people ORDER BY id");
            ResultSnapshot rawStar = ResultSnapshot.query(raw, "SELECT * FROM ms_people ORDER BY id");
            assertThat(labels(viaStar)).isEqualTo(labels(rawStar));
            // aggregates, expressions, derived tables, set operations
            assertThat(rows(c, "SELECT MAX(email) FROM ms_people")).containsExactly(List.of("c***@example.net"));
            assertThat(rows(c, "SELECT UPPER(x) FROM (SELECT email AS x FROM ms_people WHERE id = 2) d"))
                    .containsExactly(List.of("B***@EXAMPLE.ORG"));
            assertThat(rows(c, "SELECT city FROM ms_people WHERE id = 1 UNION ALL SELECT ssn FROM ms_people"
                    + " WHERE id = 1")).containsExactly(List.of("Oslo"), List.of("*******3333"));
        } finally {
            drop();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void predicateModesDenyCompareMaskedOrCompareRaw(TestDatabase db) throws Exception {
        seed(db);
        try (Connection c = veil(db, "nobody")) {
            // deny (ssn, the default): refused, naming column, clause and rule
            assertThatThrownBy(() -> rows(c, "SELECT id FROM ms_people WHERE ssn = '111-22-3333'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42501");
                        assertThat(e.getMessage().toLowerCase()).contains("ms_people.ssn", "(class ssn)", "where",
                                "(rule: predicates: deny)").doesNotContain("111-22-3333");
                    });
            // allow (email): raw comparison, so masking never changes which rows come back
            assertThat(rows(c, "SELECT id, email FROM ms_people WHERE email = 'bob@example.org'"))
                    .containsExactly(List.of("2", "b***@example.org"));
            assertThat(rows(c, "SELECT p.id FROM ms_people p JOIN ms_people q ON q.email = p.email ORDER BY p.id"))
                    .hasSize(3);
            // masked (phone): the comparison sees the masked value
            assertThat(rows(c, "SELECT id FROM ms_people WHERE phone = '+1 555 0101'")).isEmpty();
            assertThat(rows(c, "SELECT id FROM ms_people WHERE phone LIKE '%03'")).containsExactly(List.of("3"));
            // allow through an alias would compare masked values: refused rather than answered differently
            assertThatThrownBy(() -> rows(c, "SELECT x FROM (SELECT email AS x FROM ms_people) d"
                    + " WHERE x = 'bob@example.org'")).hasMessageContaining("(rule: predicates: allow)");
        } finally {
            drop();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void writesStoreMaskedValuesAndPreparedStatementsAreMaskedToo(TestDatabase db) throws Exception {
        seed(db);
        // the schema is checked at every statement, and another client's DDL between the INSERT and the UPDATE makes
        // Veil read ms_copy again: its sample now holds the masked e-mails just written, which are no e-mails (a
        // column classified e-mail by them would refuse the UPDATE)
        try (Connection c = veil(db, "nobody", "veil.catalog.check", "0s")) {
            exec(c, "INSERT INTO ms_copy (id, note) SELECT id, email FROM ms_people");
            assertThat(rows(raw, "SELECT note FROM ms_copy ORDER BY id").get(0)).containsExactly("a***@example.com");
            exec(raw, "CREATE TABLE ms_bump (x INT)");
            exec(c, "UPDATE ms_copy SET note = (SELECT ssn FROM ms_people WHERE ms_people.id = ms_copy.id)");
            assertThat(rows(raw, "SELECT note FROM ms_copy ORDER BY id").get(0)).containsExactly("*******3333");
            assertThatThrownBy(() -> exec(c, "UPDATE ms_people SET email = phone WHERE id = 1"))
                    .hasMessageContaining("(rule: write-masked)");
            try (PreparedStatement p = c.prepareStatement("SELECT email, city FROM ms_people WHERE id = ?")) {
                for (int id = 1; id <= 3; id++) {
                    p.setInt(1, id);
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        assertThat(rs.getString(1)).contains("***@");
                    }
                }
            }
        } finally {
            exec(raw, "DROP TABLE IF EXISTS ms_bump");
            drop();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void errorsOfSensitiveStatementsComeWithoutValues(TestDatabase db) throws Exception {
        seed(db);
        try (Connection c = veil(db, "nobody")) {
            // a cast that fails on the (masked) value: the database would quote it. (A cast in a predicate is no
            // longer a whole-value comparison, so predicates: allow refuses it before it runs.)
            String cast = db.engine() == Engine.MARIADB
                    ? "SELECT id FROM ms_people WHERE email = 'x' AND 1 = (SELECT 1 UNION SELECT 2)"
                    : "SELECT CAST(email AS INT) FROM ms_people";
            assertThatThrownBy(() -> rows(c, "SELECT id FROM ms_people WHERE CAST(email AS INT) = 1"))
                    .hasMessageContaining("(rule: predicates: allow)");
            assertThatThrownBy(() -> rows(c, cast)).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getMessage()).startsWith("veil: the database reported an error")
                        .doesNotContain("ann@example.com").doesNotContain("example.com");
                assertThat(e.getCause()).isNull();
            });
        } finally {
            drop();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void anExemptUserSeesRawValuesAndEveryStatementIsAudited(TestDatabase db) throws Exception {
        seed(db);
        Path audit = dir.resolve("audit.jsonl");
        String user = principal(db);
        try (Connection exempt = veil(db, user, "veil.audit.file", audit.toString());
             Connection masked = veil(db, "nobody", "veil.audit.file", audit.toString())) {
            assertThat(rows(exempt, "SELECT ssn FROM ms_people WHERE id = 1")).containsExactly(List.of("111-22-3333"));
            assertThat(rows(masked, "SELECT ssn FROM ms_people WHERE id = 1")).containsExactly(List.of("*******3333"));
            assertThatThrownBy(() -> rows(masked, "SELECT id FROM ms_people WHERE ssn = '1'"))
                    .isInstanceOf(SQLException.class);
        } finally {
            drop();
        }
        List<JsonNode> events = awaitEvents(audit, 3);
        assertThat(events).extracting(e -> e.get("decision").asText()).contains("EXEMPT", "MASKED", "REFUSED");
        JsonNode maskedEvent = events.stream().filter(e -> e.get("decision").asText().equals("MASKED")).findFirst()
                .orElseThrow();
        assertThat(maskedEvent.get("rows").asLong()).isEqualTo(1);
        assertThat(maskedEvent.get("masks").toString().toLowerCase()).contains("ms_people.ssn=partial");
        assertThat(maskedEvent.get("columns").get(0).get("sensitivityClass").asText()).isEqualTo("ssn");
        assertThat(maskedEvent.get("fingerprint").asText()).hasSize(64);
        assertThat(Files.readString(audit)).doesNotContain("111-22-3333");
    }

    /** The user name as the database reports it (H2 upper-cases unquoted names). */
    private static String principal(TestDatabase db) {
        return db.engine() == Engine.H2 ? db.user().toUpperCase() : db.user();
    }

    private static List<JsonNode> awaitEvents(Path audit, int count) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (int attempt = 0; attempt < 100; attempt++) {
            if (Files.exists(audit)) {
                List<JsonNode> events = new ArrayList<>();
                for (String line : Files.readAllLines(audit)) {
                    events.add(json.readTree(line));
                }
                if (events.size() >= count) {
                    return events;
                }
            }
            Thread.sleep(50); // the audit file is written asynchronously
        }
        throw new AssertionError("fewer than " + count + " usage events were written");
    }

    private static List<String> labels(ResultSnapshot snapshot) {
        return snapshot.columns().stream().map(c -> c.substring(0, c.indexOf('|'))).toList();
    }


    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
