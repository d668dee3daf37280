/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directories longer than one 4096-byte message, on the wire: a privileged client gets the long
 * DIRECTORY reply, a guest gets E2BIG and lists in DIRECTORY_PART chunks (generation, whole names,
 * the final chunk ending in an empty name), a daemon without DIRECTORY_PART answers ENOSYS.
 */
class LargeDirectoryTests {

    private static final int DIRECTORY = 1, WRITE = 11, ERROR = 16, DIRECTORY_PART = 22;

    @TempDir
    Path dir;
    private EmbeddedXenStore store;

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
    }

    private List<String> fill(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            store.write("data/host/" + id, "{}");
            ids.add(id);
        }
        return ids;
    }

    private static String joined(List<String> names) {
        StringBuilder sb = new StringBuilder();
        names.forEach(n -> sb.append(n).append('\0'));
        return sb.toString();
    }

    @Test
    void aPrivilegedClientGetsADirectoryReplyOver4096Bytes() throws Exception {
        store = EmbeddedXenStore.start(dir.resolve("s"));
        List<String> ids = fill(150);
        try (RawClient c = new RawClient(dir.resolve("s"))) {
            RawClient.Reply r = c.call(DIRECTORY, "data/host\0");
            assertEquals(DIRECTORY, r.type());
            assertEquals(150 * 37, r.payload().length);
            assertEquals(joined(ids), r.text());
        }
    }

    @Test
    void aGuestGetsE2bigAndListsInChunksEndingWithAnEmptyName() throws Exception {
        store = EmbeddedXenStore.start(dir.resolve("s"), 3, ClientKind.GUEST);
        List<String> ids = fill(150);
        try (RawClient c = new RawClient(dir.resolve("s"))) {
            assertEquals("16|E2BIG\0", show(c.call(DIRECTORY, "data/host\0")));
            RawClient.Reply first = c.call(DIRECTORY_PART, "data/host\0" + "0\0");
            assertEquals(DIRECTORY_PART, first.type());
            assertTrue(first.payload().length <= 4096, "chunk of " + first.payload().length);
            String gen = first.text().substring(0, first.text().indexOf('\0'));
            String names1 = first.text().substring(gen.length() + 1);
            assertTrue(names1.endsWith("\0") && !names1.endsWith("\0\0"), "first chunk is not the last");
            assertEquals(0, names1.length() % 37, "whole names only");
            RawClient.Reply second = c.call(DIRECTORY_PART, "data/host\0" + names1.length() + "\0");
            assertTrue(second.text().startsWith(gen + "\0"), "same generation");
            String names2 = second.text().substring(gen.length() + 1);
            assertTrue(names2.endsWith("\0\0"), "the last chunk ends with an empty name");
            assertEquals(joined(ids), names1 + names2.substring(0, names2.length() - 1));
            assertEquals(gen + "\0\0", c.call(DIRECTORY_PART, "data/host\0" + "99999\0").text());
        }
    }

    @Test
    void theGenerationChangesWhenTheChildrenChange() throws Exception {
        store = EmbeddedXenStore.start(dir.resolve("s"), 3, ClientKind.GUEST);
        fill(3);
        try (RawClient c = new RawClient(dir.resolve("s"))) {
            String before = c.call(DIRECTORY_PART, "data/host\0" + "0\0").text();
            assertEquals(before, c.call(DIRECTORY_PART, "data/host\0" + "0\0").text(), "stable without changes");
            c.call(WRITE, "data/host/new\0v");
            String after = c.call(DIRECTORY_PART, "data/host\0" + "0\0").text();
            assertNotEquals(before.substring(0, before.indexOf('\0')), after.substring(0, after.indexOf('\0')));
            assertTrue(after.endsWith("new\0\0"), after);
        }
    }

    @Test
    void smallAndEmptyDirectoriesAndErrors() throws Exception {
        store = EmbeddedXenStore.start(dir.resolve("s"), 3, ClientKind.GUEST);
        store.write("d/a", "1");
        store.write("e", "");
        try (RawClient c = new RawClient(dir.resolve("s"))) {
            assertEquals("1|a\0", show(c.call(DIRECTORY, "d\0")));
            String part = c.call(DIRECTORY_PART, "d\0" + "0\0").text();
            assertTrue(part.matches("[0-9]+\0a\0\0"), part);
            assertTrue(c.call(DIRECTORY_PART, "e\0" + "0\0").text().matches("[0-9]+\0\0"), "empty: just the end mark");
            assertEquals("16|ENOENT\0", show(c.call(DIRECTORY_PART, "missing\0" + "0\0")));
            assertEquals("16|EINVAL\0", show(c.call(DIRECTORY_PART, "d\0")));
            assertEquals("16|EINVAL\0", show(c.call(DIRECTORY_PART, "d\0" + "x\0")));
        }
    }

    @Test
    void aDaemonWithoutDirectoryPartAnswersEnosys() throws Exception {
        store = EmbeddedXenStore.start(dir.resolve("s"), 3, ClientKind.GUEST_WITHOUT_DIRECTORY_PART);
        fill(150);
        try (RawClient c = new RawClient(dir.resolve("s"))) {
            assertEquals("16|E2BIG\0", show(c.call(DIRECTORY, "data/host\0")));
            assertEquals("16|ENOSYS\0", show(c.call(DIRECTORY_PART, "data/host\0" + "0\0")));
        }
        assertEquals(150, store.directory("data/host").size(), "direct calls stay privileged");
    }

    private static String show(RawClient.Reply r) {
        assertTrue(r.type() != ERROR || r.payload().length < 16);
        return r.type() + "|" + r.text();
    }
}
