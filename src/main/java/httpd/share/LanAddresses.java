package httpd.share;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The addresses other machines reach this one by, for the URLs and QR codes a phone opens. */
public final class LanAddresses {
    private LanAddresses() {
    }

    /** An address as the host of a URL: IPv6 in brackets, without a zone (browsers take none in a URL). */
    public static String host(InetAddress address) {
        if (address instanceof Inet6Address) {
            return "[" + Ipv6Text.compressed(address.getAddress()) + "]";
        }
        return address.getHostAddress();
    }

    /**
     * When httpd listens on every interface, each non-loopback address of this machine (IPv4 only for 0.0.0.0;
     * IPv6 too for ::). Empty when it listens on one address.
     */
    public static List<InetAddress> networkAddresses(InetAddress bind) {
        List<InetAddress> addresses = new ArrayList<>();
        if (!bind.isAnyLocalAddress()) {
            return addresses;
        }
        boolean includeIpv6 = bind instanceof Inet6Address;
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address || includeIpv6 && !address.isLinkLocalAddress()) {
                        addresses.add(address);
                    }
                }
            }
        } catch (SocketException e) {
            // no list of interfaces: the loopback URL is all there is
        }
        return addresses;
    }

    /**
     * The address a phone on the LAN opens: the bound one when it is not loopback, for a wildcard the first of
     * {@link #networkAddresses}; none when httpd listens on loopback only, where no phone could reach it.
     */
    public static Optional<InetAddress> lanAddress(InetAddress bind) {
        if (bind.isLoopbackAddress()) {
            return Optional.empty();
        }
        return bind.isAnyLocalAddress() ? networkAddresses(bind).stream().findFirst() : Optional.of(bind);
    }
}
