package dev.veil.flink.jdbc33;

/**
 * {@code jdbc:veil:mysql:} and {@code jdbc:veil:mariadb:} URLs: the connector's MySQL factory (the connector has no
 * MariaDB factory; MariaDB speaks MySQL's SQL, and Veil connects with the URL's own driver).
 */
public final class VeilMySqlFactory extends VeilJdbcFactory {

    public VeilMySqlFactory() {
        super("mysql", "mysql", "mariadb");
    }
}
