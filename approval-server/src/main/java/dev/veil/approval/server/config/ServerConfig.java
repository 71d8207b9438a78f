package dev.veil.approval.server.config;

import dev.veil.approval.server.store.StoreDialect;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The approval server's configuration, as read from YAML or JSON by {@link ConfigLoader}. Every key is documented
 * in {@code docs/approvals.md}; absent keys take the defaults below.
 *
 * @param listen   where the HTTP server listens
 * @param store    where requests and the audit log live
 * @param requests lifetimes and polling
 * @param tokens   who may call the REST API
 * @param slack    the Slack app; {@code null} to run without Slack (API decisions only)
 * @param audit    the audit chain
 * @param groups   approver groups: who may decide a request routed to each; empty for one group of every approver
 * @param web      the reviewer web page; {@code null} to serve none
 */
public record ServerConfig(
        Listen listen, Store store, Requests requests, Tokens tokens, Slack slack, Audit audit,
        List<ApproverGroup> groups, Web web) {

    public static final int MIN_SECRET_LENGTH = 16;

    /** A configuration without approver groups and without the web page. */
    public ServerConfig(Listen listen, Store store, Requests requests, Tokens tokens, Slack slack, Audit audit) {
        this(listen, store, requests, tokens, slack, audit, null, null);
    }

    public ServerConfig {
        groups = groups == null ? List.of() : List.copyOf(groups);
        listen = listen == null ? new Listen(null, null) : listen;
        store = store == null ? new Store(null, null, null, null) : store;
        requests = requests == null ? new Requests(null, null, null, null, null, null) : requests;
        tokens = tokens == null ? new Tokens(null, null) : tokens;
        audit = audit == null ? new Audit(null) : audit;
    }

    /**
     * @param host the address to bind, {@code 127.0.0.1} by default; {@code 0.0.0.0} for every interface
     * @param port the port, 8470 by default; 0 picks a free one
     */
    public record Listen(String host, Integer port) {
        public Listen {
            host = host == null || host.isBlank() ? "127.0.0.1" : host;
            port = port == null ? 8470 : port;
        }
    }

    /**
     * @param url      {@code jdbc:h2:file:...} (default {@code jdbc:h2:file:./veil-approvals/store}, one server) or
     *                 {@code jdbc:postgresql://...} (production, several servers)
     * @param user     the database user
     * @param password the database password
     * @param poolSize the most connections the pool opens, 5 by default
     */
    public record Store(String url, String user, String password, Integer poolSize) {
        public Store {
            url = url == null || url.isBlank() ? "jdbc:h2:file:./veil-approvals/store" : url;
            user = user == null ? "" : user;
            password = password == null ? "" : password;
            poolSize = poolSize == null ? 5 : poolSize;
        }

        @Override
        public String toString() {
            return "Store[url=" + url + ", user=" + user + ", password=<redacted>, poolSize=" + poolSize + "]";
        }
    }

    /**
     * @param ttl               how long a request stays pending before it expires, 1 h by default
     * @param maxApprovalWindow the longest approval window a reviewer may give, 8 h by default
     * @param longPollTimeout   the longest a wait call is held before it answers "pending", 25 s by default
     * @param storePollInterval how often waiters look in the store for decisions taken elsewhere, 1 s by default
     * @param sweepInterval     how often pending requests past their TTL are expired and requests nobody waits
     *                          for are withdrawn, 15 s by default
     * @param waiterLease       how long a waiting driver's lease outlives its last wait call (on top of the time
     *                          the call is held); a request whose every lease lapsed is withdrawn, 30 s by default
     * @param readWindow        how long approving one partition of a read also approves the read's other partitions
     *                          and retries (requests with the same binding and a row limit it covers), when the
     *                          reviewer gave no window of their own; 15 min by default
     */
    public record Requests(
            Duration ttl, Duration maxApprovalWindow, Duration longPollTimeout, Duration storePollInterval,
            Duration sweepInterval, Duration waiterLease, Duration readWindow) {

        /** The settings with the default read window. */
        public Requests(Duration ttl, Duration maxApprovalWindow, Duration longPollTimeout,
                        Duration storePollInterval, Duration sweepInterval, Duration waiterLease) {
            this(ttl, maxApprovalWindow, longPollTimeout, storePollInterval, sweepInterval, waiterLease, null);
        }

        /** The settings with the default waiter lease. */
        public Requests(Duration ttl, Duration maxApprovalWindow, Duration longPollTimeout,
                        Duration storePollInterval, Duration sweepInterval) {
            this(ttl, maxApprovalWindow, longPollTimeout, storePollInterval, sweepInterval, null);
        }

        public Requests {
            ttl = ttl == null ? Duration.ofHours(1) : ttl;
            maxApprovalWindow = maxApprovalWindow == null ? Duration.ofHours(8) : maxApprovalWindow;
            longPollTimeout = longPollTimeout == null ? Duration.ofSeconds(25) : longPollTimeout;
            storePollInterval = storePollInterval == null ? Duration.ofSeconds(1) : storePollInterval;
            sweepInterval = sweepInterval == null ? Duration.ofSeconds(15) : sweepInterval;
            waiterLease = waiterLease == null ? Duration.ofSeconds(30) : waiterLease;
            readWindow = readWindow == null ? Duration.ofMinutes(15) : readWindow;
        }
    }

    /**
     * @param drivers   tokens of drivers: they may create requests, wait on their own and report outcomes and usage
     * @param reviewers tokens of reviewers: each bound to one identity, they may list, approve and reject
     */
    public record Tokens(List<DriverToken> drivers, List<ReviewerToken> reviewers) {
        public Tokens {
            drivers = drivers == null ? List.of() : List.copyOf(drivers);
            reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
        }
    }

    /**
     * @param name  the name requests and audit records carry for this driver (e.g. the team or job)
     * @param token the bearer token
     */
    public record DriverToken(String name, String token) {
        @Override
        public String toString() {
            return "DriverToken[name=" + name + ", token=<redacted>]";
        }
    }

    /**
     * @param identity the reviewer's identity, normally the e-mail address; compared with the requester for
     *                 self-approval
     * @param token    the bearer token
     */
    public record ReviewerToken(String identity, String token) {
        @Override
        public String toString() {
            return "ReviewerToken[identity=" + identity + ", token=<redacted>]";
        }
    }

    /**
     * @param botToken      the bot token ({@code xoxb-...})
     * @param signingSecret the app's signing secret; every request from Slack is verified with it
     * @param channel       the channel ID cards are posted to
     * @param approvers     who may decide from Slack
     * @param approveWindow the window of the "Approve for ..." button, 1 h by default
     * @param apiUrl        the Web API base URL, {@code https://slack.com/api/} by default (tests point it at a
     *                      stand-in)
     */
    public record Slack(
            String botToken, String signingSecret, String channel, Approvers approvers, Duration approveWindow,
            String apiUrl, Boolean socketMode, String appToken) {

        /** Slack over HTTP (Slack calls {@code /slack/events}). */
        public Slack(String botToken, String signingSecret, String channel, Approvers approvers,
                     Duration approveWindow, String apiUrl) {
            this(botToken, signingSecret, channel, approvers, approveWindow, apiUrl, null, null);
        }

        public Slack {
            socketMode = socketMode != null && socketMode;
            approvers = approvers == null ? new Approvers(null, null) : approvers;
            approveWindow = approveWindow == null ? Duration.ofHours(1) : approveWindow;
            apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://slack.com/api/" : apiUrl;
            apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        }

        @Override
        public String toString() {
            return "Slack[botToken=<redacted>, signingSecret=<redacted>, channel=" + channel + ", approvers="
                    + approvers + ", approveWindow=" + approveWindow + ", apiUrl=" + apiUrl + ", socketMode="
                    + socketMode + ", appToken=" + (appToken == null ? "none" : "<redacted>") + "]";
        }
    }

    /**
     * @param users      Slack user IDs ({@code U...}) of approvers
     * @param userGroups Slack user group IDs ({@code S...}) whose members are approvers
     */
    public record Approvers(List<String> users, List<String> userGroups) {
        public Approvers {
            users = users == null ? List.of() : List.copyOf(users);
            userGroups = userGroups == null ? List.of() : List.copyOf(userGroups);
        }
    }

    /**
     * @param name    the group's name, shown to reviewers and written to the audit log
     * @param members the identities (e-mail addresses, compared ignoring case) who may decide requests routed to
     *                the group, whichever way they decide (web page, reviewer token, Slack e-mail)
     */
    public record ApproverGroup(String name, List<String> members) {
        public ApproverGroup {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /**
     * @param publicUrl  the server's address as browsers reach it (the OpenID Connect redirect is
     *                   {@code <publicUrl>web/oidc/callback}); the listening address by default
     * @param oidc       sign-in through an OpenID Connect provider; {@code null} for reviewer tokens only
     * @param sessionTtl how long a sign-in lasts, 8 h by default
     */
    public record Web(String publicUrl, Oidc oidc, Duration sessionTtl) {
        public Web {
            sessionTtl = sessionTtl == null ? Duration.ofHours(8) : sessionTtl;
            publicUrl = publicUrl == null || publicUrl.isBlank() || publicUrl.endsWith("/") ? publicUrl
                    : publicUrl + "/";
        }
    }

    /**
     * @param issuer        the provider's issuer URL; its {@code /.well-known/openid-configuration} is read at start
     * @param clientId      the client ID registered with the provider
     * @param clientSecret  the client secret
     * @param identityClaim the ID token claim that names the reviewer: {@code email} (default; must not be
     *                      unverified), {@code sub}, or another string claim such as {@code preferred_username}
     */
    public record Oidc(String issuer, String clientId, String clientSecret, String identityClaim) {
        public Oidc {
            identityClaim = identityClaim == null || identityClaim.isBlank() ? "email" : identityClaim;
        }

        @Override
        public String toString() {
            return "Oidc[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=<redacted>, identityClaim="
                    + identityClaim + "]";
        }
    }

    /**
     * @param key a secret that turns the chain's SHA-256 into HMAC-SHA256, so that someone who can write to the
     *            store but does not hold the key cannot forge a consistent chain; optional
     */
    public record Audit(String key) {
        @Override
        public String toString() {
            return "Audit[key=" + (key == null ? "none" : "<redacted>") + "]";
        }
    }

    /** Every problem of this configuration; empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (listen.port() < 0 || listen.port() > 65_535) {
            problems.add("listen.port must be between 0 and 65535");
        }
        try {
            // the store's own test, so that what validates is exactly what the store can open
            StoreDialect.of(store.url());
        } catch (IllegalArgumentException e) {
            problems.add("store.url must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        if (store.url().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            problems.add("store.url must not be an in-memory H2 database: pending requests and the audit log must"
                    + " survive a restart");
        }
        if (store.poolSize() < 1) {
            problems.add("store.poolSize must be at least 1");
        }
        positive(problems, "requests.ttl", requests.ttl());
        positive(problems, "requests.maxApprovalWindow", requests.maxApprovalWindow());
        positive(problems, "requests.longPollTimeout", requests.longPollTimeout());
        positive(problems, "requests.storePollInterval", requests.storePollInterval());
        positive(problems, "requests.sweepInterval", requests.sweepInterval());
        positive(problems, "requests.waiterLease", requests.waiterLease());
        positive(problems, "requests.readWindow", requests.readWindow());
        if (requests.readWindow().compareTo(requests.maxApprovalWindow()) > 0) {
            problems.add("requests.readWindow must not be longer than requests.maxApprovalWindow");
        }

        Set<String> tokensSeen = new HashSet<>();
        Set<String> namesSeen = new HashSet<>();
        if (tokens.drivers().isEmpty()) {
            problems.add("tokens.drivers must hold at least one driver token, or no driver can ask for approval");
        }
        for (int i = 0; i < tokens.drivers().size(); i++) {
            DriverToken driver = tokens.drivers().get(i);
            String where = "tokens.drivers[" + i + "]";
            if (driver == null || driver.name() == null || driver.name().isBlank()) {
                problems.add(where + ".name is required");
            } else if (!namesSeen.add(driver.name())) {
                problems.add(where + ".name '" + driver.name() + "' is used twice");
            }
            secret(problems, where + ".token", driver == null ? null : driver.token(), tokensSeen);
        }
        for (int i = 0; i < tokens.reviewers().size(); i++) {
            ReviewerToken reviewer = tokens.reviewers().get(i);
            String where = "tokens.reviewers[" + i + "]";
            if (reviewer == null || reviewer.identity() == null || reviewer.identity().isBlank()) {
                problems.add(where + ".identity is required");
            }
            secret(problems, where + ".token", reviewer == null ? null : reviewer.token(), tokensSeen);
        }
        if (slack == null && tokens.reviewers().isEmpty() && (web == null || web.oidc() == null)) {
            problems.add("nobody can decide: configure slack, tokens.reviewers, web.oidc, or several");
        }
        if (slack != null) {
            if (slack.botToken() == null || slack.botToken().isBlank()) {
                problems.add("slack.botToken is required");
            }
            if (!slack.socketMode() && (slack.signingSecret() == null || slack.signingSecret().isBlank())) {
                problems.add("slack.signingSecret is required: every request from Slack is verified with it");
            }
            if (slack.channel() == null || slack.channel().isBlank()) {
                problems.add("slack.channel is required");
            }
            if (slack.approvers().users().isEmpty() && slack.approvers().userGroups().isEmpty()) {
                problems.add("slack.approvers must name at least one user or user group");
            }
            positive(problems, "slack.approveWindow", slack.approveWindow());
            if (slack.approveWindow().compareTo(requests.maxApprovalWindow()) > 0) {
                problems.add("slack.approveWindow must not be longer than requests.maxApprovalWindow");
            }
            try {
                URI api = URI.create(slack.apiUrl());
                if (api.getScheme() == null || !api.getScheme().startsWith("http") || api.getHost() == null) {
                    problems.add("slack.apiUrl must be an http(s) URL");
                }
            } catch (IllegalArgumentException e) {
                problems.add("slack.apiUrl must be an http(s) URL");
            }
        }
        webAndGroupProblems(problems);
        if (audit.key() != null && audit.key().length() < MIN_SECRET_LENGTH) {
            problems.add("audit.key must be at least " + MIN_SECRET_LENGTH + " characters long");
        }
        return problems;
    }

    /** @throws ConfigException listing every problem, if there is any */
    public ServerConfig validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return this;
    }

    private void webAndGroupProblems(List<String> problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            ApproverGroup group = groups.get(i);
            String where = "groups[" + i + "]";
            if (group == null || group.name() == null || group.name().isBlank()) {
                problems.add(where + ".name is required");
                continue;
            }
            if (!names.add(group.name())) {
                problems.add(where + ".name '" + group.name() + "' is used twice");
            }
            if (group.members().isEmpty() || group.members().stream().anyMatch(m -> m == null || m.isBlank())) {
                problems.add(where + ".members must name at least one identity, none blank");
            }
        }
        boolean appToken = slack != null && slack.appToken() != null && slack.appToken().startsWith("xapp-");
        if (slack != null && slack.socketMode() && !appToken) {
            problems.add("slack.appToken (xapp-...) is required when slack.socketMode is true");
        }
        if (web == null) {
            return;
        }
        if (web.publicUrl() != null && !web.publicUrl().matches("https?://[^/]+/.*")) {
            problems.add("web.publicUrl must be an http(s) URL");
        }
        positive(problems, "web.sessionTtl", web.sessionTtl());
        Oidc oidc = web.oidc();
        if (oidc != null) {
            if (oidc.issuer() == null || !oidc.issuer().matches("https?://.+")) {
                problems.add("web.oidc.issuer must be the provider's http(s) issuer URL");
            }
            if (oidc.clientId() == null || oidc.clientId().isBlank()) {
                problems.add("web.oidc.clientId is required");
            }
            if (oidc.clientSecret() == null || oidc.clientSecret().isBlank()) {
                problems.add("web.oidc.clientSecret is required");
            }
            if (!oidc.identityClaim().matches("[A-Za-z0-9_:.-]+")) {
                problems.add("web.oidc.identityClaim must name an ID token claim (email, sub, preferred_username)");
            }
        }
    }

    private static void positive(List<String> problems, String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key + " must be positive");
        }
    }

    private static void secret(List<String> problems, String key, String value, Set<String> seen) {
        if (value == null || value.isBlank()) {
            problems.add(key + " is required");
        } else if (value.length() < MIN_SECRET_LENGTH) {
            problems.add(key + " must be at least " + MIN_SECRET_LENGTH + " characters long");
        } else if (!seen.add(value)) {
            problems.add(key + " is the same as another token: every token must be distinct");
        }
    }
}
