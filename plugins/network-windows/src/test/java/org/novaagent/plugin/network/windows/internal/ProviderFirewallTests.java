/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.novaagent.testkit.MapXenStoreView;
import org.novaagent.network.testkit.HostileText;

/**
 * The provider-data firewall rule (protocol §4.7 step 7): when it is wanted, how whitelist values are
 * checked and compared with what Windows shows, and how each step is undone.
 */
class ProviderFirewallTests {

    private static Map<String, String> whitelist(String... values) {
        Map<String, String> xs = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            xs.put(ProviderFirewall.WHITELIST + "/" + i, values[i]);
        }
        return xs;
    }

    @Test
    void onlyAManagedRoleOrTheBuildConfigKeyAsksForTheRule() throws Exception {
        Map<String, String> xs = whitelist("192.0.2.1");
        assertTrue(ProviderFirewall.decide(new MapXenStoreView(xs), Optional.empty()).change().isEmpty(), "no role");
        xs.put(ProviderFirewall.ROLES, "[\"managed_cloud\", \"rax_managed_not\"]");
        assertTrue(ProviderFirewall.decide(new MapXenStoreView(xs), Optional.empty()).change().isEmpty(), "other roles");
        xs.put(ProviderFirewall.ROLES, "rax_managed");
        assertTrue(ProviderFirewall.decide(new MapXenStoreView(xs), Optional.empty()).change().isEmpty(), "not a JSON list");
        for (String role : ProviderFirewall.ROLE_NAMES.split("\\|")) {
            xs.put(ProviderFirewall.ROLES, "[\"" + role + "\"]");
            assertTrue(ProviderFirewall.decide(new MapXenStoreView(xs), Optional.empty()).change().isPresent(), role);
        }
        xs.remove(ProviderFirewall.ROLES);
        xs.put(ProviderFirewall.METADATA + "/build_config", "\"rack_user_only\"");
        assertTrue(ProviderFirewall.decide(new MapXenStoreView(xs), Optional.empty()).change().isPresent(), "metadata key");
        Map<String, String> empty = new HashMap<>(Map.of(ProviderFirewall.ROLES, "[\"rack_connect\"]"));
        assertTrue(ProviderFirewall.decide(new MapXenStoreView(empty), Optional.empty()).change().isEmpty(), "no whitelist");
    }

    @Test
    void windowsFormsOfTheSameAddressesAreNoChange() throws Exception {
        Map<String, String> xs = whitelist("10.1.0.0/16", "192.0.2.1/32", "2001:DB8::/32", "2001:db8::1/128");
        xs.put(ProviderFirewall.ROLES, "[\"rax_managed\"]");
        ProviderFirewall.Decision d = ProviderFirewall.decide(new MapXenStoreView(xs),
                Optional.of(List.of("2001:db8::1", "192.0.2.1", "10.1.0.0/255.255.0.0", "2001:db8::/32")));
        assertEquals(Optional.empty(), d.change());
        assertEquals(List.of(), d.notes());
    }

    @Test
    void everyHostileValueIsLeftOutOrQuotedIntoALiteral() throws Exception {
        for (String hostile : HostileText.values().values()) {
            Map<String, String> xs = whitelist(hostile, "192.0.2.1");
            xs.put(ProviderFirewall.ROLES, "[\"rax_managed\"]");
            ProviderFirewall.Decision d = ProviderFirewall.decide(new MapXenStoreView(xs), Optional.empty());
            Change.FirewallRule rule = d.change().orElseThrow();
            assertTrue(rule.addresses().stream().allMatch(a -> a.matches("[0-9a-f:./]+")), rule.toString());
            assertTrue(rule.statement().endsWith(" -RemoteAddress @(" + String.join(",", rule.addresses().stream()
                    .map(a -> "'" + a + "'").toList()) + ")"), rule.statement());
        }
    }

    @Test
    void eachStepHasItsUndo() {
        Change.FirewallRule create = new Change.FirewallRule(List.of("192.0.2.1"), Optional.empty());
        assertEquals("Remove-NetFirewallRule -DisplayName 'RS_FIREWALL_RULE'", create.inverse().statement());
        assertEquals(create, create.inverse().inverse());
        Change.FirewallRule update = new Change.FirewallRule(List.of("192.0.2.1"), Optional.of(List.of("Any")));
        assertEquals("Set-NetFirewallRule -DisplayName 'RS_FIREWALL_RULE' -RemoteAddress @('Any')",
                update.inverse().statement());
        assertEquals(update, update.inverse().inverse());
        assertEquals(Optional.of("10.0.0.0/8"), ProviderFirewall.normalise(" 10.0.0.0/255.0.0.0 "));
        assertEquals(Optional.empty(), ProviderFirewall.normalise("10.0.0.0/255.0.255.0"));
        assertEquals(Optional.empty(), ProviderFirewall.normalise("256.0.0.1"));
        assertEquals(Optional.empty(), ProviderFirewall.normalise("10.0.0.0/33"));
        assertEquals(Optional.empty(), ProviderFirewall.normalise("Any"));
    }
}
