package dev.veil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.BaseColumn;
import dev.veil.analyzer.Catalog;
import dev.veil.analyzer.ColumnReference;
import dev.veil.analyzer.ColumnSubstitution;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.FunctionCategory;
import dev.veil.analyzer.FunctionUse;
import dev.veil.analyzer.Hazard;
import dev.veil.analyzer.InMemoryCatalog;
import dev.veil.analyzer.OutputColumn;
import dev.veil.analyzer.RewriteResult;
import dev.veil.analyzer.SqlAnalyzer;
import dev.veil.analyzer.StatementAnalysis;
import dev.veil.analyzer.StatementKind;
import dev.veil.analyzer.Substitution;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabases;

/**
 * The analyzer's rewriter emits SQL that real H2, PostgreSQL and MariaDB execute, with the labels the original
 * statement had, and the analysis predicts those labels. The substitution wraps every value reference in a
 * type-preserving COALESCE; the catalog (views included) is read from each database's own metadata, so real view
 * definitions are analyzed too. Vendor drivers only.
 */
class RewriteExecutesIT {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer();

    private static final ColumnSubstitution WRAP = ref ->
            ref.origin() != ColumnReference.Origin.DERIVED && ref.kind() != ColumnReference.Kind.USING_COLUMN
                    && ref.kind() != ColumnReference.Kind.WHOLE_ROW
                    ? Substitution.replaceWith("COALESCE(" + ref.text() + ", " + ref.text() + ")")
                    : Substitution.keep();

    private static final List<String> QUERIES = List.of(
            "SELECT id, email FROM rwit_users",
            "SELECT ID, Email, u.NAME FROM rwit_users u",
            "SELECT 'x' AS k, ssn || '' AS s2, 1 + id FROM rwit_users",
            "SELECT * FROM rwit_users",
            "SELECT u.*, d.name FROM rwit_users u JOIN rwit_depts d ON d.id = u.dept_id",
            "SELECT * FROM rwit_users JOIN rwit_depts USING (id)",
            "SELECT lower(email), upper(name) FROM rwit_users",
            "SELECT email AS mail, ssn FROM rwit_users WHERE ssn IS NOT NULL",
            "SELECT count(*), max(ssn), dept_id FROM rwit_users GROUP BY dept_id",
            "SELECT x.e FROM (SELECT email AS e FROM rwit_users) x",
            "WITH c AS (SELECT ssn FROM rwit_users) SELECT * FROM c",
            "SELECT email FROM rwit_users UNION SELECT name FROM rwit_users",
            "SELECT (SELECT ssn FROM rwit_users u WHERE u.id = o.user_id) AS s FROM rwit_orders o",
            "SELECT row_number() OVER (PARTITION BY dept_id ORDER BY salary) AS r, name FROM rwit_users",
            "SELECT * FROM rwit_v_users",
            "SELECT name FROM rwit_v_users WHERE id = 1",
            "SELECT CASE WHEN ssn LIKE '1%' THEN name ELSE email END AS c FROM rwit_users",
            "SELECT id FROM rwit_users WHERE ssn IN (SELECT ssn FROM rwit_users WHERE id > 0)",
            "SELECT ssn FROM rwit_users ORDER BY ssn LIMIT 1",
            "SELECT * FROM (SELECT id, ssn FROM rwit_users) SPARK_GEN_SUBQ_0 WHERE 1=0",
            "SELECT d.name, sum(u.salary) AS total FROM rwit_users u JOIN rwit_depts d ON d.id = u.dept_id GROUP BY "
                    + "d.name");

    private static final List<String> WRITES = List.of(
            "INSERT INTO rwit_audit (user_id, email) SELECT id, ssn FROM rwit_users",
            "UPDATE rwit_users SET name = ssn WHERE id = 1",
            "DELETE FROM rwit_audit WHERE email IN (SELECT ssn FROM rwit_users)");

    /** JDBC escapes each vendor driver translates (H2 also takes {@code {limit}}, pgjdbc {@code {escape}}). */
    private static final List<String> ESCAPES = List.of(
            "SELECT {fn lcase(email)} AS e FROM rwit_users",
            "SELECT {fn concat(name, ssn)} FROM rwit_users",
            "SELECT {fn ifnull(ssn, name)} AS x FROM rwit_users",
            "SELECT {fn ucase({fn lcase(ssn)})} AS x FROM rwit_users",
            "SELECT {d '2024-01-01'} AS d, ssn FROM rwit_users",
            "SELECT u.name, o.amount FROM {oj rwit_users u LEFT OUTER JOIN rwit_orders o ON o.user_id = u.id}",
            "SELECT u.ssn FROM {oj rwit_users u LEFT OUTER JOIN rwit_depts d ON d.id = u.dept_id} WHERE u.id > 0");

    static Stream<Arguments> escapes() {
        List<Arguments> out = new ArrayList<>();
        for (TestDatabase db : TestDatabases.all()) {
            for (String q : ESCAPES) out.add(Arguments.of(db, q));
            if (db.engine() != TestDatabase.Engine.MARIADB) {
                out.add(Arguments.of(db, "SELECT ssn FROM rwit_users WHERE name LIKE 'A!%' {escape '!'} OR id > 0"));
            }
            if (db.engine() != TestDatabase.Engine.H2) {
                // the label is the translated function's: upper (PostgreSQL), ucase(email) (MariaDB)
                out.add(Arguments.of(db, "SELECT {fn ucase(email)}, id FROM rwit_users"));
            }
            if (db.engine() == TestDatabase.Engine.POSTGRESQL) {
                out.add(Arguments.of(db,
                        "SELECT {fn right(ssn, 2)} AS r, {fn timestampadd(SQL_TSI_DAY, 1, {d '2024-01-01'})} AS t "
                                + "FROM rwit_users"));
            }
            if (db.engine() == TestDatabase.Engine.MARIADB) {
                out.add(Arguments.of(db, "SELECT {fn convert(ssn, SQL_VARCHAR)} FROM rwit_users"));
            }
            if (db.engine() == TestDatabase.Engine.H2) {
                out.add(Arguments.of(db, "SELECT ssn FROM rwit_users {limit 1}"));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> queries() {
        List<Arguments> out = new ArrayList<>();
        for (TestDatabase db : TestDatabases.all()) for (String q : QUERIES) out.add(Arguments.of(db, q));
        return out.stream();
    }

    static Stream<Arguments> writes() {
        List<Arguments> out = new ArrayList<>();
        for (TestDatabase db : TestDatabases.all()) for (String q : WRITES) out.add(Arguments.of(db, q));
        return out.stream();
    }

    @BeforeAll
    static void createTables() throws SQLException {
        for (TestDatabase db : TestDatabases.all()) {
            try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
                dropAll(s);
                s.execute("CREATE TABLE rwit_users (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(50), ssn "
                        + "VARCHAR(20), dept_id INT, salary NUMERIC(10,2))");
                s.execute("CREATE TABLE rwit_depts (id INT PRIMARY KEY, name VARCHAR(50), budget NUMERIC(10,2))");
                s.execute("CREATE TABLE rwit_orders (id INT PRIMARY KEY, user_id INT, amount NUMERIC(10,2), note "
                        + "VARCHAR(100))");
                s.execute("CREATE TABLE rwit_audit (id INT, user_id INT, email VARCHAR(50))");
                s.execute("CREATE VIEW rwit_v_users AS SELECT id, name, lower(email) AS email FROM rwit_users WHERE "
                        + "dept_id IS NOT NULL");
                s.execute("INSERT INTO rwit_users VALUES (1, 'Ann', 'ann@x.org', '111-22-3333', 1, 10), (2, 'Bob', "
                        + "'bob@x.org', '222-33-4444', 2, 20)");
                s.execute("INSERT INTO rwit_depts VALUES (1, 'R&D', 100), (2, 'Ops', 50)");
                s.execute("INSERT INTO rwit_orders VALUES (1, 1, 5, 'n')");
                // email order is the reverse of name order; two rows share an email
                s.execute("CREATE TABLE rwit_qs (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(50))");
                s.execute("INSERT INTO rwit_qs VALUES (1, 'a', 'z@x'), (2, 'b', 'z@x'), (3, 'c', 'x@x')");
                switch (db.engine()) {
                    case POSTGRESQL ->
                            s.execute("CREATE FUNCTION rwit_f(x text) RETURNS text LANGUAGE sql AS $$ SELECT upper(x) "
                                    + "$$");
                    case MARIADB -> {
                        s.execute("CREATE FUNCTION rwit_f(x TEXT) RETURNS TEXT DETERMINISTIC RETURN upper(x)");
                        s.execute("CREATE PROCEDURE rwit_p(x TEXT) SELECT upper(x) AS r");
                    }
                    default -> { }
                }
            }
        }
    }

    @AfterAll
    static void dropTables() throws SQLException {
        for (TestDatabase db : TestDatabases.all()) {
            try (Connection c = db.openRaw(); Statement s = c.createStatement()) {
                dropAll(s);
            }
        }
    }

    private static void dropAll(Statement s) throws SQLException {
        String url = s.getConnection().getMetaData().getURL();
        if (url.startsWith("jdbc:postgresql:")) s.execute("DROP FUNCTION IF EXISTS rwit_f(text)");
        if (url.startsWith("jdbc:mariadb:")) {
            s.execute("DROP FUNCTION IF EXISTS rwit_f");
            s.execute("DROP PROCEDURE IF EXISTS rwit_p");
        }
        s.execute("DROP VIEW IF EXISTS rwit_v_users");
        for (String t : List.of("rwit_users", "rwit_depts", "rwit_orders", "rwit_audit",
                "rwit_qs")) s.execute("DROP TABLE IF EXISTS " + t);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("queries")
    void rewrittenQueryRunsWithTheOriginalLabels(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.openRaw()) {
            Analysis a = ANALYZER.analyze(sql, dialect(db), catalog(c, db));
            assertThat(a.isUnknown()).as(a.toString()).isFalse();
            RewriteResult r = a.rewrite(WRAP);
            assertThat(r.isRefused()).as(r.refusal()).isFalse();
            assertThat(r.changed()).isTrue();
            List<String> original = labels(c, sql);
            assertThat(labels(c, r.sql())).as(r.sql()).isEqualTo(original);
            assertThat(a.statements().get(0).outputColumns()).extracting(OutputColumn::label)
                    .as("labels the analysis predicts").isEqualTo(original);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("writes")
    void rewrittenWriteRuns(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.openRaw()) {
            Analysis a = ANALYZER.analyze(sql, dialect(db), catalog(c, db));
            RewriteResult r = a.rewrite(WRAP);
            assertThat(r.changed()).as(r.refusal()).isTrue();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(r.sql());
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * Statements with JDBC escapes: the analysis is of the text the vendor driver sends (pgjdbc's and MariaDB
     * Connector/J's {@code nativeSQL}), the rewrite keeps the escapes for the driver, and the rewritten statement
     * runs with the labels the original had and the analysis predicted. Prepared statements: MariaDB Connector/J
     * translates escapes only there (see {@link #mariadbStatementsLeaveEscapesToTheServer}).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("escapes")
    void escapesAreAnalyzedAsTheDriverTranslatesThem(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.openRaw()) {
            Analysis a = ANALYZER.analyze(sql, dialect(db), catalog(c, db));
            assertThat(a.isUnknown()).as(a.toString()).isFalse();
            if (db.engine() != TestDatabase.Engine.H2) {
                // H2's driver leaves "d '…'" for its parser; the analysis writes the standard DATE '…'
                assertThat(a.analyzedSql()).isEqualTo(c.nativeSQL(sql));
            }
            RewriteResult r = a.rewrite(WRAP);
            assertThat(r.isRefused()).as(r.refusal()).isFalse();
            assertThat(r.changed()).isTrue();
            assertThat(r.sql()).as("escapes stay for the driver").contains("{");
            List<String> original = preparedLabels(c, sql);
            assertThat(preparedLabels(c, r.sql())).as(r.sql()).isEqualTo(original);
            assertThat(a.statements().get(0).outputColumns()).extracting(OutputColumn::label)
                    .as("labels the analysis predicts").isEqualTo(original);
        }
    }

    /**
     * MariaDB Connector/J 3.5 leaves escapes alone in plain statements (its escape-processing flag starts false,
     * whatever its documentation says) and the server evaluates {@code {fn …}} itself: the same values as the
     * driver's translation, under a label that is the text as written. The analysis follows the translation.
     */
    @org.junit.jupiter.api.Test
    void mariadbStatementsLeaveEscapesToTheServer() throws SQLException {
        String sql = "SELECT {fn ucase(email)} FROM rwit_users ORDER BY id";
        try (Connection c = TestDatabases.mariadb().openRaw()) {
            assertThat(labels(c, sql)).containsExactly("{fn ucase(email)}");
            assertThat(preparedLabels(c, sql)).containsExactly("ucase(email)");
            assertThat(ResultSnapshotValues.of(c, sql, false)).isEqualTo(ResultSnapshotValues.of(c, sql, true))
                    .containsExactly("ANN@X.ORG", "BOB@X.ORG");
        }
    }

    /** The first column of every row, read through a plain or a prepared statement. */
    private static final class ResultSnapshotValues {
        static List<String> of(Connection c, String sql, boolean prepared) throws SQLException {
            try (Statement s = prepared ? c.prepareStatement(sql) : c.createStatement();
                 ResultSet rs = prepared ? ((PreparedStatement) s).executeQuery() : s.executeQuery(sql)) {
                List<String> out = new ArrayList<>();
                while (rs.next()) out.add(rs.getString(1));
                return out;
            }
        }
    }

    /** {@code {? = call f(?)}} through each vendor's prepareCall: a function call, its argument rewritten in place. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veil.it.support.Engines#all")
    void functionCallEscapesRunThroughPrepareCall(TestDatabase db) throws SQLException {
        try (Connection c = db.openRaw()) {
            Catalog catalog = catalog(c, db);
            Analysis a = ANALYZER.analyze("{? = call upper(?)}", dialect(db), catalog);
            StatementAnalysis s = a.statements().get(0);
            assertThat(s.type()).isEqualTo("CALL_FUNCTION");
            assertThat(s.kind()).isEqualTo(StatementKind.QUERY);
            assertThat(s.routine()).contains(db.engine() == TestDatabase.Engine.H2 ? "UPPER" : "upper");
            assertThat(s.functions()).containsExactly(new FunctionUse("upper", FunctionCategory.SCALAR));
            assertThat(s.hasHazard(Hazard.Kind.CALL)).isFalse();
            assertThat(callFunction(c, a.executedSql(), "abc")).isEqualTo("ABC");

            String reading = "{? = call lower((SELECT ssn FROM rwit_users WHERE id = ?))}";
            Analysis r = ANALYZER.analyze(reading, dialect(db), catalog);
            assertThat(r.statements().get(0).outputColumns()).singleElement()
                    .satisfies(o -> assertThat(o.sources()).extracting(BaseColumn::column).contains(db.engine() ==
                            TestDatabase.Engine.H2 ? "SSN" : "ssn"));
            RewriteResult masked = r.rewrite(ref -> ref.baseColumn().filter(b
                    -> b.column().equalsIgnoreCase("ssn")).isPresent()
                    ? Substitution.replaceWith("'MASKED'") : Substitution.keep());
            assertThat(masked.sql()).startsWith("{? = call lower(");
            assertThat(callFunction(c, r.executedSql(), 1)).isEqualTo("111-22-3333");
            assertThat(callFunction(c, masked.sql(), 1)).isEqualTo("masked");
        }
    }

    /** A user-defined function and a procedure call through prepareCall, analyzed as the driver sends them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veil.it.support.Engines#all")
    void callEscapesNameTheirRoutine(TestDatabase db) throws SQLException {
        try (Connection c = db.openRaw()) {
            Catalog catalog = catalog(c, db);
            String call = switch (db.engine()) {
                case POSTGRESQL -> "{call rwit_f(?)}"; // pgjdbc's default escapeSyntaxCallMode runs functions
                case MARIADB -> "{call rwit_p(?)}";
                case H2 -> "{call upper(?)}";
            };
            StatementAnalysis s = ANALYZER.analyze(call, dialect(db), catalog).statements().get(0);
            assertThat(s.type()).isEqualTo("CALL");
            assertThat(s.kind()).isEqualTo(StatementKind.UTILITY);
            assertThat(s.hasHazard(Hazard.Kind.CALL)).isTrue();
            assertThat(s.routine()).contains(switch (db.engine()) {
                case POSTGRESQL -> "rwit_f";
                case MARIADB -> "rwit_p";
                case H2 -> "UPPER";
            });
            if (db.engine() == TestDatabase.Engine.MARIADB) {
                assertThat(ANALYZER.analyze(call, dialect(db), catalog).analyzedSql()).isEqualTo(c.nativeSQL(call));
            }
            try (CallableStatement cs = c.prepareCall(call)) {
                cs.setString(1, "abc");
                cs.execute();
            }
            if (db.engine() != TestDatabase.Engine.H2) {
                Analysis udf = ANALYZER.analyze("{? = call rwit_f(?)}", dialect(db), catalog);
                StatementAnalysis f = udf.statements().get(0);
                assertThat(f.type()).isEqualTo("CALL_FUNCTION");
                assertThat(f.functions()).containsExactly(new FunctionUse("rwit_f", FunctionCategory.USER_DEFINED));
                // pgjdbc sends it as CALL when escapeSyntaxCallMode is call: it may be a procedure there
                assertThat(f.hasHazard(Hazard.Kind.CALL)).isEqualTo(db.engine() == TestDatabase.Engine.POSTGRESQL);
                assertThat(callFunction(c, udf.executedSql(), "abc")).isEqualTo("ABC");
            }
        }
    }

    /** Statements ordering or grouping by an output column whose select item a policy masks. */
    private static final List<String> ORDERED = List.of(
            "SELECT id, email FROM rwit_qs q ORDER BY email, id",
            "SELECT id, email AS e FROM rwit_qs ORDER BY e, 1",
            "SELECT id, email FROM rwit_qs q ORDER BY 2, 1",
            "SELECT * FROM rwit_qs q ORDER BY email, id");

    private static final List<String> GROUPED = List.of(
            "SELECT email AS e, count(*) AS n FROM rwit_qs GROUP BY e ORDER BY 1",
            "SELECT email, count(*) AS n FROM rwit_qs q GROUP BY email ORDER BY email",
            "SELECT email, count(*) AS n FROM rwit_qs q GROUP BY 1 ORDER BY 1");

    static Stream<Arguments> orderedAndGrouped() {
        List<Arguments> out = new ArrayList<>();
        for (TestDatabase db : TestDatabases.all()) {
            for (String q : ORDERED) out.add(Arguments.of(db, q, false));
            for (String q : GROUPED) {
                // H2 groups by the constant
                if (db.engine() == TestDatabase.Engine.H2 && q.contains("GROUP BY 1")) continue;
                out.add(Arguments.of(db, q, true));
            }
        }
        return out.stream();
    }

    /**
     * {@link ColumnReference#qualifiedSource()}: the select item is masked (with the name, whose order differs, or a
     * value the same for every email), and every reference that orders or groups by the output column is replaced by
     * its qualified source. The rewritten statement returns rows in the raw statement's order and groups; without
     * the replacement it would order or group by the masked value.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("orderedAndGrouped")
    void qualifiedSourcesOrderAndGroupByTheStoredValue(TestDatabase db, String sql,
            boolean grouping) throws SQLException {
        try (Connection c = db.openRaw()) {
            Analysis a = ANALYZER.analyze(sql, dialect(db), catalog(c, db));
            assertThat(a.isUnknown()).as(a.toString()).isFalse();
            ColumnSubstitution mask = ref -> ref.clause() == dev.veil.analyzer.Clause.OUTPUT
                    && ref.origin() == ColumnReference.Origin.BASE_TABLE
                    && ref.sources().stream().anyMatch(b -> b.column().equalsIgnoreCase("email"))
                    ? Substitution.replaceWith(grouping ? "LOWER(SUBSTRING(" + ref.text() + ", 1, 0))" : "name")
                    : Substitution.keep();
            RewriteResult raw = a.rewrite(ref -> {
                Substitution m = mask.substitute(ref);
                if (m != Substitution.keep()) return m;
                return ref.clause() != dev.veil.analyzer.Clause.OUTPUT && ref.qualifiedSource().isPresent()
                        ? Substitution.replaceWith(ref.qualifiedSource().get()) : Substitution.keep();
            });
            assertThat(raw.isRefused()).as(raw.refusal()).isFalse();
            List<String> expected = idsOrCounts(c, sql);
            assertThat(idsOrCounts(c, raw.sql())).as(raw.sql()).isEqualTo(expected);
            assertThat(labels(c, raw.sql())).as("labels").isEqualTo(labels(c, sql));
            if (!grouping || sql.contains("GROUP BY e ") || db.engine() == TestDatabase.Engine.H2) {
                // where the database binds the name to the output column, masking alone changes the answer
                assertThat(idsOrCounts(c, a.rewrite(mask).sql())).isNotEqualTo(expected);
            }
        }
    }

    /** The id (or count) column of each row, in order. */
    private static List<String> idsOrCounts(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int col = 1;
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                String l = rs.getMetaData().getColumnLabel(i);
                if (l.equalsIgnoreCase("id") || l.equalsIgnoreCase("n")) {
                    col = i;
                    break;
                }
            }
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(col));
            return out;
        }
    }

    private static String callFunction(Connection c, String sql, Object argument) throws SQLException {
        try (CallableStatement cs = c.prepareCall(sql)) {
            cs.registerOutParameter(1, java.sql.Types.VARCHAR);
            cs.setObject(2, argument);
            cs.execute();
            return cs.getString(1);
        }
    }

    private static Dialect dialect(TestDatabase db) {
        return switch (db.engine()) {
            case H2 -> Dialect.H2;
            case POSTGRESQL -> Dialect.POSTGRESQL;
            case MARIADB -> Dialect.MARIADB;
        };
    }

    private static List<String> labels(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) out.add(md.getColumnLabel(i));
            while (rs.next()) {
                // the whole result must be computable
            }
            return out;
        }
    }

    private static List<String> preparedLabels(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) out.add(md.getColumnLabel(i));
            while (rs.next()) {
                // the whole result must be computable
            }
            return out;
        }
    }

    /** The catalog of this test's relations, read from the database's metadata and view definitions. */
    private static Catalog catalog(Connection c, TestDatabase db) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String cat;
        String schema;
        switch (db.engine()) {
            case POSTGRESQL -> {
                cat = c.getCatalog();
                schema = scalar(c, "SELECT current_schema()");
            }
            case MARIADB -> {
                cat = null;
                schema = c.getCatalog();
            }
            default -> {
                cat = c.getCatalog();
                schema = c.getSchema();
            }
        }
        InMemoryCatalog.Builder b = InMemoryCatalog.builder(db.url()).currentCatalog(cat).searchPath(schema);
        if (db.engine() != TestDatabase.Engine.H2) b.function(schema, "rwit_f");
        for (String table : List.of("rwit_users", "rwit_depts", "rwit_orders", "rwit_audit", "rwit_qs",
                "rwit_v_users")) {
            String name = db.engine() == TestDatabase.Engine.H2 ? table.toUpperCase() : table;
            List<String> cols = new ArrayList<>();
            try (ResultSet rs = db.engine() == TestDatabase.Engine.MARIADB
                    ? md.getColumns(schema, null, name, "%") : md.getColumns(cat, schema, name, "%")) {
                while (rs.next()) cols.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME"));
            }
            assertThat(cols).as(name).isNotEmpty();
            if (table.startsWith("rwit_v_")) {
                b.view(schema, name, viewDefinition(c, db, schema, name), cols.toArray(String[]::new));
            } else {
                b.table(schema, name, cols.toArray(String[]::new));
            }
        }
        return b.build();
    }

    private static String viewDefinition(Connection c, TestDatabase db, String schema,
            String view) throws SQLException {
        String sql = switch (db.engine()) {
            case POSTGRESQL -> "SELECT definition FROM pg_views WHERE schemaname = ? AND viewname = ?";
            case MARIADB ->
                    "SELECT VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
            case H2 -> "SELECT VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, view);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("definition of " + view).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
