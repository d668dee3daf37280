/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.novaagent.network.testkit.HostileNetworks;
import org.novaagent.network.testkit.HostileText;
import org.novaagent.network.testkit.TestNetworks;

/**
 * Property tests of issue #19 finding 3 at the model: every {@link HostileText} value in every field
 * of a {@code vm-data/networking} entry is either refused with a printable message, or parsed into a
 * model that holds only text every renderer may write as it is. The renderers' own tests then feed
 * {@link HostileNetworks#batches()} to the real validators.
 */
class HostileInputTests {

    @Test
    void everyFieldEitherRefusesOrYieldsOnlySafeText() {
        List<HostileNetworks.Case> cases = HostileNetworks.cases();
        assertTrue(cases.size() > 1000, "generator produced " + cases.size());
        int accepted = 0;
        for (HostileNetworks.Case c : cases) {
            String what = c.field() + " + " + c.valueName();
            if (c.rejected().isPresent()) {
                String m = c.rejected().get().getMessage();
                assertTrue(printable(m), what + ": message not printable ASCII: " + SafeText.quote(m));
                continue;
            }
            accepted++;
            NetworkConfig config = c.config().orElseThrow();
            assertEquals(1, config.interfaces().size(), what);
            NetInterface n = config.interfaces().get(0);
            assertEquals("eth0", n.name(), what);
            assertTrue(SafeText.isSafe(n.label()) && n.label().length() <= SafeText.MAX_LABEL, what + ": " + n.label());
            for (String text : List.of(n.mac(), n.xenstoreKey(), n.ipv4().toString(), n.ipv6().toString(),
                    n.gateway4().toString(), n.gateway6().toString(), n.routes().toString(), n.dns().toString())) {
                assertTrue(text.matches("[A-Za-z0-9.:/\\[\\]=, ()\\-]*"), what + ": " + SafeText.quote(text));
            }
        }
        assertTrue(accepted > HostileText.values().size(), "labels and unknown fields are accepted: " + accepted);
        assertTrue(cases.stream().filter(c -> c.field().equals("key") && !c.value().matches("[A-Za-z0-9_@-]*"))
                .allMatch(c -> c.rejected().isPresent()), "a key name XenStore cannot hold is refused");
    }

    @Test
    void theLabelAttackOfIssue19BecomesOneHarmlessLine() {
        String label = SafeText.label(HostileText.payload("\u2028"));
        assertTrue(label.startsWith("public evil0: match: {name: eth9} dhcp4: true auto evil0".replace('{', '_')
                .replace('}', '_')), label);
        assertTrue(SafeText.isSafe(label) && label.length() == SafeText.MAX_LABEL, label);
    }

    @Test
    void theModelRefusesStructuredValuesThatCouldEscapeAFile() {
        for (String h : HostileText.values().values()) {
            if (h.matches("[A-Za-z0-9.-]*")) {
                continue; // e.g. "-x" or "---": "eth0---" and "web---01" are legitimate names
            }
            assertThrows(IllegalArgumentException.class, () -> nic("eth0" + h, "bc:76:4e:20:0c:13", List.of()));
            assertThrows(IllegalArgumentException.class, () -> nic("eth0", "bc:76:4e:20:0c:13" + h, List.of()));
            assertThrows(IllegalArgumentException.class, () -> nic("eth0", "bc:76:4e:20:0c:13", List.of("192.0.2.1" + h)));
            assertThrows(IllegalArgumentException.class, () -> new IpAddress("192.0.2.1" + h, 24, false));
            assertThrows(IllegalArgumentException.class, () -> new Route("192.0.2.0", 24, "192.0.2.1" + h, false));
            assertThrows(IllegalArgumentException.class, () -> new NetworkConfig(List.of(), Optional.of("web" + h)));
            assertThrows(IllegalArgumentException.class, () -> new LocalNic("eth0" + h, "bc:76:4e:20:0c:13"));
            NetInterface labelled = TestNetworks.nic("eth0", "bc:76:4e:20:0c:13", "lab" + h + "el", List.of(), List.of(),
                    null, null, List.of(), List.of());
            assertTrue(SafeText.isSafe(labelled.label()), SafeText.quote(labelled.label()));
        }
    }

    @Test
    void everyHostileHostnameBecomesAValidOneOrNone() {
        for (Map.Entry<String, String> e : HostileText.values().entrySet()) {
            HostnameRules.Result r = HostnameRules.normalise("web" + e.getValue() + "01");
            r.hostname().ifPresent(h -> {
                assertTrue(HostnameRules.isValid(h), e.getKey() + ": " + h);
                List<RenderedFile> files = HostnameWriter.render(h, Optional.of("127.0.0.1\tlocalhost\n"), true);
                assertEquals(h + "\n", files.get(0).content());
                assertEquals(List.of("127.0.0.1\tlocalhost", "127.0.1.1\t" + h + "\t" + HostnameWriter.HOSTS_MARKER),
                        files.get(1).content().lines().toList());
            });
            assertTrue(printable(r.describe()), e.getKey() + ": " + SafeText.quote(r.describe()));
        }
    }

    private static NetInterface nic(String name, String mac, List<String> dns) {
        return TestNetworks.nic(name, mac, "public", List.of(), List.of(), null, null, List.of(), dns);
    }

    private static boolean printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
