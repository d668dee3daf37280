/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.HostFacts;
import org.novaagent.api.CommandResult;
import org.novaagent.api.XenStoreView;
import org.novaagent.runtime.AgentAssembly;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.plugin.DiscoveredHandler;

/**
 * Issue #18: a command whose handlers are installed but none applies here is answered 404 with
 * every handler's reason, with the real Debian and netplan handlers on a Debian root that has
 * neither ifup nor etc/netplan; a command nobody provides keeps the plain 404.
 */
class NoApplicableHandlerTests {

    @TempDir
    Path root;

    private static final XenStoreView XS = new XenStoreView() {
        @Override
        public Optional<String> read(String path) {
            return Optional.empty();
        }

        @Override
        public List<String> list(String path) throws IOException {
            return List.of();
        }
    };

    private AgentAssembly debianWithoutIfup() throws IOException {
        Files.createDirectories(root.resolve("etc/network"));
        Files.writeString(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        Files.writeString(root.resolve("etc/network/interfaces"), "auto lo\niface lo inet loopback\n");
        return AgentAssembly.build(root, root.resolve("no-plugins"), AgentConfig.defaults(), false, List.of(
                named("org.novaagent.plugin.network.debian", new org.novaagent.plugin.network.debian.internal.ResetNetworkCommandHandler()),
                named("org.novaagent.plugin.network.netplan", new org.novaagent.plugin.network.netplan.internal.ResetNetworkCommandHandler())));
    }

    /** The real handler under its production module name (unit tests run on the class path, where it is "unnamed"). */
    private static DiscoveredHandler named(String module, CommandHandler real) {
        return DiscoveredHandler.builtIn(new CommandHandler() {
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public CommandResult handle(CommandRequest request, CommandContext context) throws CommandException, InterruptedException {
                return real.handle(request, context);
            }

            @Override
            public Applicability applicability(HostFacts facts) {
                return real.applicability(facts);
            }

            @Override
            public int priority() {
                return real.priority();
            }

            @Override
            public String moduleName() {
                return module;
            }
        });
    }

    @Test
    void resetnetworkWithoutApplicableHandlerNamesEachReason() throws Exception {
        AgentAssembly agent = debianWithoutIfup();
        CommandResult r = agent.router().route(CommandRequest.of("1", "resetnetwork", ""), XS);
        assertEquals("404", r.returnCode());
        assertEquals("resetnetwork: no applicable handler: netplan (no etc/netplan directory under the target root),"
                + " debian (ifup (ifupdown) not found in [/usr/local/sbin, /usr/local/bin, /usr/sbin, /usr/bin, /sbin, /bin])",
                r.message());
        assertFalse(NovaAcceptance.novaAccepts("resetnetwork", r.returnCode()), "nova sees a failure");
        assertEquals(r, agent.dryRunRouter().route(CommandRequest.of("2", "resetnetwork", ""), XS), "dry run says the same");
    }

    @Test
    void commandNobodyProvidesKeepsThePlain404() throws Exception {
        CommandResult r = debianWithoutIfup().router().route(CommandRequest.of("1", "kmsactivate", ""), XS);
        assertEquals(CommandResult.of("404", "No such agent command 'kmsactivate'"), r);
    }
}
