package httpd.share;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an SVG image: one module per user unit, a white square with the 4-module quiet zone the standard
 * asks for (ISO/IEC 18004 §6.3.8; an image may be saved or printed and set on anything), and one path for every
 * dark module, drawn with {@code shape-rendering="crispEdges"} so that modules meet without anti-aliased seams.
 * No width or height: the page that shows it sizes it. The image holds no text of the request, only numbers.
 */
public final class QrSvg {
    public static final String MEDIA_TYPE = "image/svg+xml";
    public static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    public static String of(QrCode code) {
        int side = code.size + 2 * QUIET_ZONE;
        StringBuilder svg = new StringBuilder(256 + code.size * code.size * 4)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(side).append(' ')
                .append(side).append("\" shape-rendering=\"crispEdges\">")
                .append("<rect width=\"").append(side).append("\" height=\"").append(side).append("\" fill=\"#fff\"/>")
                .append("<path fill=\"#000\" d=\"");
        for (int y = 0; y < code.size; y++) {
            appendRow(svg, code, y);
        }
        return svg.append("\"/></svg>\n").toString();
    }

    /** Each run of dark modules in a row as one rectangle, a much shorter path than a square per module. */
    private static void appendRow(StringBuilder path, QrCode code, int y) {
        int x = 0;
        while (x < code.size) {
            if (!code.getModule(x, y)) {
                x++;
                continue;
            }
            int start = x;
            while (x < code.size && code.getModule(x, y)) {
                x++;
            }
            int run = x - start;
            path.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                    .append('h').append(run).append("v1h-").append(run).append('z');
        }
    }
}
