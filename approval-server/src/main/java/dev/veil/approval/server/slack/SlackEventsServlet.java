package dev.veil.approval.server.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.servlet.SlackAppServletAdapter;
import dev.veil.approval.server.api.JsonErrors;
import dev.veil.approval.server.store.StoreException;
import java.io.IOException;
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
        if (status >= 400 && !JsonErrors.isErrorObject(response.getBody())) {
            JsonErrors.write(resp, status, JsonErrors.describe(status));
            return;
        }
        adapter.writeResponse(resp, response);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonErrors.write(resp, 405, "use POST");
    }
}
