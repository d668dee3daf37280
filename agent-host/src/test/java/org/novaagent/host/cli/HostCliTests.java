/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.FakeAgent;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/** {@link HostCli} against the embedded XenStore and a fake agent. */
class HostCliTests {

    @TempDir
    Path tmp;

    private EmbeddedXenStore store;
    private FakeAgent agent;
    private final AtomicBoolean silent = new AtomicBoolean();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedXenStore.start(tmp.resolve("xs.sock"));
        agent = new FakeAgent(XenStoreConnector.open(Optional.of(store.socketPath())),
                req -> silent.get() ? Optional.empty() : FakeAgent.reply("0", req.get("name").asText() + " done"));
    }

    @AfterEach
    void stop() throws Exception {
        agent.close();
        store.close();
    }

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--xenstore";
        all[1] = store.socketPath().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return HostCli.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void versionSucceeds() {
        assertEquals(0, run("version"), err.toString());
        assertTrue(out.toString().contains("version: returncode=0"), out.toString());
    }

    @Test
    void resetnetworkWritesEntriesFirst() throws Exception {
        Path spec = Files.writeString(tmp.resolve("net.json"),
                "{\"hostname\": \"h1\", \"nics\": [{\"label\": \"public\", \"mac\": \"aa:bb:cc:dd:ee:ff\","
                        + " \"ipv4\": [{\"address\": \"192.0.2.5/24\", \"gateway\": \"192.0.2.1\"}]}]}");
        assertEquals(0, run("resetnetwork", "--network", spec.toString()), err.toString());
        assertTrue(store.read("vm-data/networking/aabbccddeeff").orElseThrow().contains("\"broadcast\": \"192.0.2.255\""));
        assertEquals(Optional.of("h1"), store.read("vm-data/hostname"));
    }

    @Test
    void timeoutExitsOne() {
        silent.set(true);
        assertEquals(1, run("--timeout", "1", "features"));
        assertTrue(out.toString().contains("returncode=TIMEOUT"), out.toString());
    }

    @Test
    void missingSocketExitsTwo() {
        int rc = HostCli.run(new String[] {"--xenstore", tmp.resolve("nope").toString(), "version"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(2, rc);
        assertTrue(err.toString().contains("xenstore:"), err.toString());
    }
}
