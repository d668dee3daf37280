/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfigException;
import org.novaagent.network.Route;
import org.novaagent.network.SafeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates and normalises one {@code vm-data/networking/<key>} JSON value (protocol spec 1.6).
 * Every error names the XenStore key and the field, so an operator can find the bad data.
 */
public final class EntryParser {

    private static final Logger LOG = LoggerFactory.getLogger(EntryParser.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One parsed entry, not yet matched to a kernel interface.
     *
     * @param macKeys   normalised MACs (12 hex) from the key name and the {@code mac} field
     * @param iface     the interface with an empty {@code name}
     */
    public record Parsed(Set<String> macKeys, NetInterface iface) {
    }

    private final String key;

    private EntryParser(String key) {
        this.key = key;
    }

    /**
     * @param childKey the child name under {@code vm-data/networking}
     * @param json     its value
     * @return the parsed entry
     * @throws NetworkConfigException naming key and field on any invalid data
     */
    public static Parsed parse(String childKey, String json) throws NetworkConfigException {
        return new EntryParser("vm-data/networking/" + childKey).parseEntry(childKey, json);
    }

    private Parsed parseEntry(String childKey, String json) throws NetworkConfigException {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (StreamConstraintsException e) {
            // no location on Jackson's limit exceptions (issue #19, finding 7: it used to be an NPE)
            throw new NetworkConfigException(key + ": value exceeds the JSON parser's limits"
                    + " (nested too deeply or too large)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new NetworkConfigException(key + ": value is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new NetworkConfigException(key + ": value is not a JSON object");
        }
        Set<String> macs = new LinkedHashSet<>();
        Macs.normalise(childKey).ifPresent(macs::add);
        Optional<String> macField = text(root, "mac");
        if (macField.isPresent()) {
            macs.add(Macs.normalise(macField.get()).orElseThrow(
                    () -> NetworkConfigException.field(key, "mac", "not a MAC address " + SafeText.quote(macField.get()))));
        }
        if (macs.isEmpty()) {
            throw NetworkConfigException.field(key, "mac", "missing, and the key name is not a MAC address");
        }
        if (macs.size() > 1) {
            LOG.warn("{}: key name and 'mac' field differ ({}); matching either", key, macs);
        }
        String label = text(root, "label").orElse("");
        if (!SafeText.label(label).equals(label)) {
            LOG.debug("{}: label {} kept as '{}' (labels are reduced to printable ASCII)", key, SafeText.quote(label),
                    SafeText.label(label));
        }
        List<IpAddress> v4 = addresses(root, "ips", false);
        List<IpAddress> v6 = addresses(root, "ip6s", true);
        Optional<String> gw4 = v4.isEmpty() ? Optional.empty()
                : address(root, "gateway", false).or(() -> firstGateway(root, "ips", false));
        Optional<String> gw6 = v6.isEmpty() ? Optional.empty()
                : address(root, "gateway_v6", true).or(() -> firstGateway(root, "ip6s", true));
        List<Route> routes = routes(root, gw4);
        List<String> dns = dns(root);
        String mac = Macs.colon(macs.iterator().next());
        NetInterface iface = new NetInterface("", mac, label, childKey, v4, v6, gw4, gw6, routes, dns);
        return new Parsed(Set.copyOf(macs), iface);
    }

    private List<IpAddress> addresses(JsonNode root, String field, boolean ipv6) throws NetworkConfigException {
        List<IpAddress> out = new ArrayList<>();
        JsonNode list = array(root, field);
        for (int i = 0; i < list.size(); i++) {
            String f = field + "[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                throw NetworkConfigException.field(key, f, "not a JSON object");
            }
            if (!enabled(item, f)) {
                LOG.info("{}: {} is disabled, skipped", key, f);
                continue;
            }
            String ip = required(item, "ip", f);
            String addr = ipv6 ? v6(ip, f + ".ip") : v4(ip, f + ".ip");
            int prefix = ipv6 ? v6Prefix(item.get("netmask"), f + ".netmask")
                    : v4Prefix(required(item, "netmask", f), f + ".netmask");
            out.add(new IpAddress(addr, prefix, ipv6));
        }
        return out;
    }

    private boolean enabled(JsonNode item, String f) throws NetworkConfigException {
        JsonNode e = item.get("enabled");
        if (e == null || e.isNull()) {
            return true;
        }
        String v = e.asText().trim().toLowerCase(java.util.Locale.ROOT);
        switch (v) {
            case "1", "true", "yes":
                return true;
            case "0", "false", "no":
                return false;
            default:
                throw NetworkConfigException.field(key, f + ".enabled", "expected 0/1/true/false, got " + SafeText.quote(e.asText()));
        }
    }

    private Optional<String> firstGateway(JsonNode root, String field, boolean ipv6) {
        JsonNode list = root.get(field);
        if (list == null || !list.isArray()) {
            return Optional.empty();
        }
        for (JsonNode item : list) {
            JsonNode g = item.get("gateway");
            if (g != null && g.isTextual() && !g.asText().isBlank()) {
                Optional<String> c = ipv6 ? IpText.parseIpv6(g.asText().trim()).map(IpText::formatIpv6)
                        : IpText.parseIpv4(g.asText().trim()).map(IpText::formatIpv4);
                if (c.isPresent()) {
                    return c;
                }
                LOG.warn("{}: {}[].gateway {} is not a valid address, ignored", key, field, SafeText.quote(g.asText()));
            }
        }
        return Optional.empty();
    }

    private List<Route> routes(JsonNode root, Optional<String> gw4) throws NetworkConfigException {
        List<Route> out = new ArrayList<>();
        JsonNode list = array(root, "routes");
        for (int i = 0; i < list.size(); i++) {
            String f = "routes[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                throw NetworkConfigException.field(key, f, "not a JSON object");
            }
            long net = IpText.parseIpv4(v4(required(item, "route", f), f + ".route")).orElseThrow();
            int prefix = v4Prefix(required(item, "netmask", f), f + ".netmask");
            Optional<String> via = address(item, "gateway", false, f + ".gateway");
            if (via.isEmpty()) {
                LOG.warn("{}: {} has no gateway, skipped (on-link routes are not supported)", key, f);
                continue;
            }
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            if ((net & ~mask & 0xFFFFFFFFL) != 0) {
                LOG.warn("{}: {}.route {} has host bits set for /{}; using the network address", key, f,
                        IpText.formatIpv4(net), prefix);
            }
            if (prefix == 0 && gw4.equals(via)) {
                LOG.info("{}: {} repeats the default gateway, skipped", key, f);
                continue;
            }
            out.add(new Route(IpText.formatIpv4(net & mask), prefix, via.get(), false));
        }
        return out;
    }

    private List<String> dns(JsonNode root) throws NetworkConfigException {
        Set<String> out = new LinkedHashSet<>();
        JsonNode list = array(root, "dns");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String f = "dns[" + i + "]";
            if (!item.isTextual()) {
                throw NetworkConfigException.field(key, f, "not a string");
            }
            out.add(IpText.canonical(item.asText().trim()).orElseThrow(
                    () -> NetworkConfigException.field(key, f, "not an IP address " + SafeText.quote(item.asText()))));
        }
        return List.copyOf(out);
    }

    private JsonNode array(JsonNode root, String field) throws NetworkConfigException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return JSON.createArrayNode();
        }
        if (!n.isArray()) {
            throw NetworkConfigException.field(key, field, "not a JSON list");
        }
        return n;
    }

    private String required(JsonNode item, String name, String parent) throws NetworkConfigException {
        JsonNode n = item.get(name);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            throw NetworkConfigException.field(key, parent + "." + name, "missing");
        }
        if (!n.isValueNode()) {
            throw NetworkConfigException.field(key, parent + "." + name, "not a string");
        }
        return n.asText().trim();
    }

    private Optional<String> text(JsonNode root, String name) {
        JsonNode n = root.get(name);
        return n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()
                ? Optional.empty() : Optional.of(n.asText().trim());
    }

    private Optional<String> address(JsonNode root, String name, boolean ipv6) throws NetworkConfigException {
        return address(root, name, ipv6, name);
    }

    private Optional<String> address(JsonNode node, String name, boolean ipv6, String f) throws NetworkConfigException {
        Optional<String> t = text(node, name);
        if (t.isEmpty()) {
            return t;
        }
        return Optional.of(ipv6 ? v6(t.get(), f) : v4(t.get(), f));
    }

    private String v4(String text, String f) throws NetworkConfigException {
        return IpText.parseIpv4(text).map(IpText::formatIpv4).orElseThrow(
                () -> NetworkConfigException.field(key, f, "not an IPv4 address " + SafeText.quote(text)));
    }

    private String v6(String text, String f) throws NetworkConfigException {
        return IpText.parseIpv6(text).map(IpText::formatIpv6).orElseThrow(
                () -> NetworkConfigException.field(key, f, "not an IPv6 address " + SafeText.quote(text)));
    }

    private int v4Prefix(String netmask, String f) throws NetworkConfigException {
        int p = IpText.prefixOfNetmask(netmask);
        if (p == -2) {
            throw NetworkConfigException.field(key, f, "non-contiguous netmask " + SafeText.quote(netmask));
        }
        if (p == -1) {
            throw NetworkConfigException.field(key, f, "not a dotted netmask " + SafeText.quote(netmask));
        }
        return p;
    }

    private int v6Prefix(JsonNode n, String f) throws NetworkConfigException {
        if (n == null || n.isNull()) {
            throw NetworkConfigException.field(key, f, "missing");
        }
        String t = n.asText().trim();
        if (!t.matches("[0-9]{1,3}") || Integer.parseInt(t) > 128) {
            throw NetworkConfigException.field(key, f, "expected a prefix length 0-128, got " + SafeText.quote(n.asText()));
        }
        return Integer.parseInt(t);
    }
}
