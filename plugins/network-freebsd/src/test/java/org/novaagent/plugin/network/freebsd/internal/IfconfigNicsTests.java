/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.novaagent.network.LocalNic;

/** {@code ifconfig -a} as FreeBSD 14 prints it on a Xen guest with a jail, a tunnel and pf. */
class IfconfigNicsTests {

    static final String IFCONFIG = """
            xn0: flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500
            \toptions=503<RXCSUM,TXCSUM,TSO4,LRO>
            \tether bc:76:4e:20:75:72
            \tinet 104.130.4.72 netmask 0xffffff00 broadcast 104.130.4.255
            \tmedia: Ethernet manual
            \tstatus: active
            \tnd6 options=29<PERFORMNUD,IFDISABLED,AUTO_LINKLOCAL>
            xn10: flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500
            \tether BC:76:4E:20:6C:5C
            xn1: flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500
            \tether bc:76:4e:20:6c:5b
            lo0: flags=1008049<UP,LOOPBACK,RUNNING,MULTICAST,LOWER_UP> metric 0 mtu 16384
            \tinet6 ::1 prefixlen 128
            \tinet 127.0.0.1 netmask 0xff000000
            \tgroups: lo
            tun0: flags=8010<POINTOPOINT,MULTICAST> metric 0 mtu 1500
            \tgroups: tun
            tap0: flags=8802<BROADCAST,SIMPLEX,MULTICAST> metric 0 mtu 1500
            \tether 58:9c:fc:00:11:22
            \tgroups: tap
            bridge0: flags=8843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST> metric 0 mtu 1500
            \tether 58:9c:fc:10:ff:a6
            \tgroups: bridge
            epair0a: flags=8843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST> metric 0 mtu 1500
            \tether 02:5d:2b:4d:b1:0a
            \tgroups: epair
            xn1.100: flags=8843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST> metric 0 mtu 1500
            \tether bc:76:4e:20:6c:5b
            \tgroups: vlan
            pflog0: flags=0 metric 0 mtu 33152
            \tgroups: pflog
            xn2: flags=8802<BROADCAST,SIMPLEX,MULTICAST> metric 0 mtu 1500
            \tether 00:00:00:00:00:00
            """;

    @Test
    void keepsTheXenNicsInNaturalOrderAndSkipsVirtualOnes() {
        assertEquals(List.of(new LocalNic("xn0", "bc:76:4e:20:75:72"), new LocalNic("xn1", "bc:76:4e:20:6c:5b"),
                new LocalNic("xn10", "bc:76:4e:20:6c:5c")), IfconfigNics.parse(IFCONFIG));
    }

    @Test
    void aMacHeldTwiceSkipsBothHoldersUnlessOneIsVirtual() {
        String twice = "vtnet0: flags=8843<UP> mtu 1500\n\tether 52:54:00:00:00:01\n"
                + "vtnet1: flags=8843<UP> mtu 1500\n\tether 52:54:00:00:00:01\n"
                + "vtnet2: flags=8843<UP> mtu 1500\n\tether 52:54:00:00:00:02\n";
        assertEquals(List.of(new LocalNic("vtnet2", "52:54:00:00:00:02")), IfconfigNics.parse(twice));
        assertEquals(List.of(), IfconfigNics.parse(""));
    }
}
