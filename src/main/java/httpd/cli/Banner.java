package httpd.cli;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
        String host;
        if (address.isAnyLocalAddress()) {
            host = "127.0.0.1";
        } else if (address instanceof Inet6Address) {
            host = "[" + Ipv6Text.compressed(address.getAddress()) + "]"; // no zone (%eth0): browsers take none in a URL
        } else {
            host = address.getHostAddress();
        }
        return scheme + "://" + host + ":" + port + "/";
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
        if (!bind.isAnyLocalAddress()) {
            return urls;
        }
        boolean includeIpv6 = bind instanceof Inet6Address;
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address || includeIpv6 && !address.isLinkLocalAddress()) {
                        urls.add(url(scheme, address, port));
                    }
                }
            }
        } catch (SocketException e) {
            // no list of interfaces: the loopback URL has been shown
        }
        return urls;
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
