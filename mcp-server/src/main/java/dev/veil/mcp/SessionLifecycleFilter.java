package dev.veil.mcp;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Tells Veil when an HTTP client starts and ends its MCP session, which the MCP SDK does not announce: a session
 * starts when the SDK answers an {@code initialize} with the session's id (caught as the header is set, before the
 * client can read it), and ends with the client's {@code DELETE} of it (whatever the SDK answers: the client is done
 * with it). Runs after {@link HttpEndpoint.BearerFilter}, which names the agent.
 */
final class SessionLifecycleFilter implements Filter {

    static final String SESSION_HEADER = "Mcp-Session-Id";

    private final VeilMcpServer veil;

    SessionLifecycleFilter(VeilMcpServer veil) {
        this.veil = veil;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        Object agent = http.getAttribute(VeilMcpServer.AGENT_KEY);
        String session = http.getHeader(SESSION_HEADER);
        if (!(agent instanceof String name)) {
            chain.doFilter(request, response);
            return;
        }
        if ("POST".equals(http.getMethod()) && session == null) {
            chain.doFilter(request, new SessionStartWatch((HttpServletResponse) response, name));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if ("DELETE".equals(http.getMethod()) && session != null) {
                veil.sessionEnded(name, session);
            }
        }
    }

    /** The response to a request that may be an initialize: the session id the SDK gives it starts the session. */
    private final class SessionStartWatch extends HttpServletResponseWrapper {
        private final String agent;

        SessionStartWatch(HttpServletResponse response, String agent) {
            super(response);
            this.agent = agent;
        }

        @Override
        public void setHeader(String name, String value) {
            started(name, value);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            started(name, value);
            super.addHeader(name, value);
        }

        private void started(String name, String value) {
            if (SESSION_HEADER.equalsIgnoreCase(name) && value != null && !value.isBlank()) {
                veil.sessionStarted(agent, value);
            }
        }
    }
}
