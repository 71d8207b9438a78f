package dev.veil.spark.v3;

import java.util.List;
import org.apache.spark.sql.jdbc.JdbcDialects;

/** Registers a {@link VeilDialect} for each vendor scheme Veil wraps. Registering again changes nothing. */
public final class VeilDialects {

    /** The schemes of the URLs Veil wraps that Spark has a dialect for. */
    public static final List<String> SCHEMES = List.of("postgresql", "mysql", "mariadb", "h2");

    private VeilDialects() {
    }

    public static void register() {
        for (String scheme : SCHEMES) {
            JdbcDialects.registerDialect(new VeilDialect(scheme));
        }
    }
}
