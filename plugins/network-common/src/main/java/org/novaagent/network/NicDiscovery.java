/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.novaagent.network.internal.Macs;
import org.novaagent.network.internal.NaturalOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the real NICs under {@code <root>/sys/class/net}. Anything else (loopback, tun/tap, veth,
 * bridges, bonds, VLANs, WireGuard, docker/libvirt bridges, non-Ethernet links, missing, zero or
 * duplicated MACs) is skipped with a debug log and never causes a failure: the 1.x agent crashed
 * on tun interfaces (protocol spec 7.1).
 *
 * <p>Rule for "physical": the entry has a {@code device} link (netfront: {@code ../../vif-0}), or,
 * when sysfs has no {@code device} (scratch roots, some hypervisors), the name looks like a
 * predictable or classic Ethernet name ({@code eth*}, {@code ens*}, {@code enp*}, {@code eno*},
 * {@code enx*}). Only plain files and directories are read, so a hand-made tree works in tests.
 */
public final class NicDiscovery {

    /** {@code uevent} DEVTYPE values that mark virtual links. */
    private static final Set<String> VIRTUAL_DEVTYPES = Set.of("bridge", "bond", "vlan", "wireguard", "veth",
            "vxlan", "macvlan", "macvtap", "ipvlan", "tun", "tap", "dummy", "team", "gre", "vrf", "geneve");
    private static final Pattern VIRTUAL_NAMES = Pattern.compile("^(docker|virbr|br-|veth|vnet|cni|flannel|cali|tun|tap).*");
    private static final Pattern ETHERNET_NAMES = Pattern.compile("^(eth|ens|enp|eno|enx)[0-9a-z]*$");
    private static final Logger LOG = LoggerFactory.getLogger(NicDiscovery.class);

    private NicDiscovery() {
    }

    /**
     * @param root the target root; {@code sys/class/net} is read under it
     * @return the real NICs in natural name order; empty when the directory is missing
     */
    public static List<LocalNic> discover(Path root) {
        Path net = root.resolve("sys/class/net");
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(net)) {
            dir.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", net, e.toString());
            return List.of();
        }
        names.sort(NaturalOrder.INSTANCE);
        List<LocalNic> candidates = new ArrayList<>();
        for (String name : names) {
            try {
                inspect(net.resolve(name), name).ifPresent(candidates::add);
            } catch (RuntimeException | IOException e) {
                LOG.debug("skipping {}: cannot read it ({})", name, e.toString());
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        candidates.forEach(n -> counts.merge(n.macKey(), 1, Integer::sum));
        List<LocalNic> out = new ArrayList<>();
        for (LocalNic n : candidates) {
            if (counts.get(n.macKey()) > 1) {
                LOG.debug("skipping {}: MAC {} is shared by several interfaces", n.name(), n.mac());
            } else {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    private static Optional<LocalNic> inspect(Path dir, String name) throws IOException {
        if (name.equals("lo")) {
            return skip(name, "loopback");
        }
        if (!SafeText.isInterfaceName(name)) {
            LOG.warn("skipping interface {}: its name has characters no configuration file can carry safely",
                    SafeText.quote(name));
            return Optional.empty();
        }
        if (!Files.isDirectory(dir)) {
            return skip(name, "not a directory");
        }
        if (Files.exists(dir.resolve("tun_flags"), LinkOption.NOFOLLOW_LINKS)) {
            return skip(name, "tun/tap device");
        }
        if (Files.exists(dir.resolve("bridge")) || Files.exists(dir.resolve("bonding"))) {
            return skip(name, "bridge or bond");
        }
        Optional<String> devtype = devtype(dir);
        if (devtype.isPresent() && VIRTUAL_DEVTYPES.contains(devtype.get())) {
            return skip(name, "DEVTYPE=" + devtype.get());
        }
        if (VIRTUAL_NAMES.matcher(name).matches()) {
            return skip(name, "virtual interface name");
        }
        Optional<String> type = read(dir.resolve("type"));
        if (type.isPresent() && !type.get().equals("1")) {
            return skip(name, "link type " + type.get() + " is not Ethernet");
        }
        boolean physical = Files.exists(dir.resolve("device"), LinkOption.NOFOLLOW_LINKS)
                || ETHERNET_NAMES.matcher(name).matches();
        if (!physical) {
            return skip(name, "no device link and not an Ethernet name");
        }
        Optional<String> mac = read(dir.resolve("address")).flatMap(Macs::normalise);
        if (mac.isEmpty() || mac.get().equals("000000000000")) {
            return skip(name, "no MAC address");
        }
        return Optional.of(new LocalNic(name, mac.get()));
    }

    private static Optional<String> devtype(Path dir) throws IOException {
        Optional<String> uevent = read(dir.resolve("uevent"));
        if (uevent.isEmpty()) {
            return Optional.empty();
        }
        for (String line : uevent.get().split("\n")) {
            if (line.startsWith("DEVTYPE=")) {
                return Optional.of(line.substring(8).trim().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim());
    }

    private static Optional<LocalNic> skip(String name, String why) {
        LOG.debug("skipping {}: {}", name, why);
        return Optional.empty();
    }
}
