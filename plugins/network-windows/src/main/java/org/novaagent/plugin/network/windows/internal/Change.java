/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.List;
import org.novaagent.network.IpAddress;
import org.novaagent.network.Route;

/**
 * One step of a plan. Each knows the PowerShell statement that performs it (the adapter is addressed
 * by its interface index, every value through {@link PsQuote}), the line that describes it, and the
 * step that undoes it, so a plan that fails half-way can be rolled back in reverse order.
 */
sealed interface Change {

    /** Metric of a default route, as the old agent set it ({@code gwmetric=2}, {@code route -p add ... metric 2}). */
    int GATEWAY_METRIC = 2;
    /** Metric of a static route, as the old agent set it ({@code metric 10}). */
    int ROUTE_METRIC = 10;

    /** @return the adapter's interface index */
    int ifIndex();

    /** @return one line for plans, logs and replies */
    String describe();

    /** @return one PowerShell statement, on one line */
    String statement();

    /** @return the change that undoes this one */
    Change inverse();

    /** Enables a disabled adapter (the old agent enabled every adapter it configured), or disables it again. */
    record Enable(int ifIndex, boolean up) implements Change {
        public String describe() {
            return "if" + ifIndex + ": " + (up ? "enable" : "disable") + " the adapter";
        }

        public String statement() {
            return "Get-NetAdapter -InterfaceIndex " + ifIndex + " | " + (up ? "Enable" : "Disable") + "-NetAdapter -Confirm:$false";
        }

        public Change inverse() {
            return new Enable(ifIndex, !up);
        }
    }

    /** Turns IPv4 DHCP off (before static addresses) or back on. */
    record SetDhcp4(int ifIndex, boolean enabled) implements Change {
        public String describe() {
            return "if" + ifIndex + ": IPv4 DHCP " + (enabled ? "on" : "off");
        }

        public String statement() {
            return "Set-NetIPInterface -InterfaceIndex " + ifIndex + " -AddressFamily IPv4 -Dhcp "
                    + (enabled ? "Enabled" : "Disabled");
        }

        public Change inverse() {
            return new SetDhcp4(ifIndex, !enabled);
        }
    }

    /** Adds ({@code add}) or removes a unicast address. */
    record Address(int ifIndex, IpAddress address, boolean add) implements Change {
        public String describe() {
            return "if" + ifIndex + ": " + (add ? "add" : "remove") + " address " + address.cidr();
        }

        public String statement() {
            return (add ? "New-NetIPAddress" : "Remove-NetIPAddress -Confirm:$false") + " -InterfaceIndex " + ifIndex
                    + " -IPAddress " + PsQuote.literal(address.address()) + " -PrefixLength " + address.prefix();
        }

        public Change inverse() {
            return new Address(ifIndex, address, !add);
        }
    }

    /** Adds or removes a default route ({@code 0.0.0.0/0} or {@code ::/0}) through a gateway. */
    record Gateway(int ifIndex, String gateway, boolean ipv6, boolean add) implements Change {
        String prefix() {
            return ipv6 ? "::/0" : "0.0.0.0/0";
        }

        public String describe() {
            return "if" + ifIndex + ": " + (add ? "add" : "remove") + " default route " + prefix() + " via " + gateway
                    + (add ? " metric " + GATEWAY_METRIC : "");
        }

        public String statement() {
            return routeStatement(ifIndex, prefix(), gateway, add, GATEWAY_METRIC);
        }

        public Change inverse() {
            return new Gateway(ifIndex, gateway, ipv6, !add);
        }
    }

    /** Adds or removes a persistent static route. */
    record StaticRoute(int ifIndex, Route route, boolean add) implements Change {
        public String describe() {
            return "if" + ifIndex + ": " + (add ? "add" : "remove") + " route " + route.cidr() + " via " + route.gateway()
                    + (add ? " metric " + ROUTE_METRIC : "");
        }

        public String statement() {
            return routeStatement(ifIndex, route.cidr(), route.gateway(), add, ROUTE_METRIC);
        }

        public Change inverse() {
            return new StaticRoute(ifIndex, route, !add);
        }
    }

    /**
     * Removes (or, as its undo, puts back) a persistent route the agent made for an adapter that is gone
     * or no longer in the host's data (a detached Cloud Network). A gone adapter's route exists only in
     * the persistent store; a present adapter's is removed from both stores.
     */
    record StaleRoute(HostState.PersistentRoute persistent, boolean gone, boolean add) implements Change {
        public int ifIndex() {
            return persistent.ifIndex();
        }

        public String describe() {
            Route r = persistent.route();
            return "if" + ifIndex() + ": " + (add ? "restore" : "remove") + " persistent route " + r.cidr() + " via "
                    + r.gateway() + " metric " + persistent.metric() + (gone ? " (the adapter is gone)"
                    : " (the adapter is not in the host's network data)");
        }

        public String statement() {
            Route r = persistent.route();
            return (add ? "New-NetRoute" : "Remove-NetRoute -Confirm:$false") + (gone ? " -PolicyStore PersistentStore" : "")
                    + " -InterfaceIndex " + ifIndex() + " -DestinationPrefix " + PsQuote.literal(r.cidr())
                    + " -NextHop " + PsQuote.literal(r.gateway()) + (add ? " -RouteMetric " + persistent.metric() : "");
        }

        public Change inverse() {
            return new StaleRoute(persistent, gone, !add);
        }
    }

    /**
     * Creates the provider-data firewall rule ({@link ProviderFirewall}, protocol §4.7 step 7: inbound
     * TCP 445 from the whitelisted addresses only) or sets its remote addresses; its undo sets the previous
     * addresses back, or removes a rule it created. Not an adapter step: its ifIndex is 0.
     *
     * @param addresses the remote addresses, empty only in the undo of a creation (the rule is removed)
     * @param previous  the addresses before as Windows showed them (e.g. {@code Any}), empty when the rule did not exist
     */
    record FirewallRule(List<String> addresses, java.util.Optional<List<String>> previous) implements Change {
        public FirewallRule {
            addresses = List.copyOf(addresses);
        }

        public int ifIndex() {
            return 0;
        }

        public String describe() {
            return addresses.isEmpty() ? "remove the firewall rule " + ProviderFirewall.RULE
                    : (previous.isEmpty() ? "create" : "update") + " the firewall rule " + ProviderFirewall.RULE
                    + " (inbound TCP 445) for " + String.join(", ", addresses);
        }

        public String statement() {
            String rule = "-DisplayName " + PsQuote.literal(ProviderFirewall.RULE);
            if (addresses.isEmpty()) {
                return "Remove-NetFirewallRule " + rule;
            }
            return previous.isEmpty()
                    ? "New-NetFirewallRule " + rule + " -Direction Inbound -Action Allow -Protocol TCP -LocalPort 445"
                    + " -RemoteAddress " + PsQuote.array(addresses)
                    : "Set-NetFirewallRule " + rule + " -RemoteAddress " + PsQuote.array(addresses);
        }

        public Change inverse() {
            if (addresses.isEmpty()) {
                return new FirewallRule(previous.orElseThrow(), java.util.Optional.empty());
            }
            return previous.isEmpty() ? new FirewallRule(List.of(), java.util.Optional.of(addresses))
                    : new FirewallRule(previous.get(), java.util.Optional.of(addresses));
        }
    }

    /** Sets the DNS servers in order (an empty list resets them to what DHCP gives). */
    record Dns(int ifIndex, List<String> servers, List<String> previous) implements Change {
        public Dns {
            servers = List.copyOf(servers);
            previous = List.copyOf(previous);
        }

        public String describe() {
            return "if" + ifIndex + ": DNS " + (servers.isEmpty() ? "reset" : String.join(", ", servers));
        }

        public String statement() {
            return "Set-DnsClientServerAddress -InterfaceIndex " + ifIndex
                    + (servers.isEmpty() ? " -ResetServerAddresses" : " -ServerAddresses " + PsQuote.array(servers));
        }

        public Change inverse() {
            return new Dns(ifIndex, previous, servers);
        }
    }

    /** Renames the adapter (its connection name) to its Cloud Network label. */
    record Rename(int ifIndex, String name, String previous) implements Change {
        public String describe() {
            return "if" + ifIndex + ": rename to " + PsQuote.literal(name);
        }

        public String statement() {
            return "Get-NetAdapter -InterfaceIndex " + ifIndex + " | Rename-NetAdapter -NewName " + PsQuote.literal(name);
        }

        public Change inverse() {
            return new Rename(ifIndex, previous, name);
        }
    }

    private static String routeStatement(int ifIndex, String prefix, String nextHop, boolean add, int metric) {
        return (add ? "New-NetRoute" : "Remove-NetRoute -Confirm:$false") + " -InterfaceIndex " + ifIndex
                + " -DestinationPrefix " + PsQuote.literal(prefix) + " -NextHop " + PsQuote.literal(nextHop)
                + (add ? " -RouteMetric " + metric : "");
    }
}
