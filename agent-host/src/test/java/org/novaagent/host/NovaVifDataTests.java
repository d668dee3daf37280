/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link NovaVifData} and {@link NetworkSpecReader} produce nova's exact vm-data/networking JSON. */
class NovaVifDataTests {

    private static final String SPEC = """
            {"hostname": "web1", "nics": [
              {"label": "public", "mac": "BC:76:4E:20:75:72",
               "ipv4": [{"address": "104.130.4.72", "prefix": 24, "gateway": "104.130.4.1"},
                        {"address": "104.130.4.73/24", "gateway": "104.130.4.1"}],
               "ipv6": [{"address": "2001:4802:7802:104:be76:4eff:fe20:7572", "prefix": 64, "gateway": "fe80::def"}],
               "dns": ["69.20.0.164", "69.20.0.196", "69.20.0.164"]},
              {"label": "private", "mac": "BC:76:4E:20:6C:5B",
               "ipv4": [{"address": "10.208.227.239", "prefix": 19}],
               "routes": [{"cidr": "10.208.0.0/12", "gateway": "10.208.224.1"},
                          {"cidr": "10.176.5.0/12", "gateway": "10.208.224.1"}]}]}
            """;

    @Test
    void publicNicMatchesNovaFormat() {
        NetworkSpec spec = NetworkSpecReader.parse(SPEC);
        assertEquals(Optional.of("web1"), spec.hostname());
        assertEquals("BC764E207572", spec.nics().get(0).xenstoreKey());
        assertEquals("{\"label\": \"public\", \"mac\": \"BC:76:4E:20:75:72\", \"broadcast\": \"104.130.4.255\", "
                + "\"gateway\": \"104.130.4.1\", \"ips\": [{\"ip\": \"104.130.4.72\", \"netmask\": \"255.255.255.0\", "
                + "\"enabled\": \"1\", \"gateway\": \"104.130.4.1\"}, {\"ip\": \"104.130.4.73\", \"netmask\": "
                + "\"255.255.255.0\", \"enabled\": \"1\", \"gateway\": \"104.130.4.1\"}], \"gateway_v6\": \"fe80::def\", "
                + "\"ip6s\": [{\"ip\": \"2001:4802:7802:104:be76:4eff:fe20:7572\", \"netmask\": 64, \"enabled\": \"1\", "
                + "\"gateway\": \"fe80::def\"}], \"dns\": [\"69.20.0.164\", \"69.20.0.196\"]}",
                NovaVifData.toJson(spec.nics().get(0)));
    }

    @Test
    void privateNicHasNullGatewayAndRoutes() {
        NetworkSpec.Nic nic = NetworkSpecReader.parse(SPEC).nics().get(1);
        assertEquals("{\"label\": \"private\", \"mac\": \"BC:76:4E:20:6C:5B\", \"broadcast\": \"10.208.255.255\", "
                + "\"gateway\": null, \"ips\": [{\"ip\": \"10.208.227.239\", \"netmask\": \"255.255.224.0\", "
                + "\"enabled\": \"1\", \"gateway\": null}], \"routes\": [{\"route\": \"10.208.0.0\", \"netmask\": "
                + "\"255.240.0.0\", \"gateway\": \"10.208.224.1\"}, {\"route\": \"10.176.0.0\", \"netmask\": "
                + "\"255.240.0.0\", \"gateway\": \"10.208.224.1\"}]}", NovaVifData.toJson(nic));
    }

    @Test
    void badInputGetsClearErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkSpecReader.parse("{"))
                .getMessage().contains("not JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NetworkSpecReader.parse("{\"nics\": [{\"label\": \"x\"}]}")).getMessage().contains("missing mac"));
        assertThrows(IllegalArgumentException.class,
                () -> NetworkSpecReader.parse("{\"nics\": [{\"mac\": \"zz\"}]}"));
        assertEquals("0.0.0.0", NovaVifData.netmask(0));
        assertEquals("255.255.255.255", NovaVifData.netmask(32));
    }

    @Test
    void writeNetworkReplacesEntriesAndHostname() throws Exception {
        FakeXenStore store = new FakeXenStore();
        HostSimulator host = new HostSimulator(store.connect("/local/domain/0"), "/local/domain/3", 80);
        host.setDefaultTimeout(Duration.ofSeconds(1));
        host.writeNetwork(NetworkSpecReader.parse(SPEC));
        assertTrue(store.snapshot().containsKey("/local/domain/3/vm-data/networking/BC764E206C5B"));
        assertEquals("web1", store.snapshot().get("/local/domain/3/vm-data/hostname"));
        host.writeNetwork(new NetworkSpec(Optional.empty(), List.of(NetworkSpecReader.parse(SPEC).nics().get(0))));
        assertEquals(List.of("/local/domain/3/vm-data/networking/BC764E207572"), store.snapshot().keySet().stream()
                .filter(k -> k.contains("vm-data")).toList());
    }
}
