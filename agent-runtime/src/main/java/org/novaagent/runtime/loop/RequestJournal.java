/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable half of "exactly once": one small file per request in progress under
 * {@code var/lib/nova-agent/requests} (0700, files 0600), written atomically (temporary file,
 * fsync, rename, fsync of the directory) <b>before</b> the command runs ({@code started}) and
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

    /** The journal directory, relative to the target root. */
    static final String RELATIVE = "var/lib/nova-agent/requests";

    /** What the journal knows about one request. */
    enum State { STARTED, DONE }

    /** One record: its state and, when {@link State#DONE}, the reply JSON. */
    record Entry(State state, String reply) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RequestJournal.class);
    private static final String MAGIC = "nova-agent-request 1";
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_@-][A-Za-z0-9_@.-]{0,127}");
    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String TMP_PREFIX = ".tmp-";

    private final Path dir;

    private RequestJournal(Path dir) {
        this.dir = dir;
    }

    /** @return the journal of the target root {@code root} (created on first write) */
    static RequestJournal under(Path root) {
        return new RequestJournal(root.resolve(RELATIVE));
    }

    /** @return the journal directory */
    Path directory() {
        return dir;
    }

    /**
     * @param id      the request id
     * @param request the request's bytes as read from XenStore
     * @return the record of this very request, if any (unreadable or foreign records are ignored)
     */
    Optional<Entry> find(String id, byte[] request) {
        Path file = dir.resolve(fileName(id));
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
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
            Files.deleteIfExists(dir.resolve(fileName(id)));
        } catch (IOException e) {
            LOG.warn("request {}: cannot remove its journal record ({})", id, e.getMessage());
        }
    }

    /**
     * Removes the records of requests that no longer exist (and leftover temporary files).
     *
     * @param present the ids listed under {@code data/host} just now
     * @return how many records were removed
     */
    int retainOnly(Set<String> present) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        Set<String> keep = new java.util.HashSet<>();
        present.forEach(id -> keep.add(fileName(id)));
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!keep.contains(name)) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot tidy the request journal {} ({})", dir, e.getMessage());
        }
        return removed;
    }

    /** @return the record's file name: the id itself when it is plain, else a hash of it */
    static String fileName(String id) {
        return PLAIN_ID.matcher(id).matches() ? id : "x-" + sha256(id.getBytes(StandardCharsets.UTF_8));
    }

    private void store(String id, String content) throws IOException {
        ensureDirectory();
        String name = fileName(id);
        Path tmp = dir.resolve(TMP_PREFIX + name);
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PRIVATE_FILE))) {
            ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw e;
        }
        try {
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw e;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private void ensureDirectory() throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path state = dir.getParent();
        Files.createDirectories(state.getParent());
        for (Path p : List.of(state, dir)) {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(p, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
            }
            Files.setPosixFilePermissions(p, PRIVATE_DIR);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", p, e.getMessage());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
