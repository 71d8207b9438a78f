package dev.veil.approval.server.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For tests: Slack's Socket Mode end over a real WebSocket (RFC 6455, text frames, ping/pong, close) on a loopback
 * port. A connecting app is greeted with {@code hello}; {@link #sendInteraction} delivers an {@code interactive}
 * envelope as Slack does, and {@link #awaitAck} waits for the app's acknowledgement of it.
 */
public final class SocketModeStandIn implements AutoCloseable {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<JsonNode> received = new ArrayList<>();

    private SocketModeStandIn() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "socket-mode-stand-in");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static SocketModeStandIn start() {
        try {
            return new SocketModeStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Socket Mode stand-in", e);
        }
    }

    /** The URL {@code apps.connections.open} hands out. */
    public String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/link/";
    }

    /** Waits until an app is connected (and was greeted). */
    public void awaitConnection(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connections.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no Socket Mode app connected within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /** Delivers an {@code interactive} envelope carrying {@code payload} (JSON); returns its envelope id. */
    public String sendInteraction(String payload) throws IOException {
        String envelopeId = UUID.randomUUID().toString();
        ObjectNode envelope = JSON.createObjectNode().put("envelope_id", envelopeId).put("type", "interactive")
                .put("accepts_response_payload", false);
        envelope.set("payload", JSON.readTree(payload));
        Socket connection = connections.get(connections.size() - 1);
        synchronized (connection) {
            writeFrame(connection.getOutputStream(), 0x1, JSON.writeValueAsBytes(envelope));
        }
        return envelopeId;
    }

    /** Waits for the app's acknowledgement of an envelope. */
    public JsonNode awaitAck(String envelopeId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                for (JsonNode message : received) {
                    if (envelopeId.equals(message.path("envelope_id").asText())) {
                        return message;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the app did not acknowledge envelope " + envelopeId);
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread reader = new Thread(() -> serve(socket), "socket-mode-stand-in-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String key = null;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            OutputStream out = socket.getOutputStream();
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            synchronized (socket) {
                writeFrame(out, 0x1, ("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":"
                        + "\"stand-in\"},\"connection_info\":{\"app_id\":\"A0VEILTEST\"}}")
                        .getBytes(StandardCharsets.UTF_8));
            }
            connections.add(socket);
            while (true) {
                int head = in.readUnsignedByte();
                int opcode = head & 0x0f;
                int second = in.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] mask = new byte[4];
                if ((second & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                if (opcode == 0x8) {
                    return;
                } else if (opcode == 0x9) {
                    synchronized (socket) {
                        writeFrame(out, 0xA, payload);
                    }
                } else if (opcode == 0x1) {
                    JsonNode message = JSON.readTree(payload);
                    synchronized (received) {
                        received.add(message);
                        received.notifyAll();
                    }
                }
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            // the app went away
        } finally {
            connections.remove(socket);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed during the handshake");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static void writeFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65_536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        frame.write(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : connections) {
                socket.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
