package dev.veil.benchmarks;

import dev.veil.driver.config.VeilUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Veil against the vendor driver alone, statement for statement, in steady state (plans cached): a prepared lookup,
 * a plain statement (planned from its text each time), a statement whose result is masked, and reading a result of
 * 1,000 rows. {@code target=h2} (embedded, where Veil's share is largest) needs nothing; {@code target=postgresql}
 * reads {@code VEIL_BENCH_PG_URL} (and {@code VEIL_BENCH_PG_USER}). {@code check} is Veil's
 * {@code veil.catalog.check}: {@code 1s} (the default) reads the schema fingerprint once a second, {@code 0s} before
 * every statement.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DriverBenchmark {

    @Param({"h2"})
    public String target;

    @Param({"vendor", "veil"})
    public String driver;

    @Param({"1s"})
    public String check;

    private Connection connection;
    private PreparedStatement lookup;
    private PreparedStatement maskedLookup;
    private int id;
    private long sequence;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        String url;
        Properties props = new Properties();
        if (target.equals("postgresql")) {
            url = System.getenv("VEIL_BENCH_PG_URL");
            if (url == null) {
                throw new IllegalStateException("set VEIL_BENCH_PG_URL to benchmark PostgreSQL");
            }
            String user = System.getenv("VEIL_BENCH_PG_USER");
            if (user != null) {
                props.setProperty("user", user);
            }
        } else {
            url = "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1";
        }
        try (Connection raw = DriverManager.getConnection(url, props); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_customers");
            s.execute("CREATE TABLE bench_customers (id INT PRIMARY KEY, email VARCHAR(80), city VARCHAR(40))");
            s.execute("INSERT INTO bench_customers SELECT g, 'user' || g || '@example.com', 'city' || (g % 50)"
                    + (target.equals("postgresql") ? " FROM generate_series(1, 1000) g"
                            : " FROM SYSTEM_RANGE(1, 1000) t(g)"));
        }
        Properties connectionProps = new Properties();
        connectionProps.putAll(props);
        if (driver.equals("veil")) {
            connectionProps.setProperty("veil.catalog.check", check);
        }
        connection = DriverManager.getConnection(driver.equals("veil") ? VeilUrl.wrapping(url) : url,
                connectionProps);
        lookup = connection.prepareStatement("SELECT id, city FROM bench_customers WHERE id = ?");
        maskedLookup = connection.prepareStatement("SELECT id, email FROM bench_customers WHERE id = ?");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        lookup.close();
        maskedLookup.close();
        connection.close();
    }

    private int nextId() {
        id = id % 1000 + 1;
        return id;
    }

    @Benchmark
    public void preparedLookup(Blackhole bh) throws SQLException {
        lookup.setInt(1, nextId());
        try (ResultSet rs = lookup.executeQuery()) {
            rs.next();
            bh.consume(rs.getString(2));
        }
    }

    /** A prepared point select returning a masked e-mail: a cached plan's execution plus the mask's SQL. */
    @Benchmark
    public void preparedMaskedLookup(Blackhole bh) throws SQLException {
        maskedLookup.setInt(1, nextId());
        try (ResultSet rs = maskedLookup.executeQuery()) {
            rs.next();
            bh.consume(rs.getString(2));
        }
    }

    @Benchmark
    public void statementLookup(Blackhole bh) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, city FROM bench_customers WHERE id = 17")) {
            rs.next();
            bh.consume(rs.getString(2));
        }
    }

    @Benchmark
    public void maskedLookup(Blackhole bh) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, email FROM bench_customers WHERE id = 17")) {
            rs.next();
            bh.consume(rs.getString(2));
        }
    }

    /** A text never seen before each time (two new literals), of one shape: as SQL built by concatenation. */
    @Benchmark
    public void statementNewLiterals(Blackhole bh) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, city FROM bench_customers WHERE id = " + nextId()
                     + " AND city <> 'x" + (++sequence) + "'")) {
            rs.next();
            bh.consume(rs.getString(2));
        }
    }

    /** As {@link #statementNewLiterals}, returning a masked column. */
    @Benchmark
    public void maskedNewLiterals(Blackhole bh) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, email FROM bench_customers WHERE id = " + nextId()
                     + " AND city <> 'x" + (++sequence) + "'")) {
            rs.next();
            bh.consume(rs.getString(2));
        }
    }

    @Benchmark
    public void read1000Rows(Blackhole bh) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, city FROM bench_customers")) {
            while (rs.next()) {
                bh.consume(rs.getInt(1));
                bh.consume(rs.getString(2));
            }
        }
    }
}
