package httpd.inspect;

import java.net.InetAddress;

/**
 * Who may open the inspector. It shows other people's requests, so by default only this machine may
 * (a loopback client); {@code --inspect-from-lan} lets any client that can reach the port.
 */
record InspectorAccess(boolean fromLan) {
    /** @param client the client's address; null when unknown, which is never allowed */
    boolean allows(InetAddress client) {
        if (client == null) {
            return false;
        }
        return fromLan || client.isLoopbackAddress() || isMappedLoopback(client);
    }

    /** {@code ::ffff:127.0.0.1}, as an IPv4 client of a dual-stack socket may show up. */
    private static boolean isMappedLoopback(InetAddress client) {
        byte[] bytes = client.getAddress();
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff && bytes[12] == 127;
    }
}
