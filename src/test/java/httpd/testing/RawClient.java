package httpd.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A client on a raw socket: bytes go out exactly as written, and responses are read off the wire by hand. */
public final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawClient(int port) {
        this(plainSocket(port));
    }

    private RawClient(Socket socket) {
        try {
            this.socket = socket;
            socket.setSoTimeout(20_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client over a socket made elsewhere, e.g. a TLS one. */
    public static RawClient over(Socket socket) {
        return new RawClient(socket);
    }

    private static Socket plainSocket(int port) {
        try {
            return new Socket(InetAddress.getLoopbackAddress(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request on a fresh connection; HEAD requests are read without a body. */
    public static RawResponse exchange(TestServer server, String request) {
        try (RawClient client = server.connect()) {
            return client.send(request).readResponse(request.startsWith("HEAD"));
        }
    }

    /** {@code GET path HTTP/1.1} with a Host and these header lines. */
    public static String get(String path, String... headerLines) {
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: x\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    public RawClient send(String ascii) {
        return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawClient send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Socket socket() {
        return socket;
    }

    /** Reads one response; {@code headRequest} says there is no body whatever Content-Length says. */
    public RawResponse readResponse(boolean headRequest) {
        try {
            String head = readHead();
            Map<String, String> headers = new LinkedHashMap<>();
            String[] lines = head.split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            byte[] body = new byte[0];
            if (!headRequest && headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if (!headRequest && "chunked".equals(headers.get("transfer-encoding"))) {
                body = readChunks();
            }
            return new RawResponse(head, status, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A chunked body (RFC 9112 §7.1), each chunk's framing checked: hex size, CRLF, the bytes, CRLF. */
    private byte[] readChunks() throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != '\r') {
                if (c < 0) {
                    throw new IOException("chunked body cut short after " + body.size() + " bytes");
                }
                size.append((char) c);
            }
            if (in.read() != '\n') {
                throw new IOException("chunk size line without CRLF");
            }
            int length = Integer.parseInt(size.toString(), 16);
            byte[] chunk = in.readNBytes(length);
            if (chunk.length != length || in.read() != '\r' || in.read() != '\n') {
                throw new IOException("chunk of " + length + " bytes not followed by CRLF");
            }
            if (length == 0) {
                return body.toByteArray();
            }
            body.writeBytes(chunk);
        }
    }

    public RawResponse readResponse() {
        return readResponse(false);
    }

    /** Everything until the server closes the connection. */
    public String readToEnd() {
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closed the connection (EOF, or a reset after it closed). */
    public boolean isClosedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes: " + head);
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One response as read off the wire; {@code head} is the exact head text including the blank line. */
    public record RawResponse(String head, int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String text() {
            return head + new String(body, StandardCharsets.ISO_8859_1);
        }
    }
}
