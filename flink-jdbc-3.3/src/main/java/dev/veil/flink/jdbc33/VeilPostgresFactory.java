package dev.veil.flink.jdbc33;

/** {@code jdbc:veil:postgresql:} URLs: the connector's PostgreSQL factory. */
public final class VeilPostgresFactory extends VeilJdbcFactory {

    public VeilPostgresFactory() {
        super("postgresql", "postgresql");
    }
}
