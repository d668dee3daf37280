/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.api.XenStoreView;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.plugin.DiscoveredHandler;
import org.novaagent.runtime.process.DryRunProcessRunner;
import org.novaagent.runtime.route.CommandRouter;

/** The assembled agent: facts from the root, built-ins, features after selection, dry-run contexts. */
class AgentAssemblyTests {

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

    /** Only applicable on RHEL; echoes what its context says and counts shared-state calls. */
    static final class RhelOnly implements CommandHandler {
        @Override
        public String name() {
            return "kmsactivate";
        }

        @Override
        public Applicability applicability(HostFacts facts) {
            return facts.family() == HostFacts.OsFamily.RHEL ? Applicability.yes() : Applicability.no("not RHEL");
        }

        @Override
        public CommandResult handle(CommandRequest r, CommandContext c) {
            int[] counter = c.sharedState(int[].class, () -> new int[1]);
            counter[0]++;
            return CommandResult.ok(c.liveSystem() + " " + c.setting("kms.server").orElse("-") + " " + counter[0]
                    + " " + c.processes().getClass().getSimpleName() + (c.dryRun() ? " dry-run" : ""));
        }
    }

    private AgentAssembly assemble(String osRelease) throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), osRelease);
        AgentConfig cfg = AgentConfig.parse(root.resolve("agent.conf"), List.of("[kms]", "server = kms.example"));
        return AgentAssembly.build(root, root.resolve("no-plugins"), cfg, false,
                List.of(DiscoveredHandler.builtIn(new RhelOnly())));
    }

    @Test
    void featuresListsWhatIsRoutableOnThisRoot() throws Exception {
        AgentAssembly debian = assemble("ID=debian\n");
        assertEquals("features,version", debian.router().route(CommandRequest.of("1", "features", ""), XS).message());
        assertTrue(debian.problems().get(0).contains("not RHEL"), debian.problems().toString());

        AgentAssembly rhel = assemble("ID=rhel\nVERSION_ID=9.4\n");
        assertEquals(HostFacts.OsFamily.RHEL, rhel.hostFacts().family());
        assertEquals("features,kmsactivate,version", rhel.router().route(CommandRequest.of("1", "features", ""), XS).message());
        assertTrue(rhel.problems().isEmpty(), rhel.problems().toString());
    }

    @Test
    void nonLiveRootUsesTheDryRunnerAndSettingsAndSharedState() throws Exception {
        AgentAssembly a = assemble("ID=rhel\n");
        assertFalse(a.liveSystem());
        assertInstanceOf(DryRunProcessRunner.class, a.processRunner());
        assertEquals("false kms.example 1 DryRunProcessRunner",
                a.router().route(CommandRequest.of("1", "kmsactivate", "{}"), XS).message());
        assertEquals("false kms.example 2 DryRunProcessRunner",
                a.router().route(CommandRequest.of("2", "kmsactivate", "{}"), XS).message());
        assertSame(a.router(), a.router());
    }

    @Test
    void onlyTheDryRunRouterMakesDryRunContextsAndItSharesTheState() throws Exception {
        AgentAssembly a = assemble("ID=rhel\n");
        CommandRouter dry = a.dryRunRouter();
        assertEquals("false kms.example 1 DryRunProcessRunner dry-run",
                dry.route(CommandRequest.of("1", "kmsactivate", "{}"), XS).message());
        assertEquals("false kms.example 2 DryRunProcessRunner",
                a.router().route(CommandRequest.of("2", "kmsactivate", "{}"), XS).message(), "shared state is shared");
        assertEquals(a.router().commandNames(), dry.commandNames());
    }

    @Test
    void versionAnswersTheAgentVersion() throws Exception {
        CommandResult r = assemble("ID=debian\n").router().route(CommandRequest.of("1", "version", "agent"), XS);
        assertEquals("0", r.returnCode());
        assertTrue(r.message().matches("\\d+\\.\\d+\\.\\d+.*"), r.message());
    }

    @Test
    void unknownCommandIs404() throws Exception {
        assertEquals("404", assemble("ID=debian\n").router().route(CommandRequest.of("1", "nope", ""), XS).returnCode());
    }
}
