package dev.veil.benchmarks.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The contenders on one database, in the order each round starts from: the vendor driver alone, the vendor driver
 * sending the SQL Veil rewrote (the database's share of Veil's cost), Veil, Veil masking plain projections in the
 * driver ({@code veil.masking=driver}, opt-in: the raw values cross the network), P6Spy and ShardingSphere-JDBC. Each
 * is configured as its users run it: Veil with its built-in policy, P6Spy with its default configuration (which logs
 * every statement to a file), ShardingSphere with mask rules on the same two columns.
 */
final class Contenders {

    static final String P6SPY_LOG = "spy.log";

    private Contenders() {
    }

    static List<Contender> on(BenchDatabase database, ContenderLoaders loaders, Path workDir)
            throws SQLException, IOException {
        Properties credentials = database.credentials();
        String rest = database.url().substring("jdbc:".length());
        List<Contender> all = new ArrayList<>();

        Driver vendor = loaders.vendorDriver(database.url());
        all.add(new Contender(Contender.VENDOR, "vendor driver", loaders.vendors(), vendor, database.url(),
                credentials, false, SqlSource.AS_WRITTEN, null));

        ClassLoader veilLoader = loaders.contender("veil", "veil", database.key());
        Contender veil = new Contender("veil", "Veil", veilLoader,
                ContenderLoaders.driver(veilLoader, "dev.veil.driver.VeilDriver"), "jdbc:veil:" + rest, credentials,
                true, SqlSource.AS_WRITTEN, null);
        Connection explaining = veil.connect();
        all.add(new Contender("vendor-veil-sql", "raw + Veil SQL", loaders.vendors(), vendor, database.url(),
                credentials, true, new VeilRewrites(explaining), explaining));
        all.add(veil);
        Properties driverMasking = new Properties();
        driverMasking.putAll(credentials);
        driverMasking.setProperty("veil.masking", "driver");
        ClassLoader driverMaskingLoader = loaders.contender("veil", "veil-driver", database.key());
        all.add(new Contender("veil-driver", "Veil, driver masking", driverMaskingLoader,
                ContenderLoaders.driver(driverMaskingLoader, "dev.veil.driver.VeilDriver"), veil.url(),
                driverMasking, true, SqlSource.AS_WRITTEN, null));

        // P6Spy's default configuration, except that its log goes to the run's scratch directory, not the cwd
        System.setProperty("p6spy.config.logfile", workDir.resolve(P6SPY_LOG).toString());
        ClassLoader p6spyLoader = loaders.contender("p6spy", "p6spy", database.key());
        all.add(new Contender("p6spy", "P6Spy", p6spyLoader,
                ContenderLoaders.driver(p6spyLoader, "com.p6spy.engine.spy.P6SpyDriver"), "jdbc:p6spy:" + rest,
                credentials, false, SqlSource.AS_WRITTEN, null));

        ClassLoader shardingLoader = loaders.contender("shardingsphere", "shardingsphere", database.key());
        Path config = ShardingSphereConfig.write(database, workDir);
        all.add(new Contender("shardingsphere", "ShardingSphere", shardingLoader,
                ContenderLoaders.driver(shardingLoader, "org.apache.shardingsphere.driver.ShardingSphereDriver"),
                "jdbc:shardingsphere:absolutepath:" + config.toAbsolutePath(), new Properties(), true,
                SqlSource.AS_WRITTEN, null));
        return all;
    }

}
