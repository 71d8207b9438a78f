package dev.veil.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rewritten SQL runs on a real (embedded) H2 and keeps every label the original query had; the analysis predicts
 * those labels. The substitution wraps every value reference in a type-preserving function.
 */
class RewriteOnH2Test {

    private static Connection db;
    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    @BeforeAll
    static void createDatabase() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:rewrite_test;DB_CLOSE_DELAY=-1");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(50), ssn VARCHAR(20), "
                    + "dept_id INT, salary NUMERIC(10,2))");
            s.execute("CREATE TABLE orders (id INT PRIMARY KEY, user_id INT, amount NUMERIC(10,2), note VARCHAR(100), "
                    + "created_at TIMESTAMP)");
            s.execute("CREATE TABLE depts (id INT PRIMARY KEY, name VARCHAR(50), budget NUMERIC(10,2))");
            s.execute("CREATE TABLE audit_log (id INT, user_id INT, email VARCHAR(50), at TIMESTAMP)");
            s.execute("CREATE TABLE people (id INT, parent_id INT, name VARCHAR(50), ssn VARCHAR(20))");
            s.execute("CREATE VIEW v_users AS SELECT id, name, email FROM users");
            s.execute("INSERT INTO users VALUES (1, 'Ann', 'ann@x.org', '111-22-3333', 1, 10), (2, 'Bob', "
                    + "'bob@x.org', '222-33-4444', 2, 20)");
            s.execute("INSERT INTO depts VALUES (1, 'R&D', 100), (2, 'Ops', 50)");
            s.execute("INSERT INTO orders VALUES (1, 1, 5, 'n', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO people VALUES (1, NULL, 'root', '1'), (2, 1, 'kid', '2')");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    private static final ColumnSubstitution WRAP = ref ->
            (ref.origin() != ColumnReference.Origin.DERIVED && ref.kind() != ColumnReference.Kind.USING_COLUMN
                    && ref.kind() != ColumnReference.Kind.WHOLE_ROW)
                    ? Substitution.replaceWith("COALESCE(" + ref.text() + ", " + ref.text() + ")")
                    : Substitution.keep();

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT id, email FROM users",
            "SELECT * FROM users",
            "SELECT u.*, d.name FROM users u JOIN depts d ON d.id = u.dept_id",
            "SELECT * FROM users JOIN depts USING (id)",
            "SELECT lower(email), upper(name) FROM users",
            "SELECT id + 1, email || 'x' FROM users",
            "SELECT email AS mail, \"SSN\" FROM users",
            "SELECT count(*), max(ssn), dept_id FROM users GROUP BY dept_id",
            "SELECT x.e FROM (SELECT email AS e FROM users) x",
            "SELECT e FROM (SELECT email FROM users) x (e)",
            "WITH c AS (SELECT ssn FROM users) SELECT * FROM c",
            "SELECT email FROM users UNION SELECT name FROM users",
            "SELECT (SELECT ssn FROM users u WHERE u.id = o.user_id) AS s FROM orders o",
            "SELECT row_number() OVER (PARTITION BY dept_id ORDER BY salary) AS r, name FROM users",
            "SELECT * FROM v_users",
            "SELECT name FROM v_users WHERE id = 1",
            "SELECT CASE WHEN ssn LIKE '1%' THEN name ELSE email END AS c FROM users",
            "SELECT id FROM users WHERE ssn IN (SELECT ssn FROM people)",
            "WITH RECURSIVE t (id, ssn) AS (SELECT id, ssn FROM people WHERE parent_id IS NULL UNION ALL SELECT p.id, "
                    + "p.ssn FROM people p JOIN t ON p.parent_id = t.id) SELECT * FROM t",
            "SELECT TOP 1 ssn FROM users ORDER BY ssn",
            "SELECT * FROM (SELECT id, ssn FROM users) SPARK_GEN_SUBQ_0 WHERE 1=0",
            "SELECT \"ID\",\"SSN\" FROM USERS WHERE \"ID\" >= 1 AND \"ID\" < 20",
            // JDBC escapes, translated by H2's driver both times
            "SELECT {fn lcase(email)} AS e, {d '2024-01-01'} AS d FROM users",
            "SELECT u.name, o.amount FROM {oj users u LEFT OUTER JOIN orders o ON o.user_id = u.id}",
            "SELECT ssn FROM users WHERE name LIKE 'A!%' {escape '!'} OR id > 0 {limit 5}",
    })
    void rewrittenQueriesRunAndKeepLabels(String sql) throws SQLException {
        Analysis a = ANALYZER.analyze(sql, Dialect.H2, TestCatalogs.h2());
        assertThat(a.isUnknown()).as(a.toString()).isFalse();
        RewriteResult r = a.rewrite(WRAP);
        assertThat(r.isRefused()).as(r.refusal()).isFalse();
        assertThat(r.changed()).isTrue();
        List<String> original = labels(sql);
        assertThat(labels(r.sql())).as(r.sql()).isEqualTo(original);
        assertThat(a.statements().get(0).outputColumns()).extracting(OutputColumn::label).as("predicted labels")
                .isEqualTo(original);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO audit_log (user_id, email) SELECT id, ssn FROM users",
            "UPDATE users SET name = ssn WHERE id = 1",
            "CREATE TABLE copy_rw AS SELECT id, ssn FROM users",
            "MERGE INTO audit_log a USING users u ON a.user_id = u.id WHEN MATCHED THEN UPDATE SET email = u.email",
    })
    void rewrittenWritesRun(String sql) throws SQLException {
        Analysis a = ANALYZER.analyze(sql, Dialect.H2, TestCatalogs.h2());
        RewriteResult r = a.rewrite(WRAP);
        assertThat(r.changed()).as(r.refusal()).isTrue();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute(r.sql());
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }

    private static List<String> labels(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) out.add(md.getColumnLabel(i));
            while (rs.next()) { /* the whole result must be computable */ }
            return out;
        }
    }
}
