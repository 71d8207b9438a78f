package dev.veil.flink.it;

import dev.veil.approval.client.ApprovalState;
import dev.veil.approval.server.ApprovalServer;
import dev.veil.approval.server.Reviewer;
import dev.veil.approval.server.Verdict;
import dev.veil.approval.server.config.ServerConfig;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real approval server, in a class loader of its own: the test's class path holds Veil's self-contained jar
 * (whose approval client uses relocated libraries) as well as the server's thin jars, which must not meet. The test
 * talks to it through {@link Handle}, in JDK types only.
 */
final class IsolatedApprovalServer {

    private IsolatedApprovalServer() {
    }

    /** The server as the test sees it. */
    static final class Handle implements AutoCloseable {

        private final URLClassLoader loader;
        private final Class<?> inside;
        private final Object server;

        private Handle(URLClassLoader loader, Class<?> inside, Object server) {
            this.loader = loader;
            this.inside = inside;
            this.server = server;
        }

        String baseUrl() throws Exception {
            return (String) call("baseUrl", server);
        }

        /** The statements of the pending requests, each as {@code id|statement}. */
        @SuppressWarnings("unchecked")
        List<String> pending() throws Exception {
            return (List<String>) call("pending", server);
        }

        void approve(String id) throws Exception {
            call("approve", server, id);
        }

        @Override
        public void close() throws Exception {
            try {
                call("close", server);
            } finally {
                loader.close();
            }
        }

        private Object call(String name, Object... args) throws Exception {
            for (Method m : inside.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                    m.setAccessible(true); // another class loader: another runtime package
                    try {
                        return m.invoke(null, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof Exception ex ? ex : e;
                    }
                }
            }
            throw new NoSuchMethodException(name);
        }
    }

    /** Starts a server with a driver token and a reviewer token, its store in {@code dir}. */
    static Handle start(Path dir, String driverToken) throws Exception {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !new File(entry).getName().matches("veil-driver-.*-all\\.jar")) {
                urls.add(url(entry));
            }
        }
        URLClassLoader loader = new URLClassLoader("approval-server", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        Class<?> inside = Class.forName(IsolatedApprovalServer.class.getName(), true, loader);
        Handle handle = new Handle(loader, inside, null);
        Object server = handle.call("startInside", dir.toString(), driverToken);
        return new Handle(loader, inside, server);
    }

    private static URL url(String entry) throws MalformedURLException {
        return new File(entry).toURI().toURL();
    }

    // --- run inside the server's class loader ---

    static Object startInside(String dir, String driverToken) throws ClassNotFoundException {
        // DriverManager hands a caller only drivers of its own class loader: register this loader's H2 for the store
        Class.forName("org.h2.Driver", true, IsolatedApprovalServer.class.getClassLoader());
        ServerConfig config = new ServerConfig(new ServerConfig.Listen("127.0.0.1", 0),
                new ServerConfig.Store("jdbc:h2:file:" + Path.of(dir, "approvals").toAbsolutePath(), "sa", "", 2),
                null, new ServerConfig.Tokens(List.of(new ServerConfig.DriverToken("flink-it", driverToken)),
                        List.of(new ServerConfig.ReviewerToken("carol@example.com", "reviewer-" + driverToken))),
                null, null);
        return ApprovalServer.start(config);
    }

    static String baseUrl(Object server) {
        return ((ApprovalServer) server).baseUrl().toString();
    }

    static List<String> pending(Object server) {
        return ((ApprovalServer) server).service().list(ApprovalState.PENDING, 100).stream()
                .map(r -> r.id() + "|" + r.request().statement()).toList();
    }

    static void approve(Object server, String id) throws Exception {
        ((ApprovalServer) server).service().decide(id, new Reviewer("carol@example.com", "api", null),
                new Verdict.Approve(null, null));
    }

    static void close(Object server) {
        ((ApprovalServer) server).close();
    }
}
