package dev.veil.approval.server;

import dev.veil.approval.server.api.ApiServlet;
import dev.veil.approval.server.api.RequestLimitsFilter;
import dev.veil.approval.server.api.DecisionWaiters;
import dev.veil.approval.server.api.JsonErrorHandler;
import dev.veil.approval.server.api.TokenAuthenticator;
import dev.veil.approval.server.audit.AuditChain;
import dev.veil.approval.server.audit.AuditLog;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.slack.SlackApprovals;
import dev.veil.approval.server.slack.SlackEventsServlet;
import dev.veil.approval.server.store.ApprovalStore;
import dev.veil.approval.server.store.Database;
import dev.veil.approval.server.web.ReviewerPage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.servlet.DispatcherType;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval server: one embedded Jetty serving the REST API ({@code /api/v1/...}) and the Slack app
 * ({@code /slack/events}), on top of the store and the audit log.
 *
 * <pre>{@code
 * try (ApprovalServer server = ApprovalServer.start(config)) {
 *     URI url = server.baseUrl();   // point drivers here
 * }
 * }</pre>
 */
public final class ApprovalServer implements AutoCloseable {

    /** The largest request body accepted, from drivers or from Slack. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalServer.class);

    private final Database database;
    private final ApprovalService service;
    private final DecisionWaiters waiters;
    private final ScheduledExecutorService scheduler;
    private final SlackApprovals slack;
    private final Server jetty;
    private final ServerConnector connector;

    private ApprovalServer(Database database, ApprovalService service, DecisionWaiters waiters,
                           ScheduledExecutorService scheduler, SlackApprovals slack, Server jetty,
                           ServerConnector connector) {
        this.database = database;
        this.service = service;
        this.waiters = waiters;
        this.scheduler = scheduler;
        this.slack = slack;
        this.jetty = jetty;
        this.connector = connector;
    }

    public static ApprovalServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Opens the store (creating its schema), checks the Slack token if Slack is configured, and starts listening.
     *
     * @throws dev.veil.approval.server.config.ConfigException when the configuration is invalid
     * @throws IllegalStateException                           when the store, Slack or the port is unavailable
     */
    public static ApprovalServer start(ServerConfig config, Clock clock) {
        config.validated();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            ServerConfig.Store storeConfig = config.store();
            Database database = Database.open(storeConfig.url(), storeConfig.user(), storeConfig.password(),
                    storeConfig.poolSize());
            opened.add(database);
            ApprovalStore store = new ApprovalStore(database,
                    new AuditLog(new AuditChain(config.audit().key()), clock));
            ApprovalService service = new ApprovalService(store, config.requests(), clock,
                    new ApproverGroups(config.groups()));
            DecisionWaiters waiters = new DecisionWaiters(service, clock);
            service.addListener(waiters);
            service.addListener(new RequestLog());
            RequestMetrics metrics = new RequestMetrics();
            service.addListener(metrics);

            SlackApprovals slack = null;
            if (config.slack() != null) {
                slack = new SlackApprovals(config.slack(), service);
                opened.add(slack);
                slack.start();
                service.addListener(slack);
            }

            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "veil-approvals-scheduler");
                thread.setDaemon(true);
                return thread;
            });
            opened.add(scheduler::shutdownNow);
            every(scheduler, config.requests().storePollInterval(), "polling the store for decisions",
                    waiters::poll);
            every(scheduler, config.requests().sweepInterval(), "expiring and withdrawing requests",
                    service::sweep);

            QueuedThreadPool threads = new QueuedThreadPool(200, 4);
            threads.setName("veil-approvals-http");
            Server jetty = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
            connector.setHost(config.listen().host());
            connector.setPort(config.listen().port());
            jetty.addConnector(connector);

            ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
            FilterHolder limit = new FilterHolder(new RequestLimitsFilter(MAX_BODY_BYTES));
            limit.setAsyncSupported(true);
            context.addFilter(limit, "/*", EnumSet.of(DispatcherType.REQUEST));
            TokenAuthenticator tokens = new TokenAuthenticator(config.tokens());
            ServletHolder api = new ServletHolder(new ApiServlet(service, tokens, waiters, clock,
                    config.requests().longPollTimeout()));
            api.setAsyncSupported(true);
            context.addServlet(api, "/api/v1/*");
            context.addServlet(new ServletHolder(new MetricsServlet(metrics.registry())), "/metrics");
            if (slack != null && !config.slack().socketMode()) {
                context.addServlet(new ServletHolder(new SlackEventsServlet(slack.app())), "/slack/events");
            }
            if (config.web() != null) {
                ServerConnector listening = connector;
                Supplier<URI> callback = () -> URI.create(config.web().publicUrl() != null
                        ? config.web().publicUrl() : baseUrl(listening).toString()).resolve("web/oidc/callback");
                context.addServlet(new ServletHolder(new ReviewerPage(service, tokens, config.web(),
                        config.requests(), callback, clock)), "/web/*");
            }
            JsonErrorHandler errors = new JsonErrorHandler();
            context.setErrorHandler(errors);
            jetty.setErrorHandler(errors);
            jetty.setHandler(context);
            opened.add(jetty::stop);
            jetty.start();

            ApprovalServer server = new ApprovalServer(database, service, waiters, scheduler, slack, jetty,
                    connector);
            LOG.info("veil approvals listening on {} (store: {}, Slack: {}, reviewer page: {})", server.baseUrl(),
                    database.dialect(), slack == null ? "off" : config.slack().socketMode() ? "socket mode" : "on",
                    config.web() == null ? "off" : server.baseUrl().resolve("web/"));
            return server;
        } catch (Exception e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the approval server cannot start: " + e.getMessage(), e);
        }
    }

    private static void every(ScheduledExecutorService scheduler, Duration interval, String what, Runnable task) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // keep the schedule alive: the next round may succeed (e.g. the store is back)
                LOG.warn("{} failed: {}", what, e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The port the server listens on (useful when the configuration asked for port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The URL drivers are given: {@code http://host:port/}. */
    public URI baseUrl() {
        return baseUrl(connector);
    }

    private static URI baseUrl(ServerConnector connector) {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1"
                : connector.getHost();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }

    /** The Request URL to give Slack for interactivity: {@code <base>/slack/events}. */
    public URI slackEventsUrl() {
        return baseUrl().resolve("slack/events");
    }

    /** How many driver calls are held waiting for a decision right now. */
    public int waitingDrivers() {
        return waiters.size();
    }

    /** The rules of approval behind the API, for embedding and tests. */
    public ApprovalService service() {
        return service;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Answers held waiters "unavailable" (they retry), stops listening, and closes Slack and the store. */
    @Override
    public void close() {
        waiters.shutdown();
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server: {}", e.toString());
        }
        scheduler.shutdownNow();
        if (slack != null) {
            slack.close();
        }
        database.close();
    }
}
