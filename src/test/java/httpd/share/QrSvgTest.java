package httpd.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.QrCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class QrSvgTest {
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

    static Stream<String> texts() {
        return Stream.of("A", "http://192.168.1.20:7891/", "https://[fd00::20]:8443/a%20b/?q=1",
                "http://x/" + "y".repeat(1000));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void isWellFormedSvgWhosePathDrawsExactlyTheDarkModules(String text) throws Exception {
        QrCode code = QrCodes.encode(text);

        Element svg = parse(QrSvg.of(code)).getDocumentElement();

        int side = code.size + 2 * QrSvg.QUIET_ZONE;
        assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 " + side + " " + side);
        assertThat(svg.getAttribute("shape-rendering")).isEqualTo("crispEdges");
        assertThat(svg.getElementsByTagName("path").getLength()).isOne();
        Element path = (Element) svg.getElementsByTagName("path").item(0);
        assertThat(drawn(path.getAttribute("d"), side)).isDeepEqualTo(expected(code, side));
    }

    private static boolean[][] drawn(String d, int side) {
        boolean[][] dark = new boolean[side][side];
        Matcher run = RUN.matcher(d);
        int end = 0;
        while (run.find()) {
            assertThat(run.start()).as("nothing between runs").isEqualTo(end);
            end = run.end();
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            assertThat(run.group(4)).isEqualTo(run.group(3));
            for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                assertThat(dark[y][x + i]).as("drawn once: (%d, %d)", x + i, y).isFalse();
                dark[y][x + i] = true;
            }
        }
        assertThat(end).isEqualTo(d.length());
        return dark;
    }

    private static boolean[][] expected(QrCode code, int side) {
        boolean[][] dark = new boolean[side][side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                dark[y][x] = code.getModule(x - QrSvg.QUIET_ZONE, y - QrSvg.QUIET_ZONE);
            }
        }
        return dark;
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
