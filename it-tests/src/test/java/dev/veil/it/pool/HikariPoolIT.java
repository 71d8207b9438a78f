package dev.veil.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.veil.driver.VeilDataSource;
import dev.veil.driver.VeilDriver;
import dev.veil.driver.jdbc.VeilConnection;
import dev.veil.it.support.TestDatabase;
import dev.veil.it.support.TestDatabase.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HikariCP with only the URL changed to {@code jdbc:veil:} (and with Veil's driver class named), and Veil wrapping a
 * HikariDataSource: 32 threads of load with no errors and no leaked connections.
 */
class HikariPoolIT {

    private static final int THREADS = 32;
    private static final int POOL_SIZE = 8;
    private static final long LOAD_MILLIS = 2_000;
    private static final String APPLICATION = "veil-it-pool";

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void poolConfiguredWithOnlyTheVeilUrl(TestDatabase db) throws Exception {
        HikariConfig config = poolConfig(db, db.veilUrl());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            runLoad(pool, db);
            assertNoConnectionInUse(pool);
        }
        assertNoServerSessionsLeft(db);
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void poolConfiguredWithVeilsDriverClass(TestDatabase db) throws Exception {
        HikariConfig config = poolConfig(db, db.veilUrl());
        config.setDriverClassName(VeilDriver.class.getName());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            runLoad(pool, db);
            assertNoConnectionInUse(pool);
        }
        assertNoServerSessionsLeft(db);
    }

    @ParameterizedTest
    @MethodSource("dev.veil.it.support.Engines#all")
    void veilDataSourceWrappingAHikariPool(TestDatabase db) throws Exception {
        try (HikariDataSource pool = new HikariDataSource(poolConfig(db, db.url()))) {
            VeilDataSource veil = new VeilDataSource(pool);
            try (Connection c = veil.getConnection()) {
                assertThat(c).isInstanceOf(VeilConnection.class);
                assertThat(c.isWrapperFor(com.zaxxer.hikari.pool.HikariProxyConnection.class)).isFalse();
            }
            runLoad(veil, db);
            assertNoConnectionInUse(pool);
        }
        assertNoServerSessionsLeft(db);
    }

    private static HikariConfig poolConfig(TestDatabase db, String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(db.user().isEmpty() ? null : db.user());
        config.setPassword(db.password().isEmpty() ? null : db.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("veil-it-" + db.engine());
        if (db.engine() == Engine.POSTGRESQL) {
            config.addDataSourceProperty("ApplicationName", APPLICATION);
        }
        return config;
    }

    /** Every thread queries in a loop, through plain and prepared statements, until the time is up. */
    private static void runLoad(DataSource dataSource, TestDatabase db) throws InterruptedException {
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicLong statements = new AtomicLong();
        CountDownLatch done = new CountDownLatch(THREADS);
        long end = System.nanoTime() + LOAD_MILLIS * 1_000_000;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        try (Connection c = dataSource.getConnection()) {
                            if (!(c instanceof VeilConnection) && !c.isWrapperFor(VeilConnection.class)) {
                                throw new AssertionError("pool handed out a connection that is not behind Veil");
                            }
                            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + id)) {
                                rs.next();
                                if (rs.getInt(1) != id) {
                                    throw new AssertionError("wrong result");
                                }
                            }
                            try (PreparedStatement p = c.prepareStatement("SELECT ? + 1")) {
                                p.setInt(1, id);
                                try (ResultSet rs = p.executeQuery()) {
                                    rs.next();
                                    if (rs.getInt(1) != id + 1) {
                                        throw new AssertionError("wrong result");
                                    }
                                }
                            }
                            statements.addAndGet(2);
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                } finally {
                    done.countDown();
                }
            }, "veil-it-load-" + t);
            threads.add(thread);
            thread.start();
        }
        done.await();
        assertThat(errors).as("errors under load on " + db).isEmpty();
        assertThat(statements.get()).isGreaterThan(THREADS);
    }

    private static void assertNoConnectionInUse(HikariDataSource pool) {
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(POOL_SIZE);
    }

    /** Once the pool is closed, the server holds no session of it (checked where the server can tell). */
    private static void assertNoServerSessionsLeft(TestDatabase db) throws SQLException, InterruptedException {
        if (db.engine() != Engine.POSTGRESQL) {
            return;
        }
        try (Connection c = db.openRaw()) {
            long left = -1;
            for (int attempt = 0; attempt < 100 && left != 0; attempt++) {
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
                    p.setString(1, APPLICATION);
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        left = rs.getLong(1);
                    }
                }
                if (left != 0) {
                    Thread.sleep(50); // backends exit asynchronously after the socket closes
                }
            }
            assertThat(left).as("PostgreSQL sessions left by the pool").isZero();
        }
    }
}
