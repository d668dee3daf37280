/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.novaagent.api.XenStoreView;
import org.novaagent.network.internal.EntryParser;
import org.novaagent.network.internal.NaturalOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link NetworkConfig} from {@code vm-data/networking/*} and {@code vm-data/hostname}
 * (protocol spec 1.6 and 9): the one place where MACs, netmasks, gateways and DNS are validated
 * and normalised. Entries are matched to local NICs by normalised MAC, from both the key name and
 * the {@code mac} field; entries with no local NIC are logged and skipped.
 */
public final class XenStoreNetworkParser {

    /** XenStore directory holding one JSON value per NIC. */
    public static final String NETWORKING = "vm-data/networking";
    /** XenStore key holding the hostname. */
    public static final String HOSTNAME = "vm-data/hostname";

    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_@-]{1,128}");
    private static final Logger LOG = LoggerFactory.getLogger(XenStoreNetworkParser.class);

    /** Creates a parser (stateless). */
    public XenStoreNetworkParser() {
    }

    /**
     * Reads the network data through the view and parses it.
     *
     * @param view read-only XenStore
     * @param nics the real NICs of the target (from {@link NicDiscovery})
     * @return the validated configuration
     * @throws NetworkConfigException invalid data, or no entry matches a local NIC
     * @throws IOException            XenStore cannot be read
     */
    public NetworkConfig read(XenStoreView view, List<LocalNic> nics) throws NetworkConfigException, IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String child : view.list(NETWORKING)) {
            Optional<String> value = view.read(NETWORKING + "/" + child);
            if (value.isEmpty()) {
                LOG.warn("{}/{} disappeared while reading, skipped", NETWORKING, child);
                continue;
            }
            entries.put(child, value.get());
        }
        return parse(entries, view.read(HOSTNAME), nics);
    }

    /**
     * Parses entries already read from XenStore.
     *
     * @param entries  child key name under {@code vm-data/networking} (the MAC without colons) to JSON value
     * @param hostname the value of {@code vm-data/hostname}, if present
     * @param nics     the real NICs of the target
     * @return the configuration; interfaces sorted by kernel name (natural order: eth2 before eth10); the
     *         hostname made valid by {@link HostnameRules} (an adjustment is logged and kept in the notes, never an error)
     * @throws NetworkConfigException invalid data (message names key and field), or nothing matches
     */
    public NetworkConfig parse(Map<String, String> entries, Optional<String> hostname, List<LocalNic> nics)
            throws NetworkConfigException {
        HostnameRules.Result host = HostnameRules.normalise(hostname.orElse(""));
        List<String> notes = new ArrayList<>();
        if (host.adjusted()) {
            LOG.warn("{}", host.describe());
            notes.add(host.describe());
        }
        if (entries.isEmpty()) {
            throw new NetworkConfigException(NETWORKING + " has no entries; nothing to configure");
        }
        Map<String, LocalNic> byMac = new HashMap<>();
        nics.forEach(n -> byMac.put(n.macKey(), n));
        List<EntryParser.Parsed> parsed = new ArrayList<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (!isKeyName(e.getKey())) {
                throw new NetworkConfigException(NETWORKING + "/" + SafeText.quote(e.getKey())
                        + ": not a XenStore key name");
            }
            parsed.add(EntryParser.parse(e.getKey(), e.getValue()));
        }
        Map<String, NetInterface> matched = new HashMap<>();
        for (EntryParser.Parsed p : parsed) {
            Optional<LocalNic> nic = p.macKeys().stream().map(byMac::get).filter(n -> n != null).findFirst();
            if (nic.isEmpty()) {
                LOG.info("{}/{}: no local NIC has MAC {}, skipped", NETWORKING, p.iface().xenstoreKey(), p.macKeys());
                continue;
            }
            NetInterface t = p.iface();
            NetInterface previous = matched.put(nic.get().name(), new NetInterface(nic.get().name(), nic.get().mac(),
                    t.label(), t.xenstoreKey(), t.ipv4(), t.ipv6(), t.gateway4(), t.gateway6(), t.routes(), t.dns()));
            if (previous != null) {
                throw new NetworkConfigException(NETWORKING + "/" + previous.xenstoreKey() + " and " + NETWORKING
                        + "/" + t.xenstoreKey() + " both match interface " + nic.get());
            }
        }
        if (matched.isEmpty()) {
            List<String> seen = new ArrayList<>();
            parsed.forEach(p -> seen.add(p.iface().xenstoreKey()));
            throw new NetworkConfigException("no " + NETWORKING + " entry matches a local NIC: xenstore MACs "
                    + seen + ", local NICs " + nics);
        }
        List<NetInterface> ordered = new ArrayList<>(matched.values());
        ordered.sort(Comparator.comparing(NetInterface::name, NaturalOrder.INSTANCE));
        return new NetworkConfig(ordered, host.hostname(), notes);
    }

    /**
     * @param key a child name under {@value #NETWORKING}
     * @return true for the characters XenStore allows in a path element ({@code A-Z a-z 0-9 - _ @}),
     *         1-128 of them; anything else did not come from a real XenStore and is refused
     */
    public static boolean isKeyName(String key) {
        return key != null && KEY_NAME.matcher(key).matches();
    }
}
