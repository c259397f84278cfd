package httpd.cli;

import httpd.share.QrCodes;
import httpd.share.LanAddresses;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The start-up banner: the URL first, LAN URLs for a phone to open, notes; and opening a browser. */
final class Banner {
    private Banner() {
    }

    /** The first line says what is served where; each LAN URL and note follows on a line of its own. */
    static void print(PrintStream out, String firstLine, List<String> lanUrls, List<String> notes) {
        out.println(firstLine);
        for (String lanUrl : lanUrls) {
            out.println("  also at " + lanUrl);
        }
        for (String note : notes) {
            out.println("  " + note);
        }
        out.flush();
    }

    static String url(InetAddress address, int port) {
        return url("http", address, port);
    }

    /** A clickable URL; for a wildcard address, the loopback one. */
    static String url(String scheme, InetAddress address, int port) {
        return scheme + "://" + (address.isAnyLocalAddress() ? "127.0.0.1" : host(address)) + ":" + port + "/";
    }

    /** An address as the host of a URL: IPv6 in brackets. */
    static String host(InetAddress address) {
        return LanAddresses.host(address);
    }

    /**
     * When httpd listens on every interface, the URL of each non-loopback address of this machine (IPv4
     * only for 0.0.0.0; IPv6 too for ::). Empty when it listens on one address.
     */
    static List<String> networkUrls(InetAddress bind, int port) {
        return networkUrls("http", bind, port);
    }

    static List<String> networkUrls(String scheme, InetAddress bind, int port) {
        List<String> urls = new ArrayList<>();
        for (InetAddress address : networkAddresses(bind)) {
            urls.add(url(scheme, address, port));
        }
        return urls;
    }

    private static List<InetAddress> networkAddresses(InetAddress bind) {
        return LanAddresses.networkAddresses(bind);
    }

    /** The address a phone on the LAN opens ({@link LanAddresses#lanAddress}). */
    static Optional<InetAddress> lanAddress(InetAddress bind) {
        return LanAddresses.lanAddress(bind);
    }

    /**
     * The QR code of the URL a phone opens, under a line that says so.
     *
     * @param charset what {@code out} encodes characters with
     */
    static void printQr(PrintStream out, String url, QrText.Colours colours, Charset charset) {
        if (!QrText.printable(charset)) {
            out.println("  (no QR code: the terminal's character set lacks block characters; a UTF-8 locale has them)");
        } else {
            out.println("  scan to open " + url + " on a phone:");
            out.print(QrText.render(QrCodes.encode(url), colours));
        }
        out.flush();
    }

    /** Opens the URL where a desktop exists; anywhere else, quietly does nothing. */
    static void openBrowser(String url) {
        try {
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
            }
        } catch (Exception | LinkageError e) {
            // no browser to open: the URL is in the banner
        }
    }
}
