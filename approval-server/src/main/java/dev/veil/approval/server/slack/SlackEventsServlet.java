package dev.veil.approval.server.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.servlet.SlackAppServletAdapter;
import dev.veil.approval.server.api.JsonErrors;
import dev.veil.approval.server.store.StoreException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Bolt app at {@code /slack/events} like Bolt's own servlet, but answers every failure as the API does:
 * a request Bolt cannot read (malformed body, a payload that is not a valid interaction) is {@code 400}, a store
 * failure {@code 503}, and every error body is {@code {"error": "..."}} — never a 500 for what Slack, or someone
 * pretending to be Slack, sent.
 */
public final class SlackEventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient App app;
    private final transient SlackAppServletAdapter adapter;

    public SlackEventsServlet(App app) {
        this.app = app;
        this.adapter = new SlackAppServletAdapter(app.config());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Request<?> request;
        try {
            request = adapter.buildSlackRequest(req);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io && !io.getClass().getName().startsWith("com.google.gson")) {
                // reading the body failed (too large, the client went away): RequestLimitsFilter answers that;
                // a payload that is not JSON (Gson's MalformedJsonException) is the sender's error, below
                throw io;
            }
            LOG.debug("a Slack request could not be read: {}", e.toString());
            JsonErrors.write(resp, 400, "the Slack request is malformed");
            return;
        }
        Response response;
        try {
            response = app.run(request);
        } catch (StoreException e) {
            LOG.error("the approval store failed: {}", e.getMessage(), e);
            JsonErrors.write(resp, 503, "the approval store is unavailable");
            return;
        } catch (Exception e) {
            // Bolt verified the signature before any handler ran; what fails here is reading the payload
            LOG.warn("a Slack request could not be handled: {}", e.toString());
            JsonErrors.write(resp, 400, "the Slack request is malformed or not an interaction this app handles");
            return;
        }
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        if (status == 500 && !readableInteraction(request.getRequestBodyAsString())) {
            // Bolt answers 500 when a verified request's payload cannot be parsed: that is the sender's error
            JsonErrors.write(resp, 400, "the Slack request's payload is not a readable interaction");
            return;
        }
        if (status >= 400 && !JsonErrors.isErrorObject(response.getBody())) {
            JsonErrors.write(resp, status, JsonErrors.describe(status));
            return;
        }
        adapter.writeResponse(resp, response);
    }

    /** Whether a form body carries a {@code payload} that is a JSON object with a {@code type}. */
    static boolean readableInteraction(String body) {
        if (body == null) {
            return false;
        }
        for (String pair : body.split("&")) {
            if (pair.startsWith("payload=")) {
                try {
                    JsonNode payload = JSON.readTree(URLDecoder.decode(pair.substring("payload=".length()),
                            StandardCharsets.UTF_8));
                    return payload != null && payload.isObject() && payload.path("type").isTextual();
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            }
        }
        return false;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonErrors.write(resp, 405, "use POST");
    }
}
