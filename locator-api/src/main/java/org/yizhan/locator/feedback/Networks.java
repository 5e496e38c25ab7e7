package org.yizhan.locator.feedback;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The network a request comes from: the IPv4 /24 or IPv6 /64 around the client address that
 * Tomcat reports (which honours forwarded headers only from configured proxies). One person with
 * a script easily changes device ids and addresses inside such a block, rarely the block itself.
 * Only a keyed hash of the network is ever stored.
 */
@Component
class Networks {

    /** Address literals only: never hand anything else to InetAddress, which would look it up in DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F.:]{2,45}");

    private final FeedbackSecret secret;

    Networks(FeedbackSecret secret) {
        this.secret = secret;
    }

    /** "203.0.113.0/24" or "2001:db8:1:2::/64"; an unparseable address is its own network. */
    static String prefix(String address) {
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        if (!LITERAL.matcher(a).matches()) return "other:" + a;
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(a);
        } catch (UnknownHostException e) {
            return "other:" + a;
        }
        byte[] bytes = parsed.getAddress();
        if (parsed instanceof Inet4Address) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        byte[] block = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
        try {
            return InetAddress.getByAddress(block).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return "v6:" + HexFormat.of().formatHex(bytes, 0, 8) + "/64";
        }
    }

    /** The stored form: HMAC of the network under the server secret, 64 hex characters. */
    String hash(String address) {
        return secret.hex("network|" + prefix(address));
    }
}
