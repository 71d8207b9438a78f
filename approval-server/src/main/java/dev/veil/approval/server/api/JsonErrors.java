package dev.veil.approval.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;

/**
 * The one shape of every error the server answers, whoever produces it (API, Slack endpoint, Jetty itself):
 * {@code {"error": "<what went wrong>"}} as {@code application/json}.
 */
public final class JsonErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonErrors() {
    }

    /** The error body for {@code message}. */
    public static byte[] body(String message) {
        try {
            return JSON.writeValueAsBytes(JsonNodeFactory.instance.objectNode().put("error", message));
        } catch (IOException e) {
            throw new IllegalStateException("a string always writes as JSON", e);
        }
    }

    /** Writes the error as the response, replacing whatever was buffered. */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = body(message);
        if (!response.isCommitted()) {
            response.resetBuffer();
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // no Content-Length: with one, Jetty completes the response at the last byte and closes a connection whose
        // unread body (a refused oversized upload) is still arriving, and the client sees a reset, not the answer
        response.getOutputStream().write(body);
    }

    /** Words for an error status nobody described. */
    public static String describe(int status) {
        return switch (status) {
            case 400 -> "the HTTP request is malformed";
            case 401 -> "the request is not authenticated";
            case 403 -> "the request is not allowed";
            case 404 -> "no such endpoint";
            case 405 -> "method not allowed";
            case 408 -> "the request took too long to arrive";
            case 411 -> "a body needs a Content-Length";
            case 413 -> "the body is too large";
            case 414 -> "the request URI is too long";
            case 415 -> "unsupported media type";
            case 431 -> "the request headers are too large";
            case 500 -> "internal error";
            case 503 -> "the approval server is unavailable";
            case 505 -> "HTTP version not supported";
            default -> "HTTP " + status;
        };
    }

    /** Whether {@code body} already is an error of this shape. */
    public static boolean isErrorObject(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        try {
            JsonNode node = JSON.readTree(body.getBytes(StandardCharsets.UTF_8));
            return node != null && node.isObject() && node.size() == 1 && node.path("error").isTextual();
        } catch (IOException e) {
            return false;
        }
    }
}
