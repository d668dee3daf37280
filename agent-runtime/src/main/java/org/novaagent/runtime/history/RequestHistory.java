/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.novaagent.api.HostFacts;
import org.novaagent.runtime.protocol.StreamingJson;
import org.novaagent.runtime.state.PosixStateFiles;
import org.novaagent.runtime.state.StateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last requests the agent answered, kept for {@code agent status} and {@code agent doctor} in
 * the agent's state directory ({@link StateFiles}: {@code var/lib/nova-agent} under the target root,
 * on Windows {@code C:\ProgramData\nova-agent}): one JSON object per line in {@code history}; when
 * it holds {@code limit} lines it becomes {@code history.1} (replacing the older one) and a new file
 * begins, so both files together hold at most {@code 2 × limit} entries and the newest {@code limit}
 * are always there.
 *
 * <p>Every entry rewrites the current file through the state files' one safe writer (POSIX:
 * {@code SafeFiles.writeState}, a 0700 directory of the agent's own, a 0600 file, no link followed,
 * atomic and durable; Windows: {@code WindowsFiles} in a directory private to SYSTEM and
 * Administrators), so there is never a torn line and never a write through a planted link. A
 * history that cannot be written is logged once and never fails a request. Messages of
 * {@code keyinit} and {@code password} are never kept ({@link HistoryEntry}).
 */
public final class RequestHistory {

    /** The state directory relative to the target root (shared with the backups and the request journal). */
    public static final String STATE_DIR = "var/lib/nova-agent";
    /** The current file's name; the previous one is {@code history.1}. */
    public static final String FILE = "history";
    /** Entries kept per file by default. */
    public static final int DEFAULT_LIMIT = 200;

    private static final Logger LOG = LoggerFactory.getLogger(RequestHistory.class);

    /** Largest history file read back, in bytes ({@code limit} entries of first lines are far below). */
    private static final long MAX_FILE = 4 << 20;

    private final StateFiles state;
    private final int limit;
    private boolean warned;

    private RequestHistory(StateFiles state, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.state = state;
        this.limit = limit;
    }

    /**
     * @param root  the target root
     * @param limit entries per file (at least 1)
     */
    public RequestHistory(Path root, int limit) {
        this(PosixStateFiles.under(root), limit);
    }

    /**
     * @param root  the target root
     * @param facts its host facts ({@link StateFiles#forHost})
     * @return the history of that root, {@link #DEFAULT_LIMIT} entries per file
     */
    public static RequestHistory forHost(Path root, HostFacts facts) {
        return in(StateFiles.forHost(root, facts), DEFAULT_LIMIT);
    }

    /**
     * @param state the state files it is written through
     * @param limit entries per file (at least 1)
     * @return the history in that state directory
     */
    public static RequestHistory in(StateFiles state, int limit) {
        return new RequestHistory(state, limit);
    }

    /** @param root the target root (POSIX); {@link #DEFAULT_LIMIT} entries per file */
    public static RequestHistory at(Path root) {
        return new RequestHistory(root, DEFAULT_LIMIT);
    }

    /** @return the current file */
    public Path file() {
        return state.path().resolve(FILE);
    }

    /** @return the previous file */
    public Path previousFile() {
        return state.path().resolve(FILE + ".1");
    }

    /**
     * Adds one entry (moving a full current file to {@code history.1} first). Never throws.
     *
     * @param entry the answered request
     */
    public synchronized void record(HistoryEntry entry) {
        try {
            List<String> current = lines(FILE);
            if (current.size() >= limit) {
                state.write(FILE + ".1", join(current));
                current = List.of();
            }
            List<String> next = new ArrayList<>(current);
            next.add(toJson(entry));
            state.write(FILE, join(next));
        } catch (IOException | RuntimeException e) {
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
        for (String name : List.of(FILE + ".1", FILE)) {
            for (String line : lines(name)) {
                HistoryEntry e = parse(line);
                if (e != null) {
                    all.add(e);
                }
            }
        }
        int keep = Math.max(0, Math.min(n, all.size()));
        return List.copyOf(all.subList(all.size() - keep, all.size()));
    }

    private List<String> lines(String name) throws IOException {
        return state.read(name, MAX_FILE).map(b -> new String(b, StandardCharsets.UTF_8).lines().toList()).orElse(List.of());
    }

    private static byte[] join(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String toJson(HistoryEntry e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("time", IsoInstant.format(e.time()));
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
