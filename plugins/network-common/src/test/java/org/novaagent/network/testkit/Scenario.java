/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.novaagent.api.XenStoreView;
import org.novaagent.network.XenStoreNetworkParser;
import org.novaagent.testkit.MapXenStoreView;

/**
 * One golden scenario shared by every renderer: the XenStore content the host left
 * ({@code xenstore.json}: full key to value string) and the local NICs ({@code sysfs.json}),
 * plus an optional earlier state ({@code before/}) for attach/detach.
 *
 * @param name     scenario name, e.g. {@code dual-nic-ipv4-ipv6}
 * @param xenstore XenStore keys (e.g. {@code vm-data/networking/BC764E207572}) to values
 * @param nics     the entries of {@code /sys/class/net}
 * @param before   the state applied first, for attach/detach scenarios
 * @param settings agent settings for the run ({@code settings.json}, e.g. {@code network.manage-etc-hosts})
 * @param reply    the message the successful reply must carry ({@code reply.txt}; empty when absent)
 */
public record Scenario(String name, Map<String, String> xenstore, List<SysfsNic> nics, Optional<Scenario> before,
                       Map<String, String> settings, String reply) {

    /** Copies the collections. */
    public Scenario {
        xenstore = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(xenstore));
        nics = List.copyOf(nics);
        settings = Map.copyOf(settings);
    }

    /**
     * A scenario with no settings whose reply message is empty.
     *
     * @param name     scenario name
     * @param xenstore XenStore keys to values
     * @param nics     the entries of {@code /sys/class/net}
     * @param before   the state applied first
     */
    public Scenario(String name, Map<String, String> xenstore, List<SysfsNic> nics, Optional<Scenario> before) {
        this(name, xenstore, nics, before, Map.of(), "");
    }

    /**
     * One {@code /sys/class/net} entry.
     *
     * @param name interface name
     * @param mac  MAC as sysfs shows it, or null
     * @param kind {@code xen}, {@code ethernet}, {@code loopback}, {@code tun}, {@code tap},
     *             {@code veth}, {@code bridge}, {@code docker}, {@code bond}, {@code vlan}, {@code wireguard}
     */
    public record SysfsNic(String name, String mac, String kind) {
    }

    /** @return the {@code vm-data/networking} children: key name to JSON value */
    public Map<String, String> networkingEntries() {
        Map<String, String> out = new LinkedHashMap<>();
        String prefix = XenStoreNetworkParser.NETWORKING + "/";
        xenstore.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** @return {@code vm-data/hostname}, if set */
    public Optional<String> hostname() {
        return Optional.ofNullable(xenstore.get(XenStoreNetworkParser.HOSTNAME));
    }

    /** @return a read-only XenStore view over {@link #xenstore} */
    public XenStoreView xenStore() {
        return new MapXenStoreView(xenstore);
    }

    /**
     * Replaces {@code <root>/sys/class/net} with this scenario's NICs, as plain files and
     * directories (a {@code device} directory stands for netfront's {@code device} link).
     *
     * @param root the scratch root
     * @return the root
     * @throws IOException on failure
     */
    public Path writeSysfs(Path root) throws IOException {
        Path net = root.resolve("sys/class/net");
        if (Files.exists(net)) {
            try (Stream<Path> walk = Files.walk(net)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(net);
        for (SysfsNic n : nics) {
            Path d = Files.createDirectories(net.resolve(n.name()));
            String type = switch (n.kind()) {
                case "loopback" -> "772";
                case "tun", "wireguard" -> "65534";
                default -> "1";
            };
            write(d.resolve("type"), type);
            write(d.resolve("address"), n.mac() == null ? "" : n.mac());
            String devtype = switch (n.kind()) {
                case "veth", "bridge", "bond", "vlan", "wireguard" -> n.kind();
                case "docker" -> "bridge";
                default -> null;
            };
            write(d.resolve("uevent"), "INTERFACE=" + n.name() + "\n" + (devtype == null ? "" : "DEVTYPE=" + devtype + "\n"));
            switch (n.kind()) {
                case "xen" -> Files.createDirectories(d.resolve("device"));
                case "tun", "tap" -> write(d.resolve("tun_flags"), n.kind().equals("tun") ? "0x1001" : "0x1002");
                case "bridge", "docker" -> Files.createDirectories(d.resolve("bridge"));
                case "bond" -> Files.createDirectories(d.resolve("bonding"));
                default -> { }
            }
        }
        return root;
    }

    private static void write(Path p, String s) throws IOException {
        Files.writeString(p, s + (s.endsWith("\n") || s.isEmpty() ? "" : "\n"), StandardCharsets.UTF_8);
    }
}
