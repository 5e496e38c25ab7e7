package org.yizhan.locator.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworksTest {

    @Test
    void ipv4AddressesShareTheir24() {
        assertThat(Networks.prefix("203.0.113.7")).isEqualTo("203.0.113.0/24");
        assertThat(Networks.prefix("203.0.113.254")).isEqualTo(Networks.prefix("203.0.113.1"));
        assertThat(Networks.prefix("203.0.114.1")).isNotEqualTo(Networks.prefix("203.0.113.1"));
        // An IPv4-mapped IPv6 address is the same IPv4 network.
        assertThat(Networks.prefix("::ffff:203.0.113.9")).isEqualTo("203.0.113.0/24");
    }

    @Test
    void ipv6AddressesShareTheir64() {
        assertThat(Networks.prefix("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(Networks.prefix("2001:db8:1:2::1")).isEqualTo(Networks.prefix("[2001:0db8:0001:0002:ffff::9]"));
        assertThat(Networks.prefix("2001:db8:1:3::1")).isNotEqualTo(Networks.prefix("2001:db8:1:2::1"));
    }

    @Test
    void whatIsNotAnAddressLiteralIsItsOwnNetworkAndNeverLookedUp() {
        assertThat(Networks.prefix("example.org")).isEqualTo("other:example.org");
        assertThat(Networks.prefix("unknown")).isEqualTo("other:unknown");
    }

    @Test
    void theStoredHashIsKeyedAndTheSameForOneNetwork() {
        Networks a = new Networks(new FeedbackSecret(properties("secret-a")));
        Networks b = new Networks(new FeedbackSecret(properties("secret-b")));
        assertThat(a.hash("198.51.100.1")).isEqualTo(a.hash("198.51.100.200")).matches("[0-9a-f]{64}");
        assertThat(a.hash("198.51.100.1")).isNotEqualTo(a.hash("198.51.101.1")).isNotEqualTo(b.hash("198.51.100.1"));
    }

    static FeedbackProperties properties(String secret) {
        return new FeedbackProperties(
                secret,
                new FeedbackProperties.Limit(20, 20),
                new FeedbackProperties.Limit(300, 300),
                3,
                java.time.Duration.ofMinutes(10));
    }
}
