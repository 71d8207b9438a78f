package dev.veil.flink.jdbc32;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.apache.flink.connector.jdbc.dialect.JdbcDialect;
import org.apache.flink.connector.jdbc.dialect.JdbcDialectFactory;

/**
 * The connector's dialect factory for {@code jdbc:veil:<scheme>:…} URLs: it answers with the dialect the connector's
 * own factory for the wrapped {@code jdbc:<vendor>:…} URL creates, except that it names Veil's driver as the default
 * driver. One subclass per vendor, so that the factory the connector picks by URL knows its vendor without remembering
 * the URL it was asked about.
 */
public abstract class VeilJdbcDialectFactory implements JdbcDialectFactory {

    private static final String PREFIX = "jdbc:veil:";

    private final String vendorUrl;
    private final List<String> prefixes = new ArrayList<>();

    /**
     * @param vendorScheme the scheme the connector's own factory accepts, e.g. {@code mysql}
     * @param schemes the schemes of the Veil URLs answered with it, e.g. {@code mysql} and {@code mariadb}
     */
    protected VeilJdbcDialectFactory(String vendorScheme, String... schemes) {
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
    public JdbcDialect create() {
        return new VeilJdbcDialect(vendor().create());
    }

    @Override
    public JdbcDialect create(String compatibleMode) {
        return new VeilJdbcDialect(vendor().create(compatibleMode));
    }

    private JdbcDialectFactory vendor() {
        return vendorFactory().orElseThrow(() -> new IllegalStateException("no dialect factory of the JDBC connector "
                + "accepts " + vendorUrl + " URLs"));
    }

    /**
     * The connector's own factory for the vendor, found as the connector finds factories: through ServiceLoader, on
     * the class loader that loaded this factory (which sees the connector), else on the thread's context class loader.
     */
    Optional<JdbcDialectFactory> vendorFactory() {
        Optional<JdbcDialectFactory> found = vendorFactory(VeilJdbcDialectFactory.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return found.isPresent() || context == null ? found : vendorFactory(context);
    }

    private Optional<JdbcDialectFactory> vendorFactory(ClassLoader loader) {
        Iterator<JdbcDialectFactory> factories = ServiceLoader.load(JdbcDialectFactory.class, loader).iterator();
        while (true) {
            JdbcDialectFactory factory;
            try {
                if (!factories.hasNext()) {
                    return Optional.empty();
                }
                factory = factories.next();
            } catch (ServiceConfigurationError brokenProvider) {
                return Optional.empty(); // the connector's own loader fails on it as well
            }
            if (!(factory instanceof VeilJdbcDialectFactory) && factory.acceptsURL(vendorUrl)) {
                return Optional.of(factory);
            }
        }
    }
}
