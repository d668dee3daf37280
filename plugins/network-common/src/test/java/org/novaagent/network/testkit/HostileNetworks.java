/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.novaagent.network.LocalNic;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NetworkConfigException;
import org.novaagent.network.XenStoreNetworkParser;

/**
 * Puts every {@link HostileText} value into every field of a {@code vm-data/networking} entry (and
 * into the key name) and runs the real parser: the property tests' generator. A value the parser
 * accepts ends up in a {@link #batches() batch}: one configuration per field in which NIC
 * {@code eth<i>} carries the i-th distinct accepted value, so one run of a real validator checks
 * them all and must see exactly {@code eth0..eth<n-1>}. Values whose model an earlier field already
 * produced (e.g. an address with a trailing newline, which the parser trims) are not repeated.
 */
public final class HostileNetworks {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a hostile value goes: the field name and how to put it into NIC i's entry. */
    private static final Map<String, BiConsumer<ObjectNode, String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("label", (e, h) -> e.put("label", "public" + h));
        FIELDS.put("mac", (e, h) -> e.put("mac", e.get("mac").asText() + h));
        FIELDS.put("ips[0].ip", (e, h) -> ip(e, "ips").put("ip", ip(e, "ips").get("ip").asText() + h));
        FIELDS.put("ips[0].netmask", (e, h) -> ip(e, "ips").put("netmask", "255.255.255.0" + h));
        FIELDS.put("ips[0].enabled", (e, h) -> ip(e, "ips").put("enabled", "1" + h));
        FIELDS.put("ips[0].gateway", (e, h) -> ip(e, "ips").put("gateway", "10.0.0.1" + h));
        FIELDS.put("gateway", (e, h) -> e.put("gateway", "10.0.0.1" + h));
        FIELDS.put("ip6s[0].ip", (e, h) -> ip(e, "ip6s").put("ip", ip(e, "ip6s").get("ip").asText() + h));
        FIELDS.put("ip6s[0].netmask", (e, h) -> ip(e, "ip6s").put("netmask", "64" + h));
        FIELDS.put("gateway_v6", (e, h) -> e.put("gateway_v6", "2001:db8::1" + h));
        FIELDS.put("routes[0].route", (e, h) -> ip(e, "routes").put("route", ip(e, "routes").get("route").asText() + h));
        FIELDS.put("routes[0].netmask", (e, h) -> ip(e, "routes").put("netmask", "255.255.255.0" + h));
        FIELDS.put("routes[0].gateway", (e, h) -> ip(e, "routes").put("gateway", ip(e, "routes").get("gateway").asText() + h));
        FIELDS.put("dns[0]", (e, h) -> ((ArrayNode) e.get("dns")).set(0, "192.0.2.53" + h));
        FIELDS.put("unknown field", (e, h) -> e.put("x" + h, h));
    }

    /** One hostile value in one field, and what the parser made of it. */
    public record Case(String field, String valueName, String value, Map<String, String> entries,
                       Optional<NetworkConfig> config, Optional<NetworkConfigException> rejected) {
    }

    /** A configuration whose NICs each carry one distinct accepted hostile value of one field. */
    public record Batch(String field, NetworkConfig config, List<String> valueNames) {
        /** @return {@code eth0..eth<n-1>}: exactly the interfaces a validator must see */
        public List<String> intendedInterfaces() {
            return config.interfaces().stream().map(NetInterface::name).toList();
        }
    }

    private HostileNetworks() {
    }

    /** @return every field (plus {@code key}, the XenStore key name) with every hostile value, parsed */
    public static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String field : fieldNames()) {
            HostileText.values().forEach((name, h) -> out.add(parse(field, name, h, 0)));
        }
        return out;
    }

    /** @return the fields {@link #cases()} covers */
    public static List<String> fieldNames() {
        List<String> out = new ArrayList<>(FIELDS.keySet());
        out.add("key");
        return out;
    }

    /** @return per field with at least one accepted value, one configuration holding them all */
    public static List<Batch> batches() {
        Map<String, List<Case>> accepted = new LinkedHashMap<>();
        for (Case c : cases()) {
            if (c.config().isPresent()) {
                accepted.computeIfAbsent(c.field(), f -> new ArrayList<>()).add(c);
            }
        }
        List<Batch> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        accepted.forEach((field, cs) -> {
            Map<String, String> entries = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (Case c : cs) {
                NetInterface n = c.config().get().interfaces().get(0);
                String model = List.of(n.label(), n.ipv4(), n.ipv6(), n.gateway4(), n.gateway6(), n.routes(), n.dns()).toString();
                if (seen.add(model)) {
                    entries.putAll(entry(field, c.value(), names.size()));
                    names.add(c.valueName());
                }
            }
            if (names.isEmpty()) {
                return; // every accepted value gave a model an earlier field already covers
            }
            try {
                NetworkConfig config = new XenStoreNetworkParser().parse(entries, Optional.empty(), nics(names.size()));
                out.add(new Batch(field, config, names));
            } catch (NetworkConfigException e) {
                throw new IllegalStateException(field + ": accepted one by one but not together: " + e.getMessage(), e);
            }
        });
        return out;
    }

    /**
     * @param count how many
     * @return {@code eth0..eth<count-1>} with MACs {@code bc:76:4e:00:00:<i>}
     */
    public static List<LocalNic> nics(int count) {
        List<LocalNic> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new LocalNic("eth" + i, mac(i)));
        }
        return out;
    }

    private static Case parse(String field, String name, String h, int index) {
        Map<String, String> entries = entry(field, h, index);
        try {
            NetworkConfig config = new XenStoreNetworkParser().parse(entries, Optional.empty(), nics(index + 1));
            return new Case(field, name, h, entries, Optional.of(config), Optional.empty());
        } catch (NetworkConfigException e) {
            return new Case(field, name, h, entries, Optional.empty(), Optional.of(e));
        }
    }

    /** NIC i's entry: IPv4 + IPv6 + a route + DNS; only NIC 0 has default gateways (netplan refuses two). */
    private static Map<String, String> entry(String field, String h, int i) {
        ObjectNode e = JSON.createObjectNode();
        e.put("label", "public");
        e.put("mac", mac(i));
        ArrayNode ips = e.putArray("ips");
        ips.addObject().put("ip", "10.0." + i + ".5").put("netmask", "255.255.255.0").put("enabled", "1");
        ArrayNode ip6s = e.putArray("ip6s");
        ip6s.addObject().put("ip", "2001:db8:" + i + "::5").put("netmask", "64");
        if (i == 0) {
            e.put("gateway", "10.0.0.1");
            e.put("gateway_v6", "2001:db8::1");
        }
        e.putArray("routes").addObject().put("route", "192.168." + i + ".0").put("netmask", "255.255.255.0")
                .put("gateway", "10.0." + i + ".254");
        e.putArray("dns").add("192.0.2.53");
        String key = mac(i).replace(":", "").toUpperCase();
        if (field.equals("key")) {
            key = key + h;
        } else {
            FIELDS.get(field).accept(e, h);
        }
        return Map.of(key, e.toString());
    }

    private static ObjectNode ip(ObjectNode e, String list) {
        return (ObjectNode) e.get(list).get(0);
    }

    private static String mac(int i) {
        return String.format("bc:76:4e:00:00:%02x", i);
    }
}
