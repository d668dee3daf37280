/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The backend order is the declaration order, and every priority is positive and distinct. */
class NetworkBackendTests {

    @Test
    void netplanBeatsIfupdownAndEveryPriorityIsDistinctAndPositive() {
        assertEquals(List.of(NetworkBackend.NETPLAN, NetworkBackend.IFUPDOWN_NG, NetworkBackend.IFUPDOWN, NetworkBackend.SUSE, NetworkBackend.RHEL,
                NetworkBackend.FREEBSD_RC, NetworkBackend.NETIFRC, NetworkBackend.WINDOWS, NetworkBackend.NETWORKD),
                List.of(NetworkBackend.values()));
        int previous = Integer.MAX_VALUE;
        for (NetworkBackend b : NetworkBackend.values()) {
            assertTrue(b.priority() > 0 && b.priority() < previous, b + " priority " + b.priority());
            assertTrue(previous == Integer.MAX_VALUE || previous - b.priority() == NetworkBackend.STEP, b.name());
            previous = b.priority();
        }
        assertEquals(NetworkBackend.STEP, NetworkBackend.NETWORKD.priority(), "the last backend keeps one step");
    }
}
