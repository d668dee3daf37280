/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.novaagent.network.FileStager;
import org.novaagent.network.ForeignConfig;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.Headers;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NmKeyfileForeignConfig;

/**
 * ifcfg files and NetworkManager profiles bound to a NIC nova-agent configures, by device name
 * ({@code DEVICE=}, the file name, {@code interface-name=}) or MAC ({@code HWADDR=}/{@code MACADDR=},
 * {@code mac-address=}). NetworkManager loads both formats, and a second profile for the device
 * (cloud-init's {@code cloud-init-eth0.nmconnection} has autoconnect-priority 120, above ours)
 * can win at boot. Each such file is one device, so it is removed (with its {@code route-}/
 * {@code route6-} files); {@code ifcfg-<if>} in ifcfg mode is ours to overwrite and only recorded.
 * Files NetworkManager and initscripts ignore ({@code .bak}, {@code ~}, {@code .rpmsave}...) are ignored too.
 * The keyfile half is network-common's {@link NmKeyfileForeignConfig}, shared with the SUSE plugin.
 */
final class RhelForeignConfig implements ForeignConfigDetector {

    private static final Pattern LEGACY_ROUTE = Pattern.compile("(?m)^ADDRESS\\d+=");
    /** The first line of every ifcfg file 2.x wrote ({@code libs/centos.py}). */
    static final String LEGACY_HEADER = "# Automatically generated, do not edit";

    private final boolean keyfiles;

    /** @param keyfiles true when nova-agent writes keyfiles, false when it writes ifcfg files */
    RhelForeignConfig(boolean keyfiles) {
        this.keyfiles = keyfiles;
    }

    @Override
    public List<ForeignConfig> detect(NetworkConfig config, FileStager stager) throws IOException {
        List<ForeignConfig> out = new ArrayList<>();
        for (String name : NmKeyfileForeignConfig.list(stager, RhelNames.SCRIPTS, "ifcfg-")) {
            String file = RhelNames.SCRIPTS + name;
            String suffix = name.substring("ifcfg-".length());
            String content = stager.read(file).orElse("");
            Map<String, String> vars = shellVars(content);
            String device = vars.getOrDefault("DEVICE", suffix);
            Optional<NetInterface> nic = NmKeyfileForeignConfig.bound(config, device.replaceAll(":.*", ""),
                    vars.getOrDefault("HWADDR", vars.getOrDefault("MACADDR", "")));
            if (nic.isEmpty() || suffix.equals("lo")) {
                continue;
            }
            List<String> ifs = List.of(nic.get().name());
            if (!keyfiles && file.equals(RhelNames.ifcfg(nic.get().name()))) {
                out.add(ForeignConfig.replace(file, ifcfgOwner(content), ifs));
                for (boolean v6 : new boolean[] {false, true}) {
                    String route = RhelNames.route(nic.get().name(), v6);
                    stager.read(route).ifPresent(c -> out.add(ForeignConfig.replace(route, routeOwner(c), ifs)));
                }
                continue;
            }
            out.add(ForeignConfig.remove(file, ifcfgOwner(content), ifs));
            for (String prefix : List.of("route-", "route6-")) {
                String route = RhelNames.SCRIPTS + prefix + suffix;
                stager.read(route).ifPresent(c -> out.add(ForeignConfig.remove(route, routeOwner(c), ifs)));
            }
        }
        out.addAll(new NmKeyfileForeignConfig(keyfiles).detect(config, stager));
        return out;
    }

    static String ifcfgOwner(String content) {
        if (Headers.isOurs(content)) {
            return ForeignConfig.NOVA_AGENT;
        }
        if (content.startsWith(LEGACY_HEADER)) {
            return ForeignConfig.NOVA_AGENT_2X;
        }
        return content.contains("cloud-init") ? ForeignConfig.CLOUD_INIT : ForeignConfig.OTHER;
    }

    /** 2.x's (and 1.x's) route files are {@code ADDRESSn=} triplets without a header. */
    static String routeOwner(String content) {
        if (Headers.isOurs(content)) {
            return ForeignConfig.NOVA_AGENT;
        }
        if (content.contains("cloud-init")) {
            return ForeignConfig.CLOUD_INIT;
        }
        return LEGACY_ROUTE.matcher(content).find() ? ForeignConfig.NOVA_AGENT_2X : ForeignConfig.OTHER;
    }

    /** {@code KEY=value} lines as the shell would read simple ones (quotes removed). */
    static Map<String, String> shellVars(String content) {
        Map<String, String> vars = new HashMap<>();
        for (String line : content.lines().toList()) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                vars.put(line.substring(0, eq), line.substring(eq + 1).strip().replaceAll("^[\"']|[\"']$", ""));
            }
        }
        return vars;
    }

}
