/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.novaagent.api.support.SafeFiles;
import org.novaagent.runtime.state.PosixStateFiles;
import org.novaagent.runtime.state.StateFiles;
import org.novaagent.runtime.state.WindowsStateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable half of "exactly once": one small file per request in progress under
 * {@code requests} in the agent's state directory ({@link StateFiles}): on POSIX
 * {@code var/lib/nova-agent/requests} (0700, files 0600), written through {@link SafeFiles} like
 * every file the agent changes (private staging directory, fsync, {@code renameat}, fsync of the
 * directory; no link followed, state directories the agent's own); on Windows
 * {@code C:\ProgramData\nova-agent\requests} through {@link WindowsStateFiles} (no reparse point
 * followed, temporary file forced and moved atomically, the directory private to SYSTEM and
 * Administrators and checked on every use) <b>before</b> the command runs ({@code started}) and
 * again with the reply <b>before</b> the reply is committed to XenStore ({@code done}); removed
 * once the reply and the request's removal are committed. After a restart the loop finds the
 * request still in XenStore and asks the journal: {@code done} → the recorded reply is written
 * again and the command is not run; {@code started} → the command was interrupted, it is answered
 * as failed and not run again. A record matches a request only when the request's bytes are the
 * same (SHA-256), so a reused id with a new request runs normally.
 *
 * <p>Only the loop thread uses an instance. Journal I/O failures (full or read-only disk) are
 * reported to the caller, which goes on without the durable record (see LOOP.md).
 */
final class RequestJournal {

    /** The journal directory, relative to the POSIX target root. */
    static final String RELATIVE = "var/lib/nova-agent/requests";
    /** The journal directory, relative to the state directory. */
    private static final String DIR = "requests";

    /** What the journal knows about one request. */
    enum State { STARTED, DONE }

    /** One record: its state and, when {@link State#DONE}, the reply JSON. */
    record Entry(State state, String reply) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RequestJournal.class);
    private static final String MAGIC = "nova-agent-request 1";

    /** Largest record read back: the magic, the hash and one reply (XenStore values are at most 4 KiB). */
    private static final long MAX_RECORD = 64 * 1024;

    private final StateFiles files;

    private RequestJournal(StateFiles files) {
        this.files = files;
    }

    /** @return the journal of the POSIX target root {@code root} (created on first write) */
    static RequestJournal under(Path root) {
        return new RequestJournal(PosixStateFiles.under(root));
    }

    /** @return the journal in {@code files}' state directory (created on first write) */
    static RequestJournal in(StateFiles files) {
        return new RequestJournal(files);
    }

    /** @return the journal directory */
    Path directory() {
        return files.path().resolve(DIR);
    }

    /**
     * @param id      the request id
     * @param request the request's bytes as read from XenStore
     * @return the record of this very request, if any (unreadable or foreign records are ignored)
     */
    Optional<Entry> find(String id, byte[] request) {
        List<String> lines;
        try {
            Optional<byte[]> bytes = files.read(record(id), MAX_RECORD);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            lines = new String(bytes.get(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            LOG.warn("request {}: cannot read its journal record ({})", id, e.getMessage());
            return Optional.empty();
        }
        if (lines.size() < 3 || !MAGIC.equals(lines.get(0)) || !lines.get(1).equals("sha256 " + sha256(request))) {
            LOG.debug("request {}: journal record is not for this request; ignored", id);
            return Optional.empty();
        }
        if (lines.get(2).equals("started")) {
            return Optional.of(new Entry(State.STARTED, ""));
        }
        if (lines.size() == 4 && lines.get(2).equals("done") && lines.get(3).startsWith("reply ")) {
            return Optional.of(new Entry(State.DONE, lines.get(3).substring("reply ".length())));
        }
        return Optional.empty();
    }

    /** Records, durably, that the command of this request is about to run. */
    void started(String id, byte[] request) throws IOException {
        store(id, MAGIC + "\nsha256 " + sha256(request) + "\nstarted\n");
    }

    /** Records, durably, the reply of this request ({@code reply} is one line of compact JSON). */
    void done(String id, byte[] request, String reply) throws IOException {
        if (reply.indexOf('\n') >= 0 || reply.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a reply is one line of JSON");
        }
        store(id, MAGIC + "\nsha256 " + sha256(request) + "\ndone\nreply " + reply + "\n");
    }

    /** Forgets a request (its reply and removal are committed, or it is gone); never throws. */
    void forget(String id) {
        try {
            files.delete(record(id));
        } catch (IOException e) {
            LOG.warn("request {}: cannot remove its journal record ({})", id, e.getMessage());
        }
    }

    /**
     * Removes the records of requests that no longer exist, and what a write cut short by a kill
     * left (SafeFiles' private staging directories).
     *
     * @param present the ids listed under {@code data/host} just now
     * @return how many records were removed
     */
    int retainOnly(Set<String> present) {
        Set<String> keep = new HashSet<>();
        present.forEach(id -> keep.add(fileName(id)));
        int removed = 0;
        try {
            files.removeInterruptedWrites(DIR);
            for (String name : files.listFiles(DIR)) {
                if (!keep.contains(name)) {
                    files.delete(DIR + "/" + name);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot tidy the request journal {} ({})", directory(), e.getMessage());
        }
        return removed;
    }

    /** @return the record's file name: the id itself when it is plain, else a hash of it */
    static String fileName(String id) {
        return isPlain(id) ? id : "x-" + sha256(id.getBytes(StandardCharsets.UTF_8));
    }

    /** @return true for 1–128 of {@code [A-Za-z0-9_@.-]}, not starting with a dot: a safe file name as it is */
    private static boolean isPlain(String id) {
        if (id.isEmpty() || id.length() > 128 || id.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '@' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String record(String id) {
        return DIR + "/" + fileName(id);
    }

    /** Atomic and durable, private to the agent ({@link StateFiles#write}). */
    private void store(String id, String content) throws IOException {
        files.write(record(id), content.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
