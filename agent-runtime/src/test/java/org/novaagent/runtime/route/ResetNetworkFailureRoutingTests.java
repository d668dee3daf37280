/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.ProcessResult;
import org.novaagent.host.HostReply;
import org.novaagent.plugin.network.netplan.internal.ResetNetworkCommandHandler;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestHostFacts;

/**
 * Issue #10 §1 with a real plugin: the netplan handler's own failure answers (an apply that fails
 * and is rolled back, invalid network data) are {@code "500"}, which nova accepts for resetnetwork;
 * through the runtime's router they reach nova as {@code "1"}, a failure, with the handler's
 * message. (An apply cannot fail through the real agent on a scratch root, where commands are only
 * logged; agent-tests' {@code ResetNetworkFailureE2ETests} covers the other failure paths through
 * oxenstored.)
 */
class ResetNetworkFailureRoutingTests {

    private static final String ETH0 = "{\"label\": \"public\", \"mac\": \"BC:76:4E:20:75:72\", \"ips\": [{\"ip\": "
            + "\"104.130.4.72\", \"netmask\": \"255.255.255.0\", \"enabled\": \"1\", \"gateway\": \"104.130.4.1\"}], "
            + "\"gateway\": \"104.130.4.1\", \"dns\": [\"69.20.0.164\"]}";

    @TempDir
    Path root;

    private TestCommandContext ubuntu(String eth0Json) throws Exception {
        TestCommandContext ctx = TestCommandContext.builder(root).hostFacts(TestHostFacts::ubuntu)
                .xenStoreEntry("vm-data/networking/BC764E207572", eth0Json).build();
        ctx.nic("eth0", "bc:76:4e:20:75:72").tool("/usr/sbin/netplan");
        Files.createDirectories(root.resolve("etc/netplan"));
        return ctx;
    }

    private static CommandResult route(TestCommandContext ctx) throws InterruptedException {
        CommandRouter router = new CommandRouter(Map.of("resetnetwork", new ResetNetworkCommandHandler()), (r, xs) -> ctx);
        return router.route(CommandRequest.of("id-1", "resetnetwork", ""), ctx.xenStore());
    }

    private static void assertNovaSeesFailure(CommandResult r) {
        assertEquals("1", r.returnCode(), r.toString());
        assertFalse(new HostReply(r.returnCode(), r.message(), Duration.ZERO).isSuccessFor("resetnetwork"), r.toString());
    }

    @Test
    void aFailedApplyThatWasRolledBackIsAFailureForNova() throws Exception {
        TestCommandContext ctx = ubuntu(ETH0);
        CommandResult r = route(failingApply(ctx));
        assertNovaSeesFailure(r);
        assertEquals("netplan apply failed (exit 78): Error in network definition", r.message());
        assertTrue(ctx.commands().stream().filter(c -> c.get(0).equals("netplan")).count() >= 2, "re-applied after rollback");
    }

    @Test
    void invalidNetworkDataIsAFailureForNova() throws Exception {
        TestCommandContext ctx = ubuntu(ETH0.replace("255.255.255.0", "255.0.255.0"));
        CommandResult r = route(ctx);
        assertNovaSeesFailure(r);
        assertTrue(r.message().contains("non-contiguous netmask"), r.message());
        assertEquals(List.of(), ctx.commands());
    }

    private static TestCommandContext failingApply(TestCommandContext ctx) {
        ctx.runner().answer(List.of("netplan", "apply"), new ProcessResult(78, "", "Error in network definition", true), 2);
        return ctx;
    }
}
