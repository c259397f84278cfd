package httpd.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A response as a handler decides it: status, the headers that describe this content, and the body.
 * The connection adds the headers every response carries (Date, Server, Content-Length, Connection).
 * A response owns its body, so it must be closed once sent.
 */
public record Response(HttpStatus status, List<HeaderField> headers, Body body) implements AutoCloseable {
    public Response {
        Objects.requireNonNull(status, "status");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    public static Builder builder(HttpStatus status) {
        return new Builder(status);
    }

    /** A copy of this response with one more header, e.g. a {@code Connection: close} decided late. */
    public Response withHeader(String name, String value) {
        List<HeaderField> more = new ArrayList<>(headers);
        more.add(new HeaderField(name, value));
        return new Response(status, more, body);
    }

    public String header(String name) {
        for (HeaderField field : headers) {
            if (field.hasName(name)) {
                return field.value();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    /**
     * Closes a response that will not be sent, such as one a handler replaces by another. Nothing was sent
     * from its body, so a failure to close it tells nothing worth reporting.
     */
    public void discard() {
        try {
            close();
        } catch (IOException e) {
            // nothing was read from it, nothing is lost
        }
    }

    /** Collects the headers of a response in the order they will be sent. */
    public static final class Builder {
        private final HttpStatus status;
        private final List<HeaderField> headers = new ArrayList<>(8);
        private Body body = Body.EMPTY;

        private Builder(HttpStatus status) {
            this.status = status;
        }

        public Builder header(String name, String value) {
            headers.add(new HeaderField(name, value));
            return this;
        }

        public Builder headers(List<HeaderField> fields) {
            headers.addAll(fields);
            return this;
        }

        public Builder body(Body body) {
            this.body = body;
            return this;
        }

        public Response build() {
            return new Response(status, headers, body);
        }
    }
}
