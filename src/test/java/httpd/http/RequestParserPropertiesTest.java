package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever bytes arrive, the parser either returns a head or refuses with its own error. */
class RequestParserPropertiesTest {
    private static final byte[] VALID = ("GET /index.html?q=1 HTTP/1.1\r\nHost: example.com\r\nUser-Agent: t\r\n"
            + "Accept: */*\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

    /** Parses the bytes as a stream of requests; anything but HttpException escaping is a failure. */
    private static void parseAll(byte[] bytes) {
        RequestParser parser = new RequestParser(ParserLimits.DEFAULT);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        try {
            for (int i = 0; i < 1000; i++) {
                RequestHead head = parser.parse(in);
                if (head == null) {
                    return;
                }
                assertThat(head.method()).isNotEmpty();
                assertThat(head.target()).isNotEmpty();
            }
        } catch (HttpException e) {
            assertThat(e.status().code()).isBetween(400, 599);
        } catch (java.io.IOException e) {
            throw new AssertionError("a byte array cannot fail to read", e);
        }
    }

    @Property(tries = 2000)
    void neverThrowsAnythingButItsOwnErrorOnRandomBytes(@ForAll @Size(max = 4096) byte[] bytes) {
        parseAll(bytes);
    }

    @Property(tries = 3000)
    void neverThrowsAnythingButItsOwnErrorOnMutatedRequests(@ForAll("mutatedRequests") byte[] bytes) {
        parseAll(bytes);
    }

    @Property(tries = 300)
    void neverThrowsAnythingButItsOwnErrorOnHugeOrBinaryValues(@ForAll("hugeValues") byte[] value) {
        byte[] head = ("GET / HTTP/1.1\r\nHost: x\r\nX-Value: ").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(head, head.length + value.length + 4);
        System.arraycopy(value, 0, request, head.length, value.length);
        System.arraycopy("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0, request, head.length + value.length, 4);
        parseAll(request);
    }

    @Example
    void refusesAHeadCutOffAtEveryOffset() {
        for (int length = 1; length < VALID.length; length++) {
            byte[] truncated = Arrays.copyOf(VALID, length);
            RequestParser parser = new RequestParser(ParserLimits.DEFAULT);
            try {
                parser.parse(new ByteArrayInputStream(truncated));
                throw new AssertionError("a head cut off after " + length + " bytes was accepted");
            } catch (HttpException e) {
                assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedRequests() {
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, VALID.length - 1);
        Arbitrary<Byte> values = Arbitraries.bytes();
        return positions.list().ofMaxSize(8).flatMap(where -> values.list().ofSize(where.size()).map(what -> {
            byte[] copy = VALID.clone();
            for (int i = 0; i < where.size(); i++) {
                copy[where.get(i)] = what.get(i);
            }
            return copy;
        }));
    }

    @Provide
    Arbitrary<byte[]> hugeValues() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(100_000),
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(60_000).ofMaxLength(70_000)
                        .map(s -> s.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
