package dev.veil.it.tpch;

import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import dev.veil.it.support.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The 22 TPC-H queries in each engine's dialect, from {@code tpch/queries-<engine>.sql}. */
final class TpchQueries {

    private static final Pattern HEADER = Pattern.compile("(?m)^-- q(\\d+)$");
    private static final Map<Engine, List<String>> LOADED = new ConcurrentHashMap<>();

    private TpchQueries() {
    }

    /** Every engine with every query number, as the parameterized TPC-H tests take them. */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (TestDatabase db : TestDatabases.all()) {
            for (int q = 1; q <= 22; q++) {
                cases.add(Arguments.of(db, q));
            }
        }
        return cases.stream();
    }

    /** A failure naming the query, the engine and Veil's (or the database's) error. */
    static AssertionError failedThroughVeil(int q, TestDatabase db, SQLException e) {
        return new AssertionError("Q" + q + " on " + db + " failed through Veil: SQLState " + e.getSQLState() + ", "
                + e.getMessage(), e);
    }

    /** The query texts, Q1 first. */
    static List<String> of(Engine engine) {
        return LOADED.computeIfAbsent(engine, TpchQueries::load);
    }

    private static List<String> load(Engine engine) {
        String resource = "/tpch/queries-" + engine.name().toLowerCase(Locale.ROOT) + ".sql";
        String text;
        try (InputStream in = TpchQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> queries = new ArrayList<>();
        Matcher m = HEADER.matcher(text);
        int number = 0;
        int start = -1;
        while (m.find()) {
            if (start >= 0) {
                queries.add(text.substring(start, m.start()).strip());
            }
            if (Integer.parseInt(m.group(1)) != ++number) {
                throw new IllegalStateException(resource + ": expected q" + number + ", found q" + m.group(1));
            }
            start = m.end();
        }
        queries.add(text.substring(start).strip());
        if (queries.size() != 22) {
            throw new IllegalStateException(resource + " holds " + queries.size() + " queries, not 22");
        }
        return List.copyOf(queries);
    }
}
