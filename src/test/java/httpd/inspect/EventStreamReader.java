package httpd.inspect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** An inspector tab, as a test sees it: the event stream over a raw socket, one SSE event at a time. */
final class EventStreamReader implements AutoCloseable {
    /** One event: its name and its data line. */
    record Event(String name, String data) {
    }

    private final Socket socket;
    private final BufferedReader in;

    /** Opens the stream and reads up to its hello, so that every exchange from now on is seen. */
    EventStreamReader(int port) {
        this(port, 0);
    }

    /** @param receiveBufferBytes the socket's receive buffer, small for a tab that falls behind; 0 for the default */
    EventStreamReader(int port, int receiveBufferBytes) {
        try {
            socket = new Socket();
            if (receiveBufferBytes > 0) {
                socket.setReceiveBufferSize(receiveBufferBytes);
            }
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(60_000); // a safety net: events arrive at once
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + InspectorHandler.EVENTS_PATH + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("stream refused: " + status);
            }
            while (!in.readLine().isEmpty()) {
                // the rest of the response head
            }
            Event hello = next();
            if (!hello.name().equals("hello")) {
                throw new IllegalStateException("no hello: " + hello);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Event next() {
        try {
            String name = null;
            String data = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(":")) {
                    // a keep-alive comment: the server had nothing to send for a whole heartbeat
                    throw new IllegalStateException("no event came before the heartbeat");
                }
                if (line.isEmpty()) {
                    if (data != null) {
                        return new Event(name, data);
                    }
                    continue;
                }
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            throw new IllegalStateException("the stream ended");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next event of this name that matches. */
    Event next(String name, Predicate<String> data) {
        while (true) {
            Event event = next();
            if (event.name().equals(name) && data.test(event.data())) {
                return event;
            }
        }
    }

    /** The next {@code count} exchange events. */
    List<String> exchanges(int count) {
        List<String> found = new ArrayList<>();
        while (found.size() < count) {
            found.add(next("exchange", data -> true).data());
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
