package dev.tessera.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver for the tests: a minimal HTTP/1.1 server on 127.0.0.1 that records every request and answers
 * with the status {@code answer} gives for the request's number (1, 2, ...).
 */
final class Receiver implements AutoCloseable {
    /** A received request: its headers (lower-case names) and body. */
    record Request(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Checks X-Tessera-Signature as a receiver would: HMAC-SHA256 of "timestamp.body" with the secret. */
        boolean signedWith(String secret) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(
                    (header("X-Tessera-Timestamp") + "." + body).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(header("X-Tessera-Signature"));
        }
    }

    private final ServerSocket socket;
    private final IntUnaryOperator answer;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private final Thread thread;

    Receiver(int port, IntUnaryOperator answer) throws IOException {
        this.socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.answer = answer;
        this.thread = new Thread(this::serve, "itest-webhook-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    /** A port on which nothing listens (taken from the system, then let go). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/hooks/tessera";
    }

    List<Request> requests() {
        return requests;
    }

    /** How many requests were answered with a 2xx. */
    long accepted() {
        return answers.stream().filter(s -> s >= 200 && s < 300).count();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(10_000);
                InputStream in = client.getInputStream();
                Map<String, String> headers = new TreeMap<>();
                String line = readLine(in); // request line
                while (!(line = readLine(in)).isEmpty()) {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                requests.add(new Request(headers, body));
                int status = answer.applyAsInt(requests.size());
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 " + status + " Test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                answers.add(status);
            } catch (IOException e) {
                // closed, or a client that went away: serve the next one
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
