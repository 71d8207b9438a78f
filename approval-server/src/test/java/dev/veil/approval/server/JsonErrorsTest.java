package dev.veil.approval.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error the server answers is {@code {"error": "..."}} as JSON, also those Jetty's HTTP parser produces
 * before any handler runs (malformed request line, URI too long, headers too large), and unknown paths.
 */
@Timeout(60)
class JsonErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ApprovalServer server;

    @BeforeEach
    void start() {
        server = ApprovalServer.start(TestSetup.config(dir, null, Duration.ofHours(1)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Sends raw bytes, returns the raw response. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                response.write(buffer, 0, n);
            }
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertJsonError(String response, int status) throws IOException {
        assertThat(response).startsWith("HTTP/1.1 " + status);
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        assertThat(head.toLowerCase()).contains("content-type: application/json");
        JsonNode body = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(body.size()).as(response).isEqualTo(1);
        assertThat(body.path("error").isTextual()).as(response).isTrue();
        assertThat(response).doesNotContain("<html", "Jetty", "jetty");
    }

    @Test
    void aMalformedRequestIsJson() throws IOException {
        assertJsonError(raw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nnot a header line\r\n\r\n"), 400);
        assertJsonError(raw("NOT A REQUEST\r\n\r\n"), 505);
    }

    @Test
    void aUriTooLongIsJson() throws IOException {
        assertJsonError(raw("GET /api/v1/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
    }

    @Test
    void headersTooLargeAreJson() throws IOException {
        assertJsonError(raw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n"), 431);
    }

    @Test
    void anUnknownPathIsJson() throws IOException {
        assertJsonError(raw("GET /nothing/here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404);
    }

    @Test
    void anApiErrorHasTheSameShape() throws IOException {
        assertJsonError(raw("GET /api/v1/requests HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 401);
    }
}
