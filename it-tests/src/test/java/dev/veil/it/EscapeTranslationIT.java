package dev.veil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.veil.analyzer.Analysis;
import dev.veil.analyzer.Catalog;
import dev.veil.analyzer.Dialect;
import dev.veil.analyzer.InMemoryCatalog;
import dev.veil.analyzer.SqlAnalyzer;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabases;

/**
 * The analyzer's replay of each vendor driver's JDBC escape translation against the driver itself
 * ({@code Connection.nativeSQL}, which runs the same translation as prepared statements): whenever the analyzer
 * accepts a text's escapes, the text it analyzes is exactly what the driver sends. Texts whose escapes it refuses
 * are fine; the test fails if it accepts fewer than half of them (it would then prove little).
 */
class EscapeTranslationIT {

    private static final SqlAnalyzer ANALYZER = new SqlAnalyzer(SqlAnalyzer.Options.defaults().withCrossCheck(false));

    private static final List<String> COMMON = List.of(
            "SELECT {fn ucase(name)}, {fn lcase(email)} FROM t",
            "SELECT {fn Ucase(name)}, {fn LCASE(email)} FROM t",
            "SELECT {fn concat(name, email)}, {fn concat('a', 'b')} FROM t",
            "SELECT {fn ifnull(name, 'x')}, {fn abs(-1)}, {fn mod(7, 2)}, {fn round(1.5, 0)} FROM t",
            "SELECT {fn now()}, {fn curdate()}, {fn curtime()}, {fn user()}, {fn database()} FROM t",
            "SELECT {fn length(name)}, {fn ltrim(name)}, {fn rtrim(name)}, {fn space(2)} FROM t",
            "SELECT {fn substring(name, 1, 2)}, {fn left(name, 2)}, {fn right(name, 2)} FROM t",
            "SELECT {fn locate('a', name)}, {fn locate('a', name, 2)}, {fn insert(name, 1, 2, 'x')} FROM t",
            "SELECT {fn year(created)}, {fn month(created)}, {fn dayofmonth(created)}, {fn hour(created)} FROM t",
            "SELECT {fn dayofweek(created)}, {fn dayofyear(created)}, {fn monthname(created)}, {fn dayname(created)} "
                    + "FROM t",
            "SELECT {fn week(created)}, {fn quarter(created)}, {fn minute(created)}, {fn second(created)} FROM t",
            "SELECT {fn timestampadd(SQL_TSI_DAY, 1, created)}, {fn timestampadd(SQL_TSI_QUARTER, 2, created)} FROM t",
            "SELECT {fn timestampdiff(SQL_TSI_HOUR, created, created)} FROM t",
            "SELECT {fn convert(name, SQL_VARCHAR)}, {fn convert(id, SQL_BIGINT)},"
                    + " {fn convert(id, SQL_BOOLEAN)} FROM t",
            "SELECT {fn ceiling(1.2)}, {fn log(2)}, {fn log10(2)}, {fn power(2, 3)}, {fn truncate(1.5, 0)} FROM t",
            "SELECT {fn ucase({fn lcase(name)})}, {fn ucase({fn concat(name, {fn lcase(email)})})} FROM t",
            "SELECT {fn ucase( name )}, {fn ucase(name) } FROM t",
            "SELECT {fn ucase('a,b')}, {fn ucase('}')}, {fn concat('(', ')')} FROM t",
            "SELECT {fn my_fn(name, 1)}, {fn s.my_fn()} FROM t",
            "SELECT {d '2024-01-01'}, {t '10:00:00'}, {ts '2024-01-01 10:00:00'} FROM t",
            "SELECT {d'2024-01-01'}, {ts'2024-01-01 10:00:00'}, {d  '2024-01-01'  } FROM t",
            "SELECT {D '2024-01-01'}, {TS '2024-01-01 10:00:00'} FROM t",
            "SELECT * FROM {oj t a LEFT OUTER JOIN t b ON a.id = b.id}",
            "SELECT * FROM {oj t a LEFT OUTER JOIN t b ON a.id = b.id} WHERE a.name = '{d ''x''}'",
            "SELECT name FROM t WHERE name LIKE 'a!%' {escape '!'}",
            "SELECT name FROM t {limit 10}",
            "SELECT { fn ucase(name)}, {  d '2024-01-01'} FROM t",
            "SELECT {fn ucase(name) || 'x'} FROM t",
            "SELECT {xyz ucase(name)} FROM t",
            "SELECT {fnord(1)} FROM t",
            "SELECT '{fn ucase(name)}', \"{fn\" FROM t",
            "SELECT name /* {fn ucase(name)} */, {fn lcase(name)} FROM t -- {d",
            "SELECT name /* /* */ {fn ucase(name)} */, {fn lcase(name)} FROM t",
            "SELECT 1--1, {fn ucase(name)} FROM t",
            "SELECT 4//2, {fn ucase(name)} FROM t",
            "SELECT name # {fn ucase(name)}\n, {fn lcase(name)} FROM t",
            "SELECT $${fn ucase(name)}$$, {fn lcase(name)} FROM t",
            "SELECT $a${fn x}$a$, {fn lcase(name)} FROM t",
            "SELECT E'\\'{fn x}', {fn lcase(name)} FROM t",
            "SELECT 'it''s {fn x}', {fn lcase(name)} FROM t",
            "SELECT 'a\\'{fn x}', {fn lcase(name)} FROM t",
            "SELECT `{fn x}`, {fn lcase(name)} FROM t",
            "SELECT {fn ucase(name)} FROM t; SELECT {fn lcase(name)} FROM t",
            "{call p(?, ?)}",
            "{ call p(?, {fn ucase(?)}) }",
            "{CALL s.p('a''b', 1)}",
            "{call p}",
            "{? = call f(?)}",
            "SELECT {call p()}");

    static Stream<Arguments> texts() {
        List<Arguments> out = new ArrayList<>();
        for (TestDatabase db : TestDatabases.all()) out.add(Arguments.of(db));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void theAnalyzedTextIsWhatTheDriverSends(TestDatabase db) throws SQLException {
        Dialect dialect = switch (db.engine()) {
            case H2 -> Dialect.H2;
            case POSTGRESQL -> Dialect.POSTGRESQL;
            case MARIADB -> Dialect.MARIADB;
        };
        Catalog catalog = InMemoryCatalog.builder("escapes-" + db.engine()).searchPath("s")
                .table("s", dialect == Dialect.H2 ? "T" : "t", "id int", "name varchar", "email varchar",
                        "created timestamp")
                .build();
        int accepted = 0;
        List<String> mismatches = new ArrayList<>();
        try (Connection c = db.openRaw()) {
            for (String sql : COMMON) {
                Analysis a = ANALYZER.analyze(sql, dialect, catalog);
                // not accepted: escapes refused, or a text that is not even lexically valid for the database
                boolean refused = a.statements().stream().map(s -> s.unknownReason().orElse(""))
                        .anyMatch(r -> r.startsWith("JDBC escape syntax") || r.startsWith("lexical error"));
                if (refused) continue;
                String driver;
                try {
                    driver = c.nativeSQL(sql);
                } catch (SQLException e) {
                    mismatches.add(sql + "\n    the driver refuses it, the analyzer does not");
                    continue;
                }
                accepted++;
                String analyzed = a.analyzedSql();
                String expected = expected(db, driver);
                String type = String.valueOf(a.statements().get(0).type());
                if (type.startsWith("CALL") && sql.strip().startsWith("{")) {
                    // call escapes: prepareCall's form is checked elsewhere; here the escapes inside them, where the
                    // driver's nativeSQL keeps the call (pgjdbc also numbers parameters)
                    if (db.engine() == TestDatabase.Engine.POSTGRESQL || type.equals("CALL_FUNCTION")) {
                        continue;
                    }
                    analyzed = analyzed.strip().replaceAll("\\s+", " ");
                    expected = expected.strip().replaceAll("\\s+", " ");
                }
                if (!analyzed.equals(expected)) mismatches.add(sql + "\n    driver:   " + expected + "\n    analyzed: "
                        + analyzed);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(accepted).isGreaterThan(COMMON.size() / 2);
    }

    /** What the driver sends, in the analyzer's terms: H2's own {@code d '…'} literal is written {@code DATE '…'}. */
    private static String expected(TestDatabase db, String driver) {
        if (db.engine() != TestDatabase.Engine.H2) return driver;
        return driver.replaceAll("(?i)(?<=[ (,])ts ?(?=')", "TIMESTAMP ").replaceAll("(?i)(?<=[ (,])t ?(?=')", "TIME ")
                .replaceAll("(?i)(?<=[ (,])d ?(?=')", "DATE ");
    }
}
