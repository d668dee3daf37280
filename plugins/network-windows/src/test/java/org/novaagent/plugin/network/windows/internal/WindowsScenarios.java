/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.novaagent.api.XenStoreView;
import org.novaagent.network.testkit.Scenario;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.testkit.MapXenStoreView;

/**
 * The planner's inputs: the shared network scenarios (network-common's test-jar), their Linux NICs
 * turned into Windows adapters (Xen NICs become {@code Ethernet}, {@code Ethernet 2}, ...; tun/tap/
 * wireguard VPN adapters; bridges and docker Hyper-V switch adapters; the rest other interface
 * types), and the Windows-only scenarios under {@code windows-scenarios/<name>/} ({@code xenstore.json}
 * and {@code adapters.txt} in the adapter query's output format, read by the real parser).
 * A scenario with a {@code before} state is planned and applied ({@link StateSimulator}) first.
 */
final class WindowsScenarios {

    /** The name a fresh Windows guest carries before its first resetnetwork. */
    static final String FRESH_NAME = "WIN-7QJ2K1L0ABC";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param value the request's value ({@code request-value.txt}, empty when the scenario has none) */
    record WindowsScenario(String name, Map<String, String> xenstore, HostState state, String value) {
        WindowsScenario(String name, Map<String, String> xenstore, HostState state) {
            this(name, xenstore, state, "");
        }

        XenStoreView view() {
            return new MapXenStoreView(xenstore);
        }
    }

    private WindowsScenarios() {
    }

    static List<String> sharedNames() {
        return ScenarioLoader.names();
    }

    static List<String> windowsNames() {
        return Arrays.stream(resource("windows-scenarios/index.txt").orElseThrow().split("\n"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static WindowsScenario shared(String name) {
        Scenario sc = ScenarioLoader.load(name);
        HostState state = fresh(sc.nics());
        if (sc.before().isPresent()) {
            Scenario b = sc.before().get();
            HostState before = fresh(b.nics());
            try {
                NetworkPlan plan = ResetNetworkCommandHandler.plan(b.xenStore(), before);
                before = StateSimulator.apply(before, plan);
            } catch (Exception e) {
                throw new IllegalStateException("before state of " + name, e);
            }
            HostState applied = before;
            // a detached NIC's adapter is gone, its persistent routes stay (as on Windows)
            state = new HostState(applied.computerName(), state.adapters().stream()
                    .map(a -> applied.adapter(a.ifIndex()).orElse(a)).toList(), Set.of(), applied.persistentRoutes(), applied.firewallRule());
        }
        return new WindowsScenario(name, sc.xenstore(), state);
    }

    static WindowsScenario windows(String name) {
        String dir = "windows-scenarios/" + name;
        try {
            Map<String, String> xs = JSON.readValue(resource(dir + "/xenstore.json").orElseThrow(),
                    new TypeReference<>() { });
            return new WindowsScenario(name, xs, AdapterStateParser.parse(resource(dir + "/adapters.txt").orElseThrow()),
                    resource(dir + "/request-value.txt").map(String::strip).orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Linux scratch NICs as a fresh Windows guest shows them: DHCP on, nothing configured. */
    static HostState fresh(List<Scenario.SysfsNic> nics) {
        List<Adapter> adapters = new ArrayList<>();
        int other = 30;
        for (Scenario.SysfsNic n : nics) {
            AdapterKind kind = switch (n.kind()) {
                case "xen", "ethernet" -> AdapterKind.ETHERNET;
                case "loopback" -> AdapterKind.LOOPBACK;
                case "tun", "tap", "wireguard" -> AdapterKind.VPN_TAP;
                case "bridge", "docker" -> AdapterKind.HYPERV_SWITCH;
                default -> AdapterKind.OTHER;
            };
            int index;
            String name;
            if (n.name().matches("eth\\d+")) {
                int k = Integer.parseInt(n.name().substring(3));
                index = 10 + k;
                name = k == 0 ? "Ethernet" : "Ethernet " + (k + 1);
            } else {
                index = other++;
                name = n.name();
            }
            adapters.add(new Adapter(index, name, Optional.ofNullable(n.mac()), kind, true, true, true, true, List.of(),
                    List.of(), List.of(), List.of()));
        }
        adapters.sort((x, y) -> Integer.compare(x.ifIndex(), y.ifIndex()));
        return new HostState(FRESH_NAME, adapters);
    }

    static Optional<String> resource(String path) {
        try (InputStream in = WindowsScenarios.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
