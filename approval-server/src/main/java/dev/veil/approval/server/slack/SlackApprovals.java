package dev.veil.approval.server.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.ViewState;
import com.slack.api.socket_mode.SocketModeClient;
import dev.veil.approval.server.ApprovalService;
import dev.veil.approval.server.DecisionRefusedException;
import dev.veil.approval.server.Reviewer;
import dev.veil.approval.server.Verdict;
import dev.veil.approval.server.config.ServerConfig;
import dev.veil.approval.server.store.StoreException;
import dev.veil.approval.server.store.StoredRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of approvals, on Bolt for Java.
 *
 * <p>Posts a card for each new request to the configured channel and updates it with the outcome, whichever server
 * decided. Handles the card's buttons and the rejection modal. Every request from Slack passes Bolt's signature
 * and timestamp verification (always on) and a check that its timestamp is not from the future. A click decides
 * only when the clicker is a configured approver (user ID or member of a configured user group), Slack can tell
 * their e-mail address ({@code users.info}), and, for an approval, they are not the requester. A refused clicker is
 * told why in a message only they see, and the refusal is audited.
 */
public final class SlackApprovals implements ApprovalService.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackApprovals.class);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    /** A clicker who may not decide, with the words to tell them. */
    private static final class NotAllowed extends Exception {
        private static final long serialVersionUID = 1L;

        NotAllowed(String message) {
            super(message, null, false, false);
        }
    }

    private final ServerConfig.Slack config;
    private final ApprovalService service;
    private final Slack slack;
    private final App app;
    private final ExecutorService outbound;
    private volatile String teamId;
    private volatile SocketModeApp socketMode;

    public SlackApprovals(ServerConfig.Slack config, ApprovalService service) {
        this.config = config;
        this.service = service;
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.apiUrl());
        slackConfig.setHttpClientCallTimeoutMillis(10_000);
        slackConfig.setHttpClientReadTimeoutMillis(10_000);
        slackConfig.setHttpClientWriteTimeoutMillis(10_000);
        this.slack = Slack.getInstance(slackConfig);
        AppConfig appConfig = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(config.botToken())
                .signingSecret(config.signingSecret())
                .requestVerificationEnabled(true)
                // single workspace, whatever OAuth variables the environment happens to hold
                .clientId(null)
                .clientSecret(null)
                // ssl_check is for slash commands, which this app has none of; it would skip verification
                .sslCheckEnabled(false)
                .build();
        this.app = new App(appConfig);
        this.outbound = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "veil-slack-outbound");
            thread.setDaemon(true);
            return thread;
        });
        registerHandlers();
    }

    /** The Bolt app, to be served by {@code SlackAppServlet}. */
    public App app() {
        return app;
    }

    /**
     * Starts the app: checks the bot token with {@code auth.test} and learns the workspace.
     *
     * @throws IllegalStateException when Slack refuses the token or cannot be reached
     */
    public void start() {
        AuthTestResponse auth;
        try {
            auth = client().authTest(r -> r.token(config.botToken()));
        } catch (IOException | SlackApiException e) {
            throw new IllegalStateException("Slack cannot be reached at " + config.apiUrl() + ": " + e.getMessage(),
                    e);
        }
        if (!auth.isOk()) {
            throw new IllegalStateException("Slack refused the bot token (auth.test: " + auth.getError() + ")");
        }
        teamId = auth.getTeamId();
        // after Bolt's own middleware (signature and timestamp verification, authorization), which use() installs
        app.use((req, resp, chain) -> {
            String timestamp = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
            if (!req.isSocketMode() && !notFromTheFuture(timestamp)) {
                return Response.json(401, "{\"error\":\"invalid request\"}");
            }
            // a verified request is accepted once: its signature covers its timestamp and body, so a replay within
            // the five minutes Bolt allows carries the same signature (remembered in the store, for every server)
            String signature = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
            try {
                if (!req.isSocketMode() && (signature == null || !service.firstSlackReceipt(signature))) {
                    return Response.json(401, "{\"error\":\"this Slack request was received before (replay)\"}");
                }
            } catch (StoreException e) {
                LOG.error("the approval store failed: {}", e.getMessage(), e);
                return Response.json(503, "{\"error\":\"the approval store is unavailable\"}");
            }
            return chain.next(req);
        });
        app.start();
        if (config.socketMode()) {
            try {
                // Slack's WebSocket end is found with apps.connections.open on the same Web API as the bot's calls
                socketMode = new SocketModeApp(config.appToken(), SocketModeClient.Backend.Tyrus, app);
                socketMode.startAsync();
            } catch (Exception e) {
                throw new IllegalStateException("Slack Socket Mode cannot connect: " + e.getMessage(), e);
            }
            LOG.info("Slack app connected over Socket Mode");
        }
    }

    @Override
    public void created(StoredRequest request) {
        outbound.execute(() -> postCard(request));
    }

    @Override
    public void decided(StoredRequest request) {
        outbound.execute(() -> updateCard(request.id()));
    }

    private void registerHandlers() {
        app.blockAction(ApprovalCard.APPROVE, (req, ctx) -> {
            approve(req.getPayload(), null);
            return ctx.ack();
        });
        app.blockAction(ApprovalCard.APPROVE_WINDOW, (req, ctx) -> {
            approve(req.getPayload(), config.approveWindow());
            return ctx.ack();
        });
        app.blockAction(ApprovalCard.REJECT, (req, ctx) -> {
            openRejectModal(req.getPayload());
            return ctx.ack();
        });
        app.blockAction(ApprovalCard.ESCALATE, (req, ctx) -> {
            escalate(req.getPayload());
            return ctx.ack();
        });
        app.viewSubmission(ApprovalCard.REJECT_MODAL, (req, ctx) -> reject(req.getPayload(), ctx));
    }

    private void approve(BlockActionPayload payload, Duration window) {
        Optional<AuthorisedClick> authorised = authorisedClick(payload, "approve");
        if (authorised.isEmpty()) {
            return;
        }
        AuthorisedClick click = authorised.get();
        String requestId = click.requestId();
        try {
            service.decide(requestId, click.reviewer(), new Verdict.Approve(window, null));
        } catch (DecisionRefusedException e) {
            tell(click.channel(), click.userId(), e.getMessage() + ".");
            if (e.refusal() == DecisionRefusedException.Refusal.NOT_PENDING) {
                outbound.execute(() -> updateCard(requestId));
            }
        }
    }

    /** Routes the request to the group after the one it is with, as the web page's Escalate does. */
    private void escalate(BlockActionPayload payload) {
        Optional<AuthorisedClick> authorised = authorisedClick(payload, "escalate");
        if (authorised.isEmpty()) {
            return;
        }
        AuthorisedClick click = authorised.get();
        Optional<String> next = service.groups().after(service.groupOf(click.requestId()));
        if (next.isEmpty()) {
            tell(click.channel(), click.userId(), "There is no other approver group to escalate to.");
            return;
        }
        try {
            service.escalate(click.requestId(), click.reviewer(), next.get(), null);
        } catch (DecisionRefusedException e) {
            tell(click.channel(), click.userId(), e.getMessage() + ".");
        }
    }

    @Override
    public void escalated(StoredRequest request, String group) {
        outbound.execute(() -> refreshPending(request.id()));
    }

    /** Shows a pending request's card anew: its group and where it may be escalated to. */
    private void refreshPending(String requestId) {
        try {
            Optional<StoredRequest> current = service.find(requestId);
            if (current.isEmpty() || current.get().slackTs() == null) {
                return;
            }
            StoredRequest request = current.get();
            if (!request.pending()) {
                update(request);
                return;
            }
            ChatUpdateResponse updated = client().chatUpdate(r -> r.channel(request.slackChannel())
                    .ts(request.slackTs())
                    .text(ApprovalCard.summary(request))
                    .blocks(pendingCard(request)));
            if (!updated.isOk()) {
                LOG.warn("chat.update failed for {}: {}", requestId, updated.getError());
            }
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.warn("the card of {} could not be updated: {}", requestId, e.toString());
        }
    }

    private List<LayoutBlock> pendingCard(StoredRequest request) {
        if (!service.groups().configured()) {
            return ApprovalCard.pending(request, config.approveWindow());
        }
        String group = service.groupOf(request.id());
        return ApprovalCard.pending(request, config.approveWindow(), group,
                service.groups().after(group).orElse(null));
    }

    private void openRejectModal(BlockActionPayload payload) {
        Optional<AuthorisedClick> authorised = authorisedClick(payload, "reject");
        if (authorised.isEmpty()) {
            return;
        }
        AuthorisedClick click = authorised.get();
        String userId = click.userId();
        String channel = click.channel();
        String requestId = click.requestId();
        Optional<StoredRequest> request = service.find(requestId);
        if (request.isEmpty() || !request.get().pending()) {
            tell(channel, userId, request.isEmpty() ? "There is no such request."
                    : "Request " + requestId + " is no longer pending.");
            outbound.execute(() -> updateCard(requestId));
            return;
        }
        try {
            ViewsOpenResponse opened = client().viewsOpen(r -> r.triggerId(payload.getTriggerId())
                    .view(ApprovalCard.rejectModal(request.get())));
            if (!opened.isOk()) {
                LOG.warn("Slack did not open the rejection modal: {}", opened.getError());
                tell(channel, userId, "Slack could not open the rejection form (" + opened.getError() + ").");
            }
        } catch (IOException | SlackApiException e) {
            LOG.warn("Slack did not open the rejection modal: {}", e.toString());
            tell(channel, userId, "Slack could not open the rejection form; try again.");
        }
    }

    /** A card button click by an approver, on a well-formed request id. */
    private record AuthorisedClick(String userId, String channel, String requestId, Reviewer reviewer) {
    }

    /**
     * The click on a card button when it names a user and a request and the user may decide; empty when it does
     * not name them (logged and ignored) or when the user may not decide (audited, and they are told why).
     *
     * @param attempted what the button would do, for the audit record of a refusal
     */
    private Optional<AuthorisedClick> authorisedClick(BlockActionPayload payload, String attempted) {
        String userId = payload.getUser() == null ? null : payload.getUser().getId();
        String channel = channelOf(payload);
        String requestId = buttonValue(payload);
        if (userId == null || !ApprovalService.isRequestId(requestId)) {
            LOG.warn("a Slack action without a user or a request id was ignored");
            return Optional.empty();
        }
        try {
            Reviewer reviewer = approver(userId, teamOf(payload));
            return Optional.of(new AuthorisedClick(userId, channel, requestId, reviewer));
        } catch (NotAllowed e) {
            auditNotAnApprover(requestId, userId, attempted);
            tell(channel, userId, e.getMessage());
            return Optional.empty();
        }
    }

    private Response reject(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
        String userId = payload.getUser() == null ? null : payload.getUser().getId();
        String requestId = payload.getView() == null ? null : payload.getView().getPrivateMetadata();
        if (userId == null || !ApprovalService.isRequestId(requestId)) {
            return ctx.ackWithErrors(Map.of(ApprovalCard.REASON_BLOCK, "This form does not belong to a request."));
        }
        String team = payload.getTeam() == null ? null : payload.getTeam().getId();
        Reviewer reviewer;
        try {
            reviewer = approver(userId, team);
        } catch (NotAllowed e) {
            auditNotAnApprover(requestId, userId, "reject");
            return ctx.ackWithErrors(Map.of(ApprovalCard.REASON_BLOCK, e.getMessage()));
        }
        try {
            service.decide(requestId, reviewer, new Verdict.Reject(reasonOf(payload)));
            return ctx.ack();
        } catch (DecisionRefusedException e) {
            return ctx.ackWithErrors(Map.of(ApprovalCard.REASON_BLOCK, e.getMessage()));
        }
    }

    /**
     * Establishes who clicked and whether they may decide.
     *
     * @throws NotAllowed when they are not an approver, or Slack cannot tell who they are
     */
    private Reviewer approver(String userId, String team) throws NotAllowed {
        if (teamId == null || !teamId.equals(team)) {
            throw new NotAllowed("This Slack workspace is not the one Veil posts its requests to.");
        }
        if (!config.approvers().users().contains(userId) && !inApproverGroup(userId)) {
            throw new NotAllowed("You are not among the approvers of Veil requests.");
        }
        UsersInfoResponse info;
        try {
            info = client().usersInfo(r -> r.user(userId));
        } catch (IOException | SlackApiException e) {
            LOG.warn("users.info failed: {}", e.toString());
            throw new NotAllowed("Slack could not tell Veil who you are; try again.");
        }
        if (!info.isOk() || info.getUser() == null) {
            LOG.warn("users.info failed: {}", info.getError());
            throw new NotAllowed("Slack could not tell Veil who you are (" + info.getError() + ").");
        }
        User user = info.getUser();
        String email = user.getProfile() == null ? null : user.getProfile().getEmail();
        if (user.isBot() || user.isDeleted() || email == null || email.isBlank()) {
            throw new NotAllowed("Your Slack profile shows no e-mail address, so Veil cannot tell who you are.");
        }
        return Reviewer.slack(email.trim().toLowerCase(Locale.ROOT), userId);
    }

    private boolean inApproverGroup(String userId) {
        for (String group : config.approvers().userGroups()) {
            try {
                UsergroupsUsersListResponse members = client().usergroupsUsersList(r -> r.usergroup(group));
                if (members.isOk() && members.getUsers() != null && members.getUsers().contains(userId)) {
                    return true;
                }
                if (!members.isOk()) {
                    LOG.warn("usergroups.users.list failed for {}: {}", group, members.getError());
                }
            } catch (IOException | SlackApiException e) {
                LOG.warn("usergroups.users.list failed for {}: {}", group, e.toString());
            }
        }
        return false;
    }

    /** Audits a refused attempt by a Slack user who may not decide, named by user ID: no e-mail is known for them. */
    private void auditNotAnApprover(String requestId, String userId, String attempted) {
        service.refuse(requestId, new Reviewer("slack:" + userId, "slack", userId), attempted,
                DecisionRefusedException.Refusal.NOT_AN_APPROVER);
    }

    /** A message only {@code userId} sees, in the card's channel. */
    private void tell(String channel, String userId, String text) {
        if (channel == null) {
            return;
        }
        outbound.execute(() -> {
            try {
                var response = client().chatPostEphemeral(r -> r.channel(channel).user(userId).text(text));
                if (!response.isOk()) {
                    LOG.warn("chat.postEphemeral failed: {}", response.getError());
                }
            } catch (IOException | SlackApiException e) {
                LOG.warn("chat.postEphemeral failed: {}", e.toString());
            }
        });
    }

    private void postCard(StoredRequest request) {
        try {
            ChatPostMessageResponse posted = client().chatPostMessage(r -> r.channel(config.channel())
                    .text(ApprovalCard.summary(request))
                    .blocks(pendingCard(request)));
            if (!posted.isOk()) {
                LOG.warn("chat.postMessage failed for {}: {}", request.id(), posted.getError());
                return;
            }
            service.recordSlackMessage(request.id(), posted.getChannel(), posted.getTs());
            // decided elsewhere before the card existed: show the outcome now
            service.find(request.id()).filter(current -> !current.pending()).ifPresent(this::update);
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.warn("chat.postMessage failed for {}: {}", request.id(), e.toString());
        }
    }

    private void updateCard(String requestId) {
        try {
            service.find(requestId).filter(current -> !current.pending()).ifPresent(this::update);
        } catch (RuntimeException e) {
            LOG.warn("the card of {} could not be updated: {}", requestId, e.toString());
        }
    }

    private void update(StoredRequest request) {
        if (request.slackTs() == null || request.slackChannel() == null) {
            return;
        }
        try {
            ChatUpdateResponse updated = client().chatUpdate(r -> r.channel(request.slackChannel())
                    .ts(request.slackTs())
                    .text(ApprovalCard.summary(request))
                    .blocks(ApprovalCard.decided(request)));
            if (!updated.isOk()) {
                LOG.warn("chat.update failed for {}: {}", request.id(), updated.getError());
            }
        } catch (IOException | SlackApiException e) {
            LOG.warn("chat.update failed for {}: {}", request.id(), e.toString());
        }
    }

    private MethodsClient client() {
        return slack.methods(config.botToken());
    }

    private static boolean notFromTheFuture(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp);
            return seconds * 1000 - System.currentTimeMillis() <= MAX_CLOCK_SKEW.toMillis();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String buttonValue(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getActions().isEmpty()) {
            return null;
        }
        return payload.getActions().get(0).getValue();
    }

    private static String channelOf(BlockActionPayload payload) {
        if (payload.getChannel() != null) {
            return payload.getChannel().getId();
        }
        return payload.getContainer() == null ? null : payload.getContainer().getChannelId();
    }

    private static String teamOf(BlockActionPayload payload) {
        return payload.getTeam() == null ? null : payload.getTeam().getId();
    }

    private static String reasonOf(ViewSubmissionPayload payload) {
        if (payload.getView() == null || payload.getView().getState() == null
                || payload.getView().getState().getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> block = payload.getView().getState().getValues().get(ApprovalCard.REASON_BLOCK);
        ViewState.Value value = block == null ? null : block.get(ApprovalCard.REASON_INPUT);
        return value == null ? null : value.getValue();
    }

    @Override
    public void close() {
        outbound.shutdown();
        try {
            if (!outbound.awaitTermination(5, TimeUnit.SECONDS)) {
                outbound.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outbound.shutdownNow();
        }
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.debug("closing the Socket Mode connection: {}", e.toString());
            }
        }
        app.stop();
        try {
            slack.close();
        } catch (Exception e) {
            LOG.debug("closing the Slack client: {}", e.toString());
        }
    }
}
