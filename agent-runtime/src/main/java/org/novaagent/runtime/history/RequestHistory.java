/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.novaagent.api.HostFacts;
import org.novaagent.runtime.protocol.StreamingJson;
import org.novaagent.runtime.state.StateFiles;
import org.novaagent.runtime.state.WindowsStateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last requests the agent answered, kept for {@code agent status} and {@code agent doctor} in
 * {@code var/lib/nova-agent/history} under the target root (beside {@code backup/}): one JSON
 * object per line, appended; when the file holds {@code limit} lines it is renamed to
 * {@code history.1} (replacing the older one) and a new file begins, so both files together hold
 * at most {@code 2 × limit} entries and the newest {@code limit} are always there.
 *
 * <p>Written safely for a file root owns in a root-only place: {@code var/lib/nova-agent} is
 * created {@code 0700} and must be a real directory (not a symbolic link) owned by this process's
 * user; the files are opened without following links, created {@code 0600}, and a file that is not
 * a regular file of ours with mode {@code 0600} is not written. Not fsynced: a crash may lose or
 * tear the last line, which the reader skips. A history that cannot be written is logged once and
 * never fails a request.
 *
 * <p>On Windows ({@link #forHost}) the same two files live in {@code C:\ProgramData\nova-agent}
 * and are written through {@link WindowsStateFiles}: the directory is made private to SYSTEM and
 * Administrators and checked on every write, and each entry rewrites the file atomically (at most
 * {@code limit} short lines), so there is no torn line either.
 */
public final class RequestHistory {

    /** The state directory relative to the target root (shared with the backups and the request journal). */
    public static final String STATE_DIR = "var/lib/nova-agent";
    /** The current file's name; the previous one is {@code history.1}. */
    public static final String FILE = "history";
    /** Entries kept per file by default. */
    public static final int DEFAULT_LIMIT = 200;

    private static final Logger LOG = LoggerFactory.getLogger(RequestHistory.class);

    /** Largest history file read back on Windows, in bytes (200 entries are far below). */
    private static final long MAX_FILE = 4 << 20;

    private final Path dir;
    private final StateFiles state; // null: the POSIX files of this class itself
    private final int limit;
    private int lines = -1;
    private boolean warned;

    /**
     * @param root  the target root
     * @param limit entries per file (at least 1)
     */
    public RequestHistory(Path root, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.dir = root.resolve(STATE_DIR);
        this.state = null;
        this.limit = limit;
    }

    private RequestHistory(StateFiles state, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.dir = state.path();
        this.state = state;
        this.limit = limit;
    }

    /**
     * @param root  the target root
     * @param facts its host facts: on Windows the history of {@link WindowsStateFiles#under(Path)}, else {@link #at}
     * @return the history of that root, {@link #DEFAULT_LIMIT} entries per file
     */
    public static RequestHistory forHost(Path root, HostFacts facts) {
        return facts.isWindows() ? in(WindowsStateFiles.under(root), DEFAULT_LIMIT) : at(root);
    }

    /**
     * @param state the state files it is written through (Windows, or a test's guarded model)
     * @param limit entries per file (at least 1)
     * @return the history in that state directory
     */
    public static RequestHistory in(StateFiles state, int limit) {
        return new RequestHistory(state, limit);
    }

    /** @param root the target root; {@link #DEFAULT_LIMIT} entries per file */
    public static RequestHistory at(Path root) {
        return new RequestHistory(root, DEFAULT_LIMIT);
    }

    /** @return the current file */
    public Path file() {
        return dir.resolve(FILE);
    }

    /** @return the previous file */
    public Path previousFile() {
        return dir.resolve(FILE + ".1");
    }

    /**
     * Appends one entry (rotating first when the current file is full). Never throws.
     *
     * @param entry the answered request
     */
    public synchronized void record(HistoryEntry entry) {
        try {
            if (state != null) {
                recordAsState(entry);
                return;
            }
            ensureDirectory();
            String prefix = "";
            if (lines < 0) {
                lines = readLines(file()).size();
                prefix = endsTorn(file()) ? "\n" : ""; // a crash tore the last line: start a new one
            }
            if (lines >= limit) {
                Files.move(file(), previousFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                lines = 0;
                prefix = "";
            }
            append(prefix + toJson(entry));
            lines++;
        } catch (IOException | RuntimeException e) {
            lines = -1;
            if (!warned) {
                warned = true;
                LOG.warn("request history {} not written: {}", file(), e.getMessage());
            }
        }
    }

    /**
     * @param n how many
     * @return the newest {@code n} entries (at most {@code limit}), oldest first; unreadable lines skipped
     * @throws IOException when a file exists but cannot be read
     */
    public List<HistoryEntry> last(int n) throws IOException {
        List<HistoryEntry> all = new ArrayList<>();
        for (Path p : List.of(previousFile(), file())) {
            for (String line : state == null ? readLines(p) : stateLines(p.getFileName().toString())) {
                HistoryEntry e = parse(line);
                if (e != null) {
                    all.add(e);
                }
            }
        }
        int keep = Math.max(0, Math.min(n, all.size()));
        return List.copyOf(all.subList(all.size() - keep, all.size()));
    }

    /** Windows: the current file rewritten with the new line (after moving a full one to {@code history.1}). */
    private void recordAsState(HistoryEntry entry) throws IOException {
        List<String> current = stateLines(FILE);
        if (current.size() >= limit) {
            state.write(FILE + ".1", (String.join("\n", current) + "\n").getBytes(StandardCharsets.UTF_8));
            current = List.of();
        }
        List<String> next = new ArrayList<>(current);
        next.add(toJson(entry));
        state.write(FILE, (String.join("\n", next) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private List<String> stateLines(String name) throws IOException {
        return state.read(name, MAX_FILE).map(b -> new String(b, StandardCharsets.UTF_8).lines().toList()).orElse(List.of());
    }

    private void ensureDirectory() throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory()) {
            throw new IOException(dir + " is not a directory (a symbolic link or a file)");
        }
        if (!a.owner().getName().equals(System.getProperty("user.name"))) {
            throw new IOException(dir + " is owned by " + a.owner().getName());
        }
    }

    private void append(String line) throws IOException {
        Path f = file();
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        try (FileChannel ch = FileChannel.open(f, Set.copyOf(withNoFollow(options)),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            PosixFileAttributes a = Files.readAttributes(f, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Object links = Files.getAttribute(f, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || !Integer.valueOf(1).equals(links) || !PosixFilePermissions.toString(a.permissions()).equals("rw-------")) {
                throw new IOException(f + " is not a private regular file (mode "
                        + PosixFilePermissions.toString(a.permissions()) + ")");
            }
            ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    private static List<java.nio.file.OpenOption> withNoFollow(Set<StandardOpenOption> options) {
        List<java.nio.file.OpenOption> all = new ArrayList<>(options);
        all.add(LinkOption.NOFOLLOW_LINKS);
        return all;
    }

    private static boolean endsTorn(Path p) throws IOException {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.size(p) == 0) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, ch.size() - 1);
            return last.get(0) != '\n';
        }
    }

    private static List<String> readLines(Path p) throws IOException {
        try {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return List.of();
            }
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private static String toJson(HistoryEntry e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("time", e.time().toString());
        o.put("id", e.id());
        o.put("command", e.command());
        o.put("returncode", e.returnCode());
        o.put("ms", e.millis());
        o.put("message", e.message());
        return StreamingJson.write(o); // no ObjectMapper on the daemon's path (issue #14)
    }

    private static HistoryEntry parse(String line) {
        try {
            JsonNode o = Reader.JSON.readTree(line);
            return new HistoryEntry(Instant.parse(o.get("time").asText()), o.get("id").asText(),
                    o.get("command").asText(), o.get("returncode").asText(), o.get("ms").asLong(),
                    o.get("message").asText());
        } catch (IOException | RuntimeException e) {
            return null; // a torn last line after a crash, or an edited file
        }
    }

    /** The mapper for reading the history back ({@code status}, {@code doctor}): made on first use. */
    private static final class Reader {
        static final ObjectMapper JSON = new ObjectMapper();
    }
}
