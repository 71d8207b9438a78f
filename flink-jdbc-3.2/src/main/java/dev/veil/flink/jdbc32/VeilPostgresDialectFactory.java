package dev.veil.flink.jdbc32;

/** {@code jdbc:veil:postgresql:} URLs: the connector's PostgreSQL dialect. */
public final class VeilPostgresDialectFactory extends VeilJdbcDialectFactory {

    public VeilPostgresDialectFactory() {
        super("postgresql", "postgresql");
    }
}
