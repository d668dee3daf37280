/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.novaagent.xenstore.WindowsXenStoreClient.CommandOutput;

/**
 * The Windows transport with a fake {@code xenstore_client.exe} that keeps a map and answers
 * like the real tool (missing key: "The system cannot find the file specified.", exit 1).
 */
class WindowsXenStoreClientTests {

    final Map<String, String> store = new ConcurrentSkipListMap<>();
    final List<List<String>> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

    CommandOutput fake(List<String> argv) {
        calls.add(argv);
        String path = argv.get(2);
        CommandOutput notFound = new CommandOutput(1, "Error: " + WindowsXenStoreClient.NOT_FOUND + "\r\n");
        switch (argv.get(1)) {
            case "read":
                return store.containsKey(path) ? new CommandOutput(0, store.get(path) + "\r\n") : notFound;
            case "write":
                store.put(path, argv.get(3));
                return new CommandOutput(0, "");
            case "remove":
                if (store.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + "/"))) {
                    return new CommandOutput(0, "");
                }
                return notFound;
            case "dir":
                if (!store.containsKey(path)) {
                    return notFound;
                }
                return new CommandOutput(0, store.keySet().stream()
                        .filter(k -> k.startsWith(path + "/") && k.indexOf('/', path.length() + 1) < 0)
                        .map(k -> k.substring(path.length() + 1)).collect(Collectors.joining("\r\n", "", "\r\n")));
            default:
                return new CommandOutput(2, "usage");
        }
    }

    WindowsXenStoreClient client() {
        return new WindowsXenStoreClient(Path.of("C:\\tools\\xenstore_client.exe"), this::fake, Duration.ofMillis(20));
    }

    @Test
    void operationsMapToTheToolsCommandsAndMissingKeysAreTypedResults() throws Exception {
        try (WindowsXenStoreClient c = client()) {
            c.write("data/guest/1", "{\"returncode\":\"0\"}");
            assertEquals(List.of("C:\\tools\\xenstore_client.exe", "write", "data/guest/1", "{\"returncode\":\"0\"}"), calls.get(0));
            store.put("data/host", "");
            store.put("data/host/a", "x");
            store.put("data/host/b", "y");
            assertEquals(Optional.of("{\"returncode\":\"0\"}"), c.read("data/guest/1"));
            assertEquals(List.of("a", "b"), c.directory("data/host"));
            assertEquals(Optional.empty(), c.read("nope"));
            assertEquals(List.of(), c.directory("nope"));
            c.rm("nope");
            c.rm("data/host/a");
            assertEquals(List.of("b"), c.directory("data/host"));
            store.put("domid", "12");
            assertEquals("/local/domain/12", c.domainPath());
        }
    }

    @Test
    void otherFailuresAndOversizedValuesAreErrors() {
        try (WindowsXenStoreClient c = new WindowsXenStoreClient(Path.of("x.exe"), argv -> new CommandOutput(5, "Access is denied."), Duration.ofSeconds(1))) {
            XenStoreException e = assertThrows(XenStoreException.class, () -> c.read("k"));
            assertTrue(e.getMessage().contains("Access is denied."), e.getMessage());
            assertEquals("E2BIG", assertThrows(XenStoreException.class, () -> c.write("k", "v".repeat(5000))).errno());
        }
    }

    @Test
    void watchesAreEmulatedByPolling() throws Exception {
        try (WindowsXenStoreClient c = client()) {
            store.put("data/host", "");
            c.watch("data/host", "t");
            assertEquals(Optional.of(new WatchEvent("data/host", "t")), c.awaitEvent(Duration.ofSeconds(1)), "initial event");
            store.put("data/host/req1", "{}");
            assertEquals(Optional.of(new WatchEvent("data/host/req1", "t")), c.awaitEvent(Duration.ofSeconds(2)));
            c.unwatch("data/host", "t");
            c.close();
            assertTrue(assertThrows(XenStoreException.class, () -> c.awaitEvent(Duration.ZERO)).isConnectionLost());
        }
    }
}
