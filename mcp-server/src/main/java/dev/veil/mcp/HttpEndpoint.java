package dev.veil.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * The Streamable HTTP endpoint of {@code veil mcp}: {@code /mcp} on an embedded servlet container. Every request
 * carries an agent's bearer token; one without a known token is refused with 401 before the MCP layer sees it, and
 * the token's agent becomes the requester of every statement of the request. Each MCP session's database connection
 * is closed when its client ends the session or it idles out (see {@link IdleSessions}).
 */
public final class HttpEndpoint implements AutoCloseable {

    public static final String PATH = "/mcp";

    private final Tomcat tomcat;
    private final Connector connector;
    private final McpSyncServer server;

    private HttpEndpoint(Tomcat tomcat, Connector connector, McpSyncServer server) {
        this.tomcat = tomcat;
        this.connector = connector;
        this.server = server;
    }

    /** Starts serving {@code veil} on {@code host:port} (port 0: any free port). */
    public static HttpEndpoint start(VeilMcpServer veil, String host, int port) throws IOException {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider
                .builder()
                .jsonMapper(veil.json())
                .mcpEndpoint(PATH)
                .contextExtractor(request -> McpTransportContext.create(
                        Map.of(VeilMcpServer.AGENT_KEY, String.valueOf(request.getAttribute(VeilMcpServer.AGENT_KEY)))))
                .build();
        McpSyncServer server = veil.serveStreamable(transport);
        Tomcat tomcat = new Tomcat();
        Path base = Files.createTempDirectory("veil-mcp-http");
        base.toFile().deleteOnExit();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", host);
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "mcp", transport).setAsyncSupported(true);
        context.addServletMappingDecoded(PATH, "mcp");
        FilterDef auth = new FilterDef();
        auth.setFilterName("bearer");
        auth.setFilter(new BearerFilter(veil.agents()));
        auth.setAsyncSupported("true");
        context.addFilterDef(auth);
        FilterMap map = new FilterMap();
        map.setFilterName("bearer");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        FilterDef lifecycle = new FilterDef();
        lifecycle.setFilterName("session-lifecycle");
        lifecycle.setFilter(new SessionLifecycleFilter(veil));
        lifecycle.setAsyncSupported("true");
        context.addFilterDef(lifecycle);
        FilterMap lifecycleMap = new FilterMap();
        lifecycleMap.setFilterName("session-lifecycle");
        lifecycleMap.addURLPattern("/*");
        context.addFilterMap(lifecycleMap);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IOException("the MCP endpoint could not start on " + host + ":" + port + ": " + e.getMessage(),
                    e);
        }
        return new HttpEndpoint(tomcat, connector, server);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        server.closeGracefully();
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            // stopping anyway
        }
    }

    /** Maps the bearer token to its agent; refuses the request when there is none or it is unknown. */
    static final class BearerFilter implements Filter {

        private final Map<String, AgentProfile> agents;

        BearerFilter(Map<String, AgentProfile> agents) {
            this.agents = agents;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            String header = http.getHeader("Authorization");
            AgentProfile agent = null;
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
                for (AgentProfile a : agents.values()) {
                    // every token is compared, in constant time, so timing tells nothing of which came close
                    if (a.token() != null
                            && MessageDigest.isEqual(presented, a.token().getBytes(StandardCharsets.UTF_8))) {
                        agent = a;
                    }
                }
            }
            if (agent == null) {
                HttpServletResponse out = (HttpServletResponse) response;
                out.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                out.setHeader("WWW-Authenticate", "Bearer realm=\"veil-mcp\"");
                out.setContentType("application/json");
                out.getWriter().write("{\"error\":\"an agent's bearer token is required (Authorization: Bearer"
                        + " ...)\"}");
                return;
            }
            http.setAttribute(VeilMcpServer.AGENT_KEY, agent.name());
            chain.doFilter(request, response);
        }
    }
}
