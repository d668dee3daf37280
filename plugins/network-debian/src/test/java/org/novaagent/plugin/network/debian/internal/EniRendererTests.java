/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.debian.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.novaagent.network.EniFileEditor;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.TestNetworks;

class EniRendererTests {

    private final EniRenderer renderer = new EniRenderer();

    private List<RenderedFile> render(NetworkConfig config, String existingMain) {
        return renderer.render(config, new RendererOptions(Map.of(), Map.of(EniRenderer.INTERFACES, existingMain)));
    }

    private static long count(String text, String line) {
        return text.lines().filter(line::equals).count();
    }

    @Test
    void sourceLinesAreKeptAndStanzasGoToTheDropIn() {
        String main = "auto lo\niface lo inet loopback\n\nsource /etc/network/interfaces.d/*\n";
        List<RenderedFile> files = render(TestNetworks.config("worked-example"), main);
        assertEquals(1, files.size(), "main file unchanged, so only the drop-in");
        RenderedFile dropIn = files.get(0);
        assertEquals("etc/network/interfaces.d/50-nova-agent", dropIn.path());
        assertTrue(dropIn.content().contains("iface eth1 inet static\n"));
    }

    @Test
    void sourceDirectoryAndRelativeGlobsCount() {
        for (String line : List.of("source-directory /etc/network/interfaces.d/", "source-directory interfaces.d",
                "source interfaces.d/*", "source /etc/network/interfaces.d/[0-9]*")) {
            List<RenderedFile> files = render(TestNetworks.config("single-nic-ipv4"), line + "\n");
            assertEquals(EniRenderer.DROP_IN, files.get(files.size() - 1).path(), line);
        }
        // *.cfg does not match 50-nova-agent: fall back to the marked block and keep the line.
        List<RenderedFile> files = render(TestNetworks.config("single-nic-ipv4"),
                "source /etc/network/interfaces.d/*.cfg\n");
        assertEquals(1, files.size());
        assertEquals(EniRenderer.INTERFACES, files.get(0).path());
        assertTrue(files.get(0).content().startsWith("source /etc/network/interfaces.d/*.cfg\n"));
    }

    @Test
    void markedBlockIsReplacedNotDuplicated() {
        String main = "# my comment\nauto lo\niface lo inet loopback\n\niface vlan9 inet manual\n";
        String first = render(TestNetworks.config("worked-example"), main).get(0).content();
        String second = render(TestNetworks.config("single-nic-ipv4"), first).get(0).content();
        String third = render(TestNetworks.config("single-nic-ipv4"), second).get(0).content();
        assertEquals(second, third, "a repeated render is a fixed point");
        assertEquals(1, second.lines().filter(l -> l.startsWith("# BEGIN nova-agent")).count());
        assertEquals(1, second.lines().filter(l -> l.startsWith("# END nova-agent")).count());
        assertFalse(second.contains("eth1"), "the detached NIC's stanza is gone");
        assertTrue(second.startsWith("# my comment\nauto lo\niface lo inet loopback\n\niface vlan9 inet manual\n"));
        assertEquals(1, count(second, "iface eth0 inet static"));
    }

    @Test
    void blockStaysWhereItWas() {
        String main = "auto lo\niface lo inet loopback\n" + EniFileEditor.BEGIN + "\nold\n"
                + EniFileEditor.END + "\n# trailing operator note\n";
        String out = render(TestNetworks.config("single-nic-ipv4"), main).get(0).content();
        assertTrue(out.startsWith("auto lo\niface lo inet loopback\n# BEGIN nova-agent\n"));
        assertTrue(out.endsWith("# END nova-agent\n# trailing operator note\n"));
        assertFalse(out.contains("\nold\n"));
    }

    @Test
    void competingStanzasForOurInterfacesAreDisabled() {
        String main = "auto lo eth0\niface lo inet loopback\n\nallow-hotplug eth0\niface eth0 inet dhcp\n"
                + "    hostname foo\n\nauto eth0:1\niface eth0:1 inet static\n    address 1.2.3.4\n"
                + "iface eth0.100 inet manual\n    vlan-raw-device eth0\n";
        String out = render(TestNetworks.config("single-nic-ipv4"), main).get(0).content();
        String d = EniFileEditor.DISABLED;
        assertTrue(out.startsWith(d + "auto lo eth0\nauto lo\niface lo inet loopback\n\n"
                + d + "allow-hotplug eth0\n" + d + "iface eth0 inet dhcp\n" + d + "    hostname foo\n\n"
                + d + "auto eth0:1\n" + d + "iface eth0:1 inet static\n" + d + "    address 1.2.3.4\n"
                + "iface eth0.100 inet manual\n    vlan-raw-device eth0\n"), out);
        String again = render(TestNetworks.config("single-nic-ipv4"), out).get(0).content();
        assertEquals(out, again);
    }

    @Test
    void dropInModeRemovesAnOldBlockAndDisablesCompetitors() {
        String main = "source-directory /etc/network/interfaces.d\niface eth0 inet dhcp\n"
                + EniFileEditor.BEGIN + "\nauto eth0\n" + EniFileEditor.END + "\n";
        List<RenderedFile> files = render(TestNetworks.config("single-nic-ipv4"), main);
        assertEquals(2, files.size());
        assertEquals("source-directory /etc/network/interfaces.d\n" + EniFileEditor.DISABLED
                + "iface eth0 inet dhcp\n", files.get(0).content());
    }

    @Test
    void unterminatedBlockFailsClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> render(TestNetworks.config("single-nic-ipv4"), "# BEGIN nova-agent\nauto eth0\n"));
        assertTrue(e.getMessage().contains("without '# END nova-agent'"), e.getMessage());
    }

    @Test
    void routesUseIpRouteAddAndDelNeverPostDownAdd() {
        String out = render(TestNetworks.config("worked-example"), "").get(0).content();
        assertTrue(out.contains("    up ip route add 10.208.0.0/12 via 10.208.224.1 dev eth1\n"));
        assertTrue(out.contains("    down ip route del 10.208.0.0/12 via 10.208.224.1 dev eth1 || true\n"));
        assertFalse(out.contains("post-down"));
        assertTrue(out.contains("    up ip addr add 104.130.4.73/24 dev eth0\n"));
        assertTrue(out.contains("    up ip -6 addr add 2001:4802:7802:104:be76:4eff:fe20:7573/64 dev eth0\n"));
    }

    @Test
    void hostLabelsCannotInjectLines() {
        var nic = TestNetworks.nic("eth0", "bc:76:4e:20:0c:13", "evil\nup reboot", List.of(TestNetworks.v4("10.0.0.2/24")),
                List.of(), null, null, List.of(), List.of());
        String out = render(new NetworkConfig(List.of(nic), java.util.Optional.empty()), "").get(0).content();
        assertFalse(out.lines().anyMatch(l -> l.startsWith("up reboot")), out);
    }
}
