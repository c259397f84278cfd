package httpd.tls;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** This machine as a certificate must name it: its host name and the addresses of its network interfaces. */
public record Machine(String hostName, List<InetAddress> lanAddresses) {
    public Machine {
        lanAddresses = List.copyOf(lanAddresses);
    }

    /** Reads the host name and every address of an interface that is up, loopback excluded; never throws. */
    public static Machine local(Map<String, String> env) {
        return new Machine(hostName(env), interfaceAddresses());
    }

    /** {@code user@host}, as the local CA's name shows whose it is. */
    public String owner() {
        return System.getProperty("user.name", "user") + "@" + hostName;
    }

    private static String hostName(Map<String, String> env) {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnv = env.getOrDefault("HOSTNAME", env.getOrDefault("COMPUTERNAME", ""));
            return fromEnv.isBlank() ? "localhost" : fromEnv;
        }
    }

    private static List<InetAddress> interfaceAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (!address.isLinkLocalAddress()) {
                            addresses.add(address);
                        }
                    }
                }
            }
        } catch (SocketException e) {
            // no list of interfaces: the certificate covers loopback and the bound address
        }
        return addresses;
    }
}
