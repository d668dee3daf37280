/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.Route;

/**
 * Valid network models drawn at random (issue #17, property tests), with JUnit's own parameterised
 * tests and a fixed seed per sample so a failure names the seed that reproduces it: one to three
 * NICs, each with zero to three IPv4 and zero to two IPv6 addresses (canonical text, prefixes
 * 16–28 and 48–64), an on-link gateway per family or none, extra IPv4 routes through the
 * gateway's subnet and IPv6 routes through a link-local router, and DNS servers of both families.
 * Everything the XenStore parser can produce; nothing it would reject.
 */
public final class RandomNetworks {

    private RandomNetworks() {
    }

    /**
     * @param count how many models
     * @return {@code (seed, model)} pairs, seeds {@code 1..count}
     */
    public static Stream<Arguments> samples(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(seed -> Arguments.of(seed, model(seed)));
    }

    /** @return the model of this seed (the same every time) */
    public static NetworkConfig model(long seed) {
        Random r = new Random(seed);
        int nics = 1 + r.nextInt(3);
        Set<String> used = new HashSet<>();
        List<NetInterface> out = new ArrayList<>();
        for (int i = 0; i < nics; i++) {
            out.add(nic(r, i, used));
        }
        Optional<String> host = r.nextBoolean() ? Optional.of("host-" + seed) : Optional.empty();
        return new NetworkConfig(out, host);
    }

    private static NetInterface nic(Random r, int index, Set<String> used) {
        String mac = String.format("bc:76:4e:%02x:%02x:%02x", index, r.nextInt(256), r.nextInt(256));
        List<IpAddress> v4 = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        Optional<String> gw4 = Optional.empty();
        int count4 = r.nextInt(4);
        for (int k = 0; k < count4; k++) {
            int prefix = 16 + r.nextInt(13);
            long base = ((10L << 24) | ((long) (index * 64 + k * 8 + r.nextInt(8)) << 16)) & mask(prefix);
            long host = base + 3 + r.nextInt((int) Math.min(200, (1L << (32 - prefix)) - 4));
            String address = v4(host);
            if (!used.add(address)) {
                continue;
            }
            v4.add(new IpAddress(address, prefix, false));
            if (k == 0 && r.nextInt(3) > 0) {
                gw4 = Optional.of(v4(base + 1));
            }
            if (k == 0 && r.nextBoolean()) {
                for (int n = 1 + r.nextInt(2); n > 0; n--) {
                    int rp = 8 + r.nextInt(17);
                    long net = ((long) (172 + n) << 24 | (long) r.nextInt(1 << 16) << 8) & mask(rp);
                    routes.add(new Route(v4(net), rp, v4(base + 2), false));
                }
            }
        }
        List<IpAddress> v6 = new ArrayList<>();
        Optional<String> gw6 = Optional.empty();
        int count6 = r.nextInt(3);
        for (int k = 0; k < count6; k++) {
            String address = String.format("2001:db8:%x:%x::%x", 1 + index, 1 + k, 1 + r.nextInt(0xfffe));
            v6.add(new IpAddress(address, 48 + r.nextInt(17), true));
            if (k == 0 && r.nextBoolean()) {
                gw6 = Optional.of(r.nextBoolean() ? "fe80::1" : String.format("2001:db8:%x:1::1", 1 + index));
            }
            if (k == 0 && r.nextInt(3) == 0) {
                routes.add(new Route(String.format("2001:db8:%x::", 0x100 + index), 48, "fe80::2", true));
            }
        }
        List<String> dns = new ArrayList<>();
        for (int n = r.nextInt(3); n > 0; n--) {
            String d = r.nextInt(4) == 0 ? String.format("2001:4860::%x", 0x8800 + r.nextInt(255))
                    : "8.8." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            if (!dns.contains(d)) {
                dns.add(d);
            }
        }
        String label = List.of("public", "private", "cloud-net-" + index).get(Math.min(index, 2));
        String key = mac.replace(":", "").toUpperCase();
        return new NetInterface("eth" + index, mac, label, key, v4, v6, gw4, gw6, routes, dns);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String v4(long a) {
        return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
    }
}
