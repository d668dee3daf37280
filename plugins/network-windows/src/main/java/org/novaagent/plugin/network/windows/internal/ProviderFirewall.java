/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.novaagent.api.XenStoreView;
import org.novaagent.network.SafeText;

/**
 * The old agent's provider-data firewall rule (protocol §4.7 step 7): when one of the server's
 * {@code vm-data/provider_data/roles} is a managed role ({@value #ROLE_NAMES}, the old agent's default
 * {@code FirewallRoleNames}) or {@code vm-data/user-metadata} has the key {@value #METADATA_KEY}, and
 * {@code vm-data/provider_data/ip_whitelist/<n>} lists addresses, the inbound rule {@value #RULE}
 * (TCP 445 from those addresses only) is created or its remote addresses updated. Otherwise an
 * existing rule is left as it is, as the old agent left it.
 *
 * <p>Every whitelist value must be an IPv4 or IPv6 address, optionally with a prefix length; anything
 * else is left out and named in the reply (it would otherwise reach the script). Addresses are compared
 * as Windows shows them: lower case, IPv4 prefixes as masks turned back into lengths, full-length
 * prefixes dropped ({@link #normalise}), in any order.
 */
final class ProviderFirewall {

    /** The rule's display name, as the old agent's {@code netsh advfirewall} rule was named. */
    static final String RULE = "RS_FIREWALL_RULE";
    /** The managed roles, {@code |}-separated as in the old agent's app.config. */
    static final String ROLE_NAMES = "rax_managed|rack_connect|rax_build_config";
    /** The user-metadata key that also asks for the rule. */
    static final String METADATA_KEY = "build_config";

    static final String ROLES = "vm-data/provider_data/roles";
    static final String WHITELIST = "vm-data/provider_data/ip_whitelist";
    static final String METADATA = "vm-data/user-metadata";

    private static final Set<String> MANAGED = Set.of(ROLE_NAMES.split("\\|"));
    private static final Pattern JSON_STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern V6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");

    /**
     * @param change the rule to create or update, when it must change
     * @param notes  whitelist values left out
     */
    record Decision(Optional<Change.FirewallRule> change, List<String> notes) {
        Decision {
            notes = List.copyOf(notes);
        }
    }

    private ProviderFirewall() {
    }

    /**
     * @param view    the host's data
     * @param current the rule's remote addresses now, when the rule exists
     * @return what to do
     * @throws IOException XenStore cannot be read
     */
    static Decision decide(XenStoreView view, Optional<List<String>> current) throws IOException {
        boolean managed = view.list(METADATA).contains(METADATA_KEY) || roles(view).stream().anyMatch(MANAGED::contains);
        if (!managed) {
            return new Decision(Optional.empty(), List.of());
        }
        TreeSet<String> wanted = new TreeSet<>();
        List<String> notes = new ArrayList<>();
        for (String child : view.list(WHITELIST)) {
            Optional<String> value = view.read(WHITELIST + "/" + child);
            Optional<String> address = value.flatMap(ProviderFirewall::normalise);
            if (address.isPresent()) {
                wanted.add(address.get());
            } else {
                notes.add(WHITELIST + "/" + SafeText.quote(child) + " " + SafeText.quote(value.orElse(""))
                        + " left out of the " + RULE + " firewall rule: not an IP address or network");
            }
        }
        if (wanted.isEmpty()) {
            return new Decision(Optional.empty(), notes);
        }
        Optional<TreeSet<String>> now = current.map(c -> new TreeSet<>(c.stream().flatMap(a -> normalise(a).stream()).toList()));
        if (now.isPresent() && now.get().equals(wanted)) {
            return new Decision(Optional.empty(), notes);
        }
        return new Decision(Optional.of(new Change.FirewallRule(List.copyOf(wanted), current)), notes);
    }

    /** The roles: the strings of a JSON list; anything else names no role. */
    private static List<String> roles(XenStoreView view) throws IOException {
        String json = view.read(ROLES).orElse("").strip();
        List<String> out = new ArrayList<>();
        if (json.startsWith("[") && json.endsWith("]")) {
            Matcher m = JSON_STRING.matcher(json);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * @param text an address as the host or Windows writes it
     * @return it in one form ({@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code 2001:db8::/32}), or empty when it is none
     */
    static Optional<String> normalise(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        String[] parts = t.split("/", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        boolean v4 = isV4(parts[0]);
        if (!v4 && !(V6.matcher(parts[0]).matches() && parts[0].length() <= 45)) {
            return Optional.empty();
        }
        int max = v4 ? 32 : 128;
        int prefix = max;
        if (parts.length == 2) {
            if (v4 && isV4(parts[1])) {
                prefix = maskLength(parts[1]);
            } else if (parts[1].matches("\\d{1,3}")) {
                prefix = Integer.parseInt(parts[1]);
            } else {
                return Optional.empty();
            }
        }
        if (prefix < 0 || prefix > max) {
            return Optional.empty();
        }
        return Optional.of(prefix == max ? parts[0] : parts[0] + "/" + prefix);
    }

    private static boolean isV4(String s) {
        Matcher m = V4.matcher(s);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** @return the length of a contiguous mask, or -1 */
    private static int maskLength(String mask) {
        long bits = 0;
        for (String octet : mask.split("\\.")) {
            bits = (bits << 8) | Integer.parseInt(octet);
        }
        int len = Long.bitCount(bits);
        return bits == ((0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL) ? len : -1;
    }
}
