package dev.veil.spark.v3;

import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;

/**
 * Spark's dialect for {@code jdbc:veil:<scheme>:…} URLs: Spark's own dialect for the wrapped {@code jdbc:<scheme>:…}
 * URL, to which every method is forwarded — quoting, type mappings both ways, fetch size and autocommit, truncate,
 * upsert and the schema probe behave exactly as without Veil. MariaDB URLs get Spark's MySQL dialect, as in Spark 4
 * (Spark 3.5 itself gives {@code jdbc:mariadb:} URLs only its generic dialect).
 *
 * <p>Two instances are equal when they are for the same scheme, so that registering one again replaces it; no
 * instance equals one of Spark's dialects, so registering never unregisters Spark's own.
 */
public final class VeilDialect extends ForwardingJdbcDialect {

    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "jdbc:veil:";

    private final String scheme;
    private transient JdbcDialect delegate;

    /** @param scheme the vendor scheme of the wrapped URL, e.g. {@code postgresql} */
    public VeilDialect(String scheme) {
        this.scheme = scheme.toLowerCase(Locale.ROOT);
    }

    public String scheme() {
        return scheme;
    }

    @Override
    public boolean canHandle(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith(PREFIX + scheme + ":");
    }

    /** Spark's dialect for the wrapped URL, looked up when first needed (also after deserialization). */
    @Override
    protected JdbcDialect delegate() {
        JdbcDialect d = delegate;
        if (d == null) {
            // MariaDB is Spark's MySQL dialect (Spark 3.5 knows only jdbc:mysql: URLs, Spark 4 both)
            d = JdbcDialects.get("jdbc:" + (scheme.equals("mariadb") ? "mysql" : scheme) + ":");
            delegate = d;
        }
        return d;
    }

    /** Deserialized on an executor: make sure the executor knows the dialects too. */
    private Object readResolve() {
        VeilDialects.register();
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass().getName().equals(getClass().getName())
                && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass().getName(), scheme);
    }

    /** {@code jdbc:veil:<scheme>}, also what {@link #equals} compares across class loaders. */
    @Override
    public String toString() {
        return PREFIX + scheme;
    }
}
