/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/**
 * Cross-checks our client with two independent clients (the stock xenstore-* tools over
 * libxenstore, and pyxs) on both the real oxenstored and our EmbeddedXenStore: what one writes,
 * the others read.
 */
class StockClientInteropTests {

    @TempDir
    static Path dir;
    private static Oxenstored oxenstored;
    private static EmbeddedXenStore embedded;

    static Stream<String> servers() {
        return Stream.of("oxenstored", "embedded");
    }

    private static Path socket(String server) throws Exception {
        StockTools.requireTools();
        if (server.equals("embedded")) {
            if (embedded == null) {
                embedded = EmbeddedXenStore.start(dir.resolve("embedded.sock"));
            }
            return embedded.socketPath();
        }
        if (oxenstored == null) {
            oxenstored = Oxenstored.start(dir.resolve("oxs"));
        }
        return oxenstored.socketPath();
    }

    @AfterAll
    static void stop() {
        if (oxenstored != null) {
            oxenstored.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void stockToolsSeeWhatWeWroteAndWeSeeWhatTheyWrote(String server) throws Exception {
        Path sock = socket(server);
        StockTools xs = new StockTools(sock);
        try (XenStoreClient c = XenStoreConnector.open(Optional.of(sock))) {
            c.write("data/guest/ours", "{\"returncode\":\"0\",\"message\":\"ok\"}");
            assertEquals("{\"returncode\":\"0\",\"message\":\"ok\"}", xs.xs("read", "/local/domain/0/data/guest/ours").line());
            assertEquals("ours", xs.xs("list", "/local/domain/0/data/guest").line());
            StockTools.Result ls = xs.xs("ls", "/local/domain/0/data");
            assertEquals(0, ls.exitCode(), ls.err());
            // xenstore-ls prints values in quotes without escaping inner quotes
            assertTrue(ls.out().contains(" ours = \"{\"returncode\":\"0\",\"message\":\"ok\"}\""), ls.out());

            assertEquals(0, xs.xs("write", "/local/domain/0/data/host/theirs", "{\"name\":\"version\"}").exitCode());
            assertEquals(Optional.of("{\"name\":\"version\"}"), c.read("data/host/theirs"));
            assertEquals(0, xs.xs("rm", "/local/domain/0/data/guest/ours").exitCode());
            assertEquals(Optional.empty(), c.read("data/guest/ours"));
            assertEquals(1, xs.xs("exists", "/local/domain/0/data/guest/ours").exitCode());
            c.rm("data");
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void pyxsAgreesWithOurClient(String server) throws Exception {
        Path sock = socket(server);
        StockTools.requirePyxs();
        StockTools tools = new StockTools(sock);
        try (XenStoreClient c = XenStoreConnector.open(Optional.of(sock))) {
            c.write("/local/domain/0/py/a", "from-java");
            c.write("/local/domain/0/py/b", "ü");
            StockTools.Result r = tools.pyxs(
                    "print(c.read(b'/local/domain/0/py/a').decode())\n"
                    + "print(sorted(x.decode() for x in c.list(b'/local/domain/0/py')))\n"
                    + "print(c.read(b'/local/domain/0/py/b').decode('utf-8'))\n"
                    + "print(c.get_domain_path(0).decode())\n"
                    + "c.write(b'/local/domain/0/py/c', b'from-pyxs')\n"
                    + "c.transaction()\nc.write(b'/local/domain/0/py/d', b'tx')\nc.commit()");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(List.of("from-java", "['a', 'b']", "ü", "/local/domain/0"), r.out().lines().toList());
            assertEquals(Optional.of("from-pyxs"), c.read("py/c"));
            assertEquals(Optional.of("tx"), c.read("py/d"));
            assertEquals(Optional.of("ü"), c.read("py/b"));
            c.rm("py");
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void xenstoreWatchSeesOurWrites(String server) throws Exception {
        Path sock = socket(server);
        Process watch = new StockTools(sock).spawn("watch", "-n", "2", "/local/domain/0/watched");
        try (XenStoreClient c = XenStoreConnector.open(Optional.of(sock));
                BufferedReader out = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("/local/domain/0/watched", out.readLine(), "initial event");
            c.write("watched/key", "v");
            assertEquals("/local/domain/0/watched/key", out.readLine());
            c.rm("watched");
        } finally {
            watch.destroy();
        }
    }
}
