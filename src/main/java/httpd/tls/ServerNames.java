package httpd.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The names and addresses a server certificate must cover for the way httpd is bound: loopback always (a browser
 * on this machine), the host name and its mDNS {@code .local} name (a phone on the LAN types those), and the bound
 * address, or every LAN address when bound to all of them. Sorted, so that "the set changed" is a comparison.
 */
public record ServerNames(List<String> dnsNames, List<String> ipAddresses) {
    public ServerNames {
        dnsNames = List.copyOf(new TreeSet<>(dnsNames));
        ipAddresses = List.copyOf(new TreeSet<>(ipAddresses));
    }

    public static ServerNames forBinding(InetAddress bind, Machine machine) {
        List<String> dns = new ArrayList<>(List.of("localhost"));
        List<String> ips = new ArrayList<>(List.of(text(literal("127.0.0.1")), text(literal("::1"))));
        String host = machine.hostName().toLowerCase(Locale.ROOT);
        if (!host.isEmpty() && !isAddress(host) && !host.equals("localhost")) {
            String shortName = host.endsWith(".local") ? host.substring(0, host.length() - ".local".length()) : host;
            dns.add(shortName);
            if (!shortName.contains(".")) {
                dns.add(shortName + ".local");
            }
        }
        if (bind.isAnyLocalAddress()) {
            for (InetAddress address : machine.lanAddresses()) {
                ips.add(text(address));
            }
        } else {
            ips.add(text(bind));
        }
        return new ServerNames(dns, ips);
    }

    /** Every name and address, for warnings and the banner. */
    public List<String> all() {
        List<String> all = new ArrayList<>(dnsNames);
        all.addAll(ipAddresses);
        return all;
    }

    /** An address as a certificate's IP entry compares it: no zone, the JDK's canonical text. */
    static String text(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        return zone < 0 ? text : text.substring(0, zone);
    }

    /** An address written as one: parsed, never looked up. */
    static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + address, e);
        }
    }

    private static boolean isAddress(String name) {
        return name.contains(":") || name.matches("[0-9.]+");
    }
}
