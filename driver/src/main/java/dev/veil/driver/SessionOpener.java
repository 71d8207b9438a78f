package dev.veil.driver;

import dev.veil.approval.client.ApprovalClientConfig;
import dev.veil.driver.catalog.LoadOnceCache;
import dev.veil.driver.config.Settings;
import dev.veil.driver.config.VeilConfig;
import dev.veil.driver.engine.Engine;
import dev.veil.driver.engine.Engines;
import dev.veil.driver.engine.SessionState;
import dev.veil.driver.errors.VeilErrors;
import dev.veil.driver.events.AllSinks;
import dev.veil.driver.events.ApprovalServerSink;
import dev.veil.driver.events.UsageEventSink;
import dev.veil.driver.metrics.MetricsSink;
import dev.veil.driver.metrics.VeilMetrics;
import dev.veil.driver.pipeline.DatabaseContext;
import dev.veil.driver.pipeline.Session;
import dev.veil.driver.session.SessionTracker;
import dev.veil.driver.stages.StandardPipeline;
import dev.veil.policy.Policy;
import dev.veil.policy.mask.HashKey;
import dev.veil.policy.mask.MaskRenderer;
import dev.veil.policy.mask.ReferenceMasker;
import dev.veil.policy.mask.SessionSetup;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Prepares a new vendor connection for Veil, once: loads the policy, reads the session's state (refusing settings
 * under which SQL would be misread), installs the hash mask's session secrets, and joins the database's shared
 * catalog. One round trip (two with a hash key); nothing of this runs per statement.
 */
public final class SessionOpener {

    private SessionOpener() {
    }

    /**
     * @param vendor    the vendor connection; closed here if the session cannot be opened
     * @param targetUrl the vendor URL, when known (a wrapped data source does not say)
     */
    public static Session open(Connection vendor, VeilConfig config, String targetUrl) throws SQLException {
        try {
            return openOrThrow(vendor, config, targetUrl);
        } catch (SQLException | RuntimeException e) {
            vendor.close();
            throw e;
        }
    }

    private static Session openOrThrow(Connection vendor, VeilConfig config, String targetUrl) throws SQLException {
        Policy policy = VeilRuntime.policy(config.get(Settings.POLICY));
        DatabaseMetaData metaData = vendor.getMetaData();
        Optional<Engine> engine = Engines.ofUrl(targetUrl);
        if (engine.isEmpty()) {
            engine = Engines.ofProductName(metaData.getDatabaseProductName());
        }
        Optional<ApprovalClientConfig> approvalServer = approvalServer(config, policy);
        UsageEventSink shipped = config.get(Settings.AUDIT_SHIP) && approvalServer.isPresent()
                ? new ApprovalServerSink(VeilRuntime.shipper(approvalServer.get())) : UsageEventSink.NONE;
        String databaseUrl = withoutParameters(metaData.getURL());
        UsageEventSink auditFile = VeilRuntime.auditFile(config.get(Settings.AUDIT_FILE));
        VeilMetrics metrics = VeilRuntime.metrics(config.get(Settings.METRICS)).orElse(null);
        UsageEventSink counted = UsageEventSink.NONE;
        if (metrics != null) {
            counted = new MetricsSink(metrics);
            if (auditFile != UsageEventSink.NONE) {
                metrics.watch("veil.events.dropped", "usage events lost (queue full, write failure)", auditFile,
                        UsageEventSink::dropped, "sink", "file");
            }
            if (shipped != UsageEventSink.NONE) {
                metrics.watch("veil.events.dropped", "usage events lost (queue full, write failure)", shipped,
                        UsageEventSink::dropped, "sink", "approval-server");
            }
        }
        Session.Builder session = Session.builder(config, StandardPipeline.create(VeilRuntime.analyzer()))
                .vendor(vendor)
                .policy(policy)
                .events(AllSinks.of(auditFile, shipped, counted))
                .approvals(approvalServer.map(VeilRuntime::approvalClient).orElse(null))
                .databaseUrl(databaseUrl)
                .application(applicationName(vendor));
        if (engine.isEmpty()) {
            // every statement will be refused as not understood (unless the policy holds such statements)
            return session.build();
        }
        HashKey hashKey = hashKey(config, policy);
        SessionState state = engine.get().readSessionState(vendor);
        if (hashKey != null) {
            installHashSecrets(vendor, engine.get(), hashKey);
        }
        DatabaseContext database = VeilRuntime.database(identity(databaseUrl, state.user(), config, policy),
                config.get(Settings.CATALOG_TTL), config.get(Settings.CATALOG_CHECK));
        if (metrics != null) {
            metrics.watch("veil.plans.cache.hits", "statements whose plan was cached", database.plans(),
                    LoadOnceCache::hits, "database", databaseUrl);
            metrics.watch("veil.plans.cache.misses", "statements planned anew", database.plans(),
                    LoadOnceCache::misses, "database", databaseUrl);
        }
        return session.engine(engine.get())
                .tracker(new SessionTracker(vendor, engine.get(), database.catalog(), state))
                .masks(MaskRenderer.of(engine.get().maskDialect(), hashKey))
                .masker(ReferenceMasker.of(hashKey))
                .database(database)
                .build();
    }

    /** The approval server: {@code veil.approval.url}, else the policy's {@code approvals.server}. */
    private static Optional<ApprovalClientConfig> approvalServer(VeilConfig config, Policy policy)
            throws SQLException {
        Optional<URI> url = config.get(Settings.APPROVAL_URL).or(()
                -> Optional.ofNullable(policy.approvals().server()));
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> token = config.get(Settings.APPROVAL_TOKEN);
        if (token.isEmpty()) {
            throw VeilErrors.configuration("an approval server is configured but veil.approval.token is not set");
        }
        return Optional.of(ApprovalClientConfig.of(url.get(), token.get()));
    }

    static String withoutParameters(String url) {
        if (url == null) {
            return null;
        }
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return url.substring(0, cut);
    }

    private static HashKey hashKey(VeilConfig config, Policy policy) throws SQLException {
        Optional<String> configured = config.get(Settings.HASH_KEY);
        if (configured.isEmpty()) {
            if (policy.requiresHashKey()) {
                throw VeilErrors.configuration("the policy masks classes " + policy.classesUsingHash()
                        + " with hash, which needs a key: set veil.hashKey (or VEIL_HASH_KEY)");
            }
            return null;
        }
        try {
            return HashKey.of(configured.get());
        } catch (IllegalArgumentException e) {
            throw VeilErrors.configuration("veil.hashKey is too short: it needs at least " + HashKey.MIN_KEY_BYTES
                    + " bytes");
        }
    }

    /**
     * Installs the secrets with bind parameters, so they appear in no statement text; on MariaDB through a
     * server-side prepared statement, as the connector would otherwise inline the values.
     */
    private static void installHashSecrets(Connection vendor, Engine engine, HashKey key) throws SQLException {
        boolean autoCommit = vendor.getAutoCommit();
        if (!autoCommit) {
            vendor.setAutoCommit(true); // a later rollback must not undo the secrets
        }
        try {
            for (SessionSetup.Statement setup : key.sessionSetup(engine.maskDialect()).statements()) {
                try (PreparedStatement p = engine.prepareServerSide(vendor, setup.sql())) {
                    for (int i = 0; i < setup.parameters().size(); i++) {
                        Object value = setup.parameters().get(i);
                        if (value instanceof byte[] bytes) {
                            p.setBytes(i + 1, bytes);
                        } else {
                            p.setString(i + 1, (String) value);
                        }
                    }
                    p.execute();
                }
            }
        } finally {
            if (!autoCommit) {
                vendor.setAutoCommit(false);
            }
        }
    }

    private static String applicationName(Connection vendor) {
        try {
            return vendor.getClientInfo("ApplicationName");
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The database, user, policy and hash key, hashed: caches are shared by exactly the connections that see the
     * same catalog under the same policy.
     *
     * @param databaseUrl the database's URL without its parameters, when the vendor tells it
     */
    static String identity(String databaseUrl, String user, VeilConfig config, Policy policy) {
        String base = databaseUrl == null ? "" : databaseUrl;
        // the policy's content and the hash key belong to the identity: cached classifications and plans were made
        // under one policy, with masks rendered for one key. Not the policy's hash code: two policies can share one
        String text = base + "\u0000" + user + "\u0000" + VeilRuntime.policyNumber(policy) + "\u0000"
                + config.get(Settings.HASH_KEY).orElse("") + "\u0000" + config.get(Settings.CATALOG_TTL) + "\u0000"
                + config.get(Settings.CATALOG_CHECK);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
