/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link NetworkSpec} from a small JSON file, so the CLI can take {@code --network FILE.json}:
 * <pre>{@code
 * {"hostname": "demo",
 *  "nics": [{"label": "public", "mac": "BC:76:4E:20:75:72",
 *            "ipv4": [{"address": "104.130.4.72", "prefix": 24, "gateway": "104.130.4.1"}],
 *            "ipv6": [{"address": "2001:db8::2", "prefix": 64, "gateway": "fe80::def"}],
 *            "routes": [{"cidr": "10.176.0.0/12", "gateway": "10.208.224.1"}],
 *            "dns": ["69.20.0.164"]}]}
 * }</pre>
 * An address may also be given in CIDR form ({@code "104.130.4.72/24"}) instead of {@code prefix}.
 */
public final class NetworkSpecReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NetworkSpecReader() {
    }

    /**
     * @param file JSON file
     * @return the spec
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the content is not a valid spec (message says where)
     */
    public static NetworkSpec read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /**
     * @param json JSON text
     * @return the spec
     * @throws IllegalArgumentException when the content is not a valid spec (message says where)
     */
    public static NetworkSpec parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("network spec is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("network spec must be a JSON object");
        }
        Optional<String> hostname = text(root, "hostname");
        List<NetworkSpec.Nic> nics = new ArrayList<>();
        int i = 0;
        for (JsonNode n : array(root, "nics")) {
            String where = "nics[" + i++ + "]";
            String mac = text(n, "mac").orElseThrow(() -> new IllegalArgumentException(where + ": missing mac"));
            nics.add(new NetworkSpec.Nic(text(n, "label").orElse(""), mac,
                    ips(n, "ipv4", where), ips(n, "ipv6", where), routes(n), strings(n, "dns")));
        }
        return new NetworkSpec(hostname, nics);
    }

    private static List<NetworkSpec.Ip> ips(JsonNode nic, String field, String where) {
        List<NetworkSpec.Ip> out = new ArrayList<>();
        for (JsonNode ip : array(nic, field)) {
            String address = text(ip, "address")
                    .orElseThrow(() -> new IllegalArgumentException(where + "." + field + ": missing address"));
            int prefix;
            if (address.contains("/")) {
                String[] parts = address.split("/", 2);
                address = parts[0];
                prefix = Integer.parseInt(parts[1]);
            } else if (ip.hasNonNull("prefix")) {
                prefix = ip.get("prefix").asInt();
            } else {
                throw new IllegalArgumentException(where + "." + field + ": " + address + " has no prefix");
            }
            out.add(new NetworkSpec.Ip(address, prefix, text(ip, "gateway")));
        }
        return out;
    }

    private static List<NetworkSpec.RouteSpec> routes(JsonNode nic) {
        List<NetworkSpec.RouteSpec> out = new ArrayList<>();
        for (JsonNode r : array(nic, "routes")) {
            out.add(new NetworkSpec.RouteSpec(text(r, "cidr")
                    .orElseThrow(() -> new IllegalArgumentException("route without cidr")), text(r, "gateway")));
        }
        return out;
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array(node, field)) {
            out.add(s.asText());
        }
        return out;
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode a = node.get(field);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be a list");
        }
        return a;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
