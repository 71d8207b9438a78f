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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A streamed read of every row, id, e-mail and phone (the peer comparison's masked stream), on H2 in memory with lazy
 * execution, where the database costs least and the driver's own share shows: the vendor driver alone, Veil masking
 * in the driver ({@code veil.masking=driver}) and Veil masking in SQL (the default). Scores are per row.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(StreamBenchmark.ROWS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class StreamBenchmark {

    static final int ROWS = 200_000;
    private static final String URL = "jdbc:h2:mem:stream_bench;DB_CLOSE_DELAY=-1;LAZY_QUERY_EXECUTION=1";

    @Param({"vendor", "veil-driver", "veil"})
    public String driver;

    private Connection connection;
    private PreparedStatement stream;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        try (Connection raw = DriverManager.getConnection(URL); Statement s = raw.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_customers");
            s.execute("CREATE TABLE bench_customers (id INT PRIMARY KEY, email VARCHAR(80), phone VARCHAR(20))");
            s.execute("INSERT INTO bench_customers SELECT X, 'user' || X || '@example.com',"
                    + " '+1 650-555-' || LPAD(MOD(X, 10000), 4, '0') FROM SYSTEM_RANGE(1, " + ROWS + ")");
        }
        Properties props = new Properties();
        if (driver.equals("veil-driver")) {
            props.setProperty("veil.masking", "driver");
        }
        connection = DriverManager.getConnection(driver.equals("vendor") ? URL : VeilUrl.wrapping(URL), props);
        connection.setAutoCommit(false);
        stream = connection.prepareStatement("SELECT id, email, phone FROM bench_customers",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        stream.setFetchSize(1_000);
        try (ResultSet rs = stream.executeQuery()) {
            rs.next();
            boolean masked = !rs.getString(2).equals("user1@example.com");
            if (masked == driver.equals("vendor")) {
                throw new IllegalStateException(driver + " read " + (masked ? "masked" : "raw") + " values");
            }
        }
        connection.commit();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        stream.close();
        connection.rollback();
        connection.close();
    }

    @Benchmark
    public long streamMasked() throws SQLException {
        long checksum = 0;
        try (ResultSet rs = stream.executeQuery()) {
            while (rs.next()) {
                checksum += rs.getInt(1) + length(rs.getString(2)) + length(rs.getString(3));
            }
        }
        connection.commit();
        return checksum;
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}
