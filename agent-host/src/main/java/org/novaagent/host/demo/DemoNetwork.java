/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import java.util.List;
import java.util.Optional;
import org.novaagent.host.NetworkSpec;
import org.novaagent.host.NetworkSpec.Ip;
import org.novaagent.host.NetworkSpec.Nic;
import org.novaagent.host.NetworkSpec.RouteSpec;

/**
 * The demo's networks, modelled on a Rackspace public cloud server (spec section 4.9): a public NIC
 * with IPv4 and IPv6, a ServiceNet NIC with two routes, and a Cloud Network attached later.
 */
public final class DemoNetwork {

    /** MAC of eth0 (public). */
    public static final String ETH0_MAC = "BC:76:4E:20:75:72";
    /** MAC of eth1 (private / ServiceNet). */
    public static final String ETH1_MAC = "BC:76:4E:20:6C:5B";
    /** MAC of eth2 (the Cloud Network attached during the demo). */
    public static final String ETH2_MAC = "BC:76:4E:20:8A:31";
    /** The hostname nova injects. */
    public static final String HOSTNAME = "demo-server";

    private DemoNetwork() {
    }

    /** @return public + private NICs */
    public static NetworkSpec twoNics() {
        return new NetworkSpec(Optional.of(HOSTNAME), List.of(publicNic(), privateNic()));
    }

    /** @return public + private + the attached Cloud Network */
    public static NetworkSpec withCloudNetwork() {
        Nic cloud = new Nic("demo-net", ETH2_MAC,
                List.of(new Ip("192.168.3.10", 24, Optional.empty())), List.of(), List.of(), List.of());
        return new NetworkSpec(Optional.of(HOSTNAME), List.of(publicNic(), privateNic(), cloud));
    }

    private static Nic publicNic() {
        return new Nic("public", ETH0_MAC,
                List.of(new Ip("104.130.4.72", 24, Optional.of("104.130.4.1"))),
                List.of(new Ip("2001:4802:7802:104:be76:4eff:fe20:7572", 64, Optional.of("fe80::def"))),
                List.of(), List.of("69.20.0.164", "69.20.0.196"));
    }

    private static Nic privateNic() {
        Optional<String> via = Optional.of("10.208.224.1");
        return new Nic("private", ETH1_MAC,
                List.of(new Ip("10.208.227.239", 19, Optional.empty())), List.of(),
                List.of(new RouteSpec("10.208.0.0/12", via), new RouteSpec("10.176.0.0/12", via)), List.of());
    }
}
