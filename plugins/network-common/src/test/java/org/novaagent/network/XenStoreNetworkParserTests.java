/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.testkit.Scenario;
import org.novaagent.network.testkit.ScenarioLoader;

class XenStoreNetworkParserTests {

    private static final String KEY = "BC764E207572";
    private static final List<LocalNic> ETH0 = List.of(new LocalNic("eth0", "bc:76:4e:20:75:72"));
    private final XenStoreNetworkParser parser = new XenStoreNetworkParser();

    static Stream<String> scenarios() {
        return ScenarioLoader.names().stream();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyScenarioParsesThroughTheXenStoreView(String name, @TempDir Path root) throws Exception {
        Scenario s = ScenarioLoader.load(name);
        s.writeSysfs(root);
        NetworkConfig c = parser.read(s.xenStore(), NicDiscovery.discover(root));
        assertFalse(c.interfaces().isEmpty(), name);
        assertEquals(s.hostname().flatMap(h -> HostnameRules.normalise(h).hostname()), c.hostname());
        assertEquals(s.reply(), String.join("; ", c.notes()), "the notes are the scenario's reply");
        for (NetInterface i : c.interfaces()) {
            assertTrue(i.name().startsWith("eth"), i.name());
            assertEquals(i.mac(), i.mac().toLowerCase(), "MACs are normalised");
        }
    }

    @Test
    void workedExampleIsNormalised() throws Exception {
        Scenario s = ScenarioLoader.load("dual-nic-ipv4-ipv6");
        NetworkConfig c = parser.parse(s.networkingEntries(), s.hostname(), List.of(
                new LocalNic("eth1", "BC:76:4E:20:6C:5B"), new LocalNic("eth0", "bc:76:4e:20:75:72")));
        NetInterface eth0 = c.interfaces().get(0);
        NetInterface eth1 = c.interfaces().get(1);
        assertEquals("eth0", eth0.name());
        assertEquals(List.of(new IpAddress("104.130.4.72", 24, false)), eth0.ipv4());
        assertEquals(List.of(new IpAddress("2001:4802:7802:104:be76:4eff:fe20:7572", 64, true)), eth0.ipv6());
        assertEquals(Optional.of("104.130.4.1"), eth0.gateway4());
        assertEquals(Optional.of("fe80::def"), eth0.gateway6());
        assertEquals(List.of("69.20.0.164", "69.20.0.196"), eth0.dns());
        assertEquals("public", eth0.label());
        assertEquals(List.of(new Route("10.208.0.0", 12, "10.208.224.1", false),
                new Route("10.176.0.0", 12, "10.208.224.1", false)), eth1.routes());
        assertEquals(Optional.empty(), eth1.gateway4());
        assertEquals(List.of(new IpAddress("10.208.227.239", 19, false)), eth1.ipv4());
    }

    @Test
    void enabledFalseDropsAddresses() throws Exception {
        Scenario s = ScenarioLoader.load("enabled-false");
        NetInterface eth0 = parser.parse(s.networkingEntries(), s.hostname(), ETH0).interfaces().get(0);
        assertEquals(1, eth0.ipv4().size());
        assertEquals(1, eth0.ipv6().size());
    }

    @Test
    void gateway6FallsBackToFirstIp6Gateway() throws Exception {
        NetInterface i = one("{\"mac\":\"BC:76:4E:20:75:72\",\"ip6s\":[{\"ip\":\"2001:DB8:0:0::10\","
                + "\"netmask\":\"64\",\"gateway\":\"2001:db8::1\"}]}");
        assertEquals(Optional.of("2001:db8::1"), i.gateway6());
        assertEquals("2001:db8::10", i.ipv6().get(0).address(), "canonical RFC 5952 form");
        assertEquals(64, i.ipv6().get(0).prefix(), "numeric string prefix accepted");
    }

    @Test
    void dnsIsDeduplicatedInOrder() throws Exception {
        NetInterface i = one("{\"ips\":[{\"ip\":\"10.0.0.2\",\"netmask\":\"255.0.0.0\"}],"
                + "\"dns\":[\"8.8.8.8\",\"1.1.1.1\",\"8.8.8.8\",\"2001:4860:4860:0:0:0:0:8888\"]}");
        assertEquals(List.of("8.8.8.8", "1.1.1.1", "2001:4860:4860::8888"), i.dns());
    }

    @Test
    void matchesOnMacFieldWhenKeyIsNotAMac() throws Exception {
        NetworkConfig c = parser.parse(Map.of("nic-a", "{\"mac\":\"bc-76-4e-20-75-72\",\"ips\":[]}"),
                Optional.empty(), ETH0);
        assertEquals("eth0", c.interfaces().get(0).name());
    }

    @Test
    void unmatchedEntriesAreSkippedButNoMatchAtAllIsAnError() throws Exception {
        String other = "{\"mac\":\"00:16:3e:00:00:01\"}";
        NetworkConfig c = parser.parse(Map.of(KEY, "{}", "00163E000001", other), Optional.empty(), ETH0);
        assertEquals(1, c.interfaces().size());
        NetworkConfigException e = assertThrows(NetworkConfigException.class,
                () -> parser.parse(Map.of("00163E000001", other), Optional.empty(), ETH0));
        assertTrue(e.getMessage().contains("00163E000001"), e.getMessage());
        assertTrue(e.getMessage().contains("eth0=bc:76:4e:20:75:72"), e.getMessage());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("{\"ips\":[{\"ip\":\"10.0.0.2\",\"netmask\":\"255.0.255.0\"}]}", "ips[0].netmask", "non-contiguous"),
                Arguments.of("{\"ips\":[{\"ip\":\"10.0.0.300\",\"netmask\":\"255.0.0.0\"}]}", "ips[0].ip", "not an IPv4"),
                Arguments.of("{\"ips\":[{\"ip\":\"example.com\",\"netmask\":\"255.0.0.0\"}]}", "ips[0].ip", "not an IPv4"),
                Arguments.of("{\"ips\":[{\"netmask\":\"255.0.0.0\"}]}", "ips[0].ip", "missing"),
                Arguments.of("{\"ips\":[{\"ip\":\"10.0.0.2\"}]}", "ips[0].netmask", "missing"),
                Arguments.of("{\"ips\":[{\"ip\":\"10.0.0.2\",\"netmask\":\"255.0.0.0\",\"enabled\":\"maybe\"}]}", "ips[0].enabled", "expected"),
                Arguments.of("{\"ip6s\":[{\"ip\":\"2001:db8::1\",\"netmask\":129}]}", "ip6s[0].netmask", "0-128"),
                Arguments.of("{\"ip6s\":[{\"ip\":\"2001:db8:::1\",\"netmask\":64}]}", "ip6s[0].ip", "not an IPv6"),
                Arguments.of("{\"ip6s\":[{\"ip\":\"2001:db8::1\",\"netmask\":64}],\"gateway_v6\":\"fe80::1%eth0\"}", "gateway_v6", "not an IPv6"),
                Arguments.of("{\"ips\":[{\"ip\":\"10.0.0.2\",\"netmask\":\"255.0.0.0\"}],\"gateway\":\"10.0.0\"}", "gateway", "not an IPv4"),
                Arguments.of("{\"routes\":[{\"route\":\"10.1.0.0\",\"netmask\":\"255.0.255.0\",\"gateway\":\"10.0.0.1\"}]}", "routes[0].netmask", "non-contiguous"),
                Arguments.of("{\"routes\":[{\"netmask\":\"255.255.0.0\",\"gateway\":\"10.0.0.1\"}]}", "routes[0].route", "missing"),
                Arguments.of("{\"routes\":[{\"route\":\"10.1.0.0\",\"netmask\":\"255.255.0.0\",\"gateway\":\"x\"}]}", "routes[0].gateway", "not an IPv4"),
                Arguments.of("{\"dns\":[\"8.8.8.8\",\"dns.example\"]}", "dns[1]", "not an IP"),
                Arguments.of("{\"dns\":\"8.8.8.8\"}", "dns", "not a JSON list"),
                Arguments.of("{\"mac\":\"zz:76:4e:20:75:72\"}", "mac", "not a MAC"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidFieldsNameKeyAndField(String json, String field, String problem) {
        NetworkConfigException e = assertThrows(NetworkConfigException.class, () -> one(json));
        assertTrue(e.getMessage().startsWith("vm-data/networking/" + KEY + ": field '" + field + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void invalidJsonIsAnErrorButAnInvalidHostnameIsAdjusted() throws NetworkConfigException {
        NetworkConfigException json = assertThrows(NetworkConfigException.class, () -> one("{\"ips\": ["));
        assertTrue(json.getMessage().startsWith("vm-data/networking/" + KEY + ": value is not valid JSON"), json.getMessage());
        NetworkConfig adjusted = parser.parse(Map.of(KEY, "{}"), Optional.of("bad_name!"), ETH0);
        assertEquals(Optional.of("bad-name"), adjusted.hostname());
        assertEquals(List.of("vm-data/hostname 'bad_name!' adjusted: hostname set to 'bad-name' (characters other "
                + "than letters, digits, '-' and '.' replaced by '-'; empty labels and leading or trailing hyphens "
                + "removed)"), adjusted.notes());
        assertEquals(1, adjusted.interfaces().size());
        NetworkConfig unusable = parser.parse(Map.of(KEY, "{}"), Optional.of("___"), ETH0);
        assertEquals(Optional.empty(), unusable.hostname());
        assertTrue(unusable.notes().get(0).contains("hostname left unchanged"), unusable.notes().toString());
        assertEquals(List.of(), parser.parse(Map.of(KEY, "{}"), Optional.of("web01\n"), ETH0).notes());
        assertThrows(NetworkConfigException.class, () -> parser.parse(Map.of(), Optional.empty(), ETH0));
    }

    @Test
    void deeplyNestedJsonIsAClearErrorNamingTheKey() {
        // issue #19 finding 7: Jackson's nesting-limit exception has no location (was a NullPointerException)
        String nested = "{\"ips\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        NetworkConfigException e = assertThrows(NetworkConfigException.class, () -> one(nested));
        assertEquals("vm-data/networking/" + KEY + ": value exceeds the JSON parser's limits (nested too deeply or too large)",
                e.getMessage());
    }

    private NetInterface one(String json) throws NetworkConfigException {
        return parser.parse(Map.of(KEY, json), Optional.empty(), ETH0).interfaces().get(0);
    }
}
