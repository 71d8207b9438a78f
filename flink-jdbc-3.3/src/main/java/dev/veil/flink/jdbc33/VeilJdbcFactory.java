package dev.veil.flink.jdbc33;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.apache.flink.connector.jdbc.core.database.JdbcFactory;
import org.apache.flink.connector.jdbc.core.database.catalog.JdbcCatalog;
import org.apache.flink.connector.jdbc.core.database.dialect.JdbcDialect;

/**
 * The connector's factory for {@code jdbc:veil:<scheme>:…} URLs: it answers with what the connector's own factory for
 * the wrapped {@code jdbc:<vendor>:…} URL answers — dialect (quoting, type conversion, upsert statements), catalog —
 * except that the dialect names Veil's driver as the default driver. One subclass per vendor, so that the factory
 * the connector picks by URL knows its vendor without remembering the URL it was asked about.
 */
public abstract class VeilJdbcFactory implements JdbcFactory {

    private static final String PREFIX = "jdbc:veil:";

    private final String vendorUrl;
    private final List<String> prefixes = new ArrayList<>();

    /**
     * @param vendorScheme the scheme the connector's own factory accepts, e.g. {@code mysql}
     * @param schemes the schemes of the Veil URLs answered with it, e.g. {@code mysql} and {@code mariadb}
     */
    protected VeilJdbcFactory(String vendorScheme, String... schemes) {
        this.vendorUrl = "jdbc:" + vendorScheme + ":";
        for (String scheme : schemes) {
            prefixes.add(PREFIX + scheme + ":");
        }
    }

    /** A Veil URL of this vendor, and only when the connector has a factory for the vendor (else none accepts it). */
    @Override
    public boolean acceptsURL(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return prefixes.stream().anyMatch(lower::startsWith) && vendorFactory().isPresent();
    }

    @Override
    public JdbcDialect createDialect() {
        return new VeilJdbcDialect(vendor().createDialect());
    }

    @Override
    public JdbcDialect createDialect(String compatibleMode) {
        return new VeilJdbcDialect(vendor().createDialect(compatibleMode));
    }

    /** The vendor's catalog on the Veil URL: its own statements go through Veil like any other. */
    @Override
    public JdbcCatalog createCatalog(ClassLoader classLoader, String catalogName, String defaultDatabase,
            String username, String pwd, String baseUrl) {
        return vendor().createCatalog(classLoader, catalogName, defaultDatabase, username, pwd, baseUrl);
    }

    @Override
    public JdbcCatalog createCatalog(ClassLoader classLoader, String catalogName, String defaultDatabase,
            String username, String pwd, String baseUrl, String compatibleMode) {
        return vendor().createCatalog(classLoader, catalogName, defaultDatabase, username, pwd, baseUrl,
                compatibleMode);
    }

    private JdbcFactory vendor() {
        return vendorFactory().orElseThrow(() -> new IllegalStateException("no factory of the JDBC connector accepts "
                + vendorUrl + " URLs: put the connector's module for the database on the class path"));
    }

    /**
     * The connector's own factory for the vendor, found as the connector finds factories: through ServiceLoader, on
     * the class loader that loaded this factory (which sees the connector), else on the thread's context class loader.
     */
    Optional<JdbcFactory> vendorFactory() {
        Optional<JdbcFactory> found = vendorFactory(VeilJdbcFactory.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return found.isPresent() || context == null ? found : vendorFactory(context);
    }

    private Optional<JdbcFactory> vendorFactory(ClassLoader loader) {
        Iterator<JdbcFactory> factories = ServiceLoader.load(JdbcFactory.class, loader).iterator();
        while (true) {
            JdbcFactory factory;
            try {
                if (!factories.hasNext()) {
                    return Optional.empty();
                }
                factory = factories.next();
            } catch (ServiceConfigurationError brokenProvider) {
                return Optional.empty(); // the connector's own loader fails on it as well
            }
            if (!(factory instanceof VeilJdbcFactory) && factory.acceptsURL(vendorUrl)) {
                return Optional.of(factory);
            }
        }
    }
}
