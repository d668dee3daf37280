/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.novaagent.runtime.trust.StrictModes;
import org.novaagent.runtime.trust.TrustRule;

/**
 * Makes the bytes checked the bytes loaded (issue #19, finding 4): classes load lazily, long after
 * the check, so each vetted jar is opened once, through a handle on the plugins directory itself
 * ({@link SecureDirectoryStream}: {@code openat} with no-follow), and copied into a private
 * directory ({@code 0700}, owned by the agent) from which the module layer loads. Through the same
 * directory handle the directory's and each jar's owner and mode are checked once more, and a jar
 * whose identity (device and inode), size or modification time changed while it was being copied
 * is left out. Swapping the directory by name after the check therefore changes nothing, and
 * replacing a jar later (an upgrade, an editor) does not change the code of the running agent.
 * Where there is no such handle (Windows: its directory streams are not secure), each jar is
 * re-checked with the host's {@link TrustRule} just before it is copied by path, and left out
 * when its size or modification time changed during the copy.
 */
final class PrivateJarCopies {

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private final TrustRule rule;
    private final int euid;
    private final boolean insecureAllowed;

    PrivateJarCopies(TrustRule rule, boolean insecureAllowed) {
        this.rule = rule;
        this.euid = rule instanceof StrictModes modes ? modes.euid() : StrictModes.forThisProcess().euid();
        this.insecureAllowed = insecureAllowed;
    }

    /** Private copy → original jar, plus the problems met. */
    record Copies(Path dir, Map<Path, Path> originals, List<String> problems) {
    }

    /**
     * @param pluginsDir the plugins directory
     * @param jars       vetted jars in it
     * @return the copies (in the order of {@code jars}) and what was left out
     * @throws IOException when the private directory cannot be made or the plugins directory opened
     */
    Copies copy(Path pluginsDir, List<Path> jars) throws IOException {
        Path target = Files.createTempDirectory("nova-agent-plugins-");
        target.toFile().deleteOnExit();
        if (!StrictModes.appliesTo(target)) {
            return WindowsJarCopies.copy(rule, insecureAllowed, jars, target);
        }
        Map<Path, Path> originals = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(pluginsDir)) {
            if (!(stream instanceof SecureDirectoryStream<Path> dir)) {
                throw new IOException("no secure directory handle for " + pluginsDir + " on this platform");
            }
            Files.setPosixFilePermissions(target, PRIVATE);
            PosixFileAttributes self = dir.getFileAttributeView(PosixFileAttributeView.class).readAttributes();
            String dirProblem = problem(self, "plugins directory " + pluginsDir + " (as opened)");
            if (dirProblem != null && !insecureAllowed) {
                problems.add(dirProblem + "; no jar of it is loaded");
                return new Copies(target, originals, problems);
            }
            for (Path jar : jars) {
                Path name = jar.getFileName();
                try {
                    Path copy = copyOne(dir, name, target.resolve(name.toString()), jar);
                    originals.put(copy, jar);
                } catch (IOException e) {
                    problems.add("plugin jar " + jar + " not loaded: " + e.getMessage());
                }
            }
        }
        return new Copies(target, originals, problems);
    }

    private Path copyOne(SecureDirectoryStream<Path> dir, Path name, Path copy, Path jar) throws IOException {
        PosixFileAttributeView view = dir.getFileAttributeView(name, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributes before = view.readAttributes();
        if (!before.isRegularFile()) {
            throw new IOException(before.isSymbolicLink() ? "is a symbolic link" : "is not a regular file");
        }
        String problem = problem(before, "plugin jar " + jar);
        if (problem != null && !insecureAllowed) {
            throw new IOException(problem);
        }
        try (SeekableByteChannel in = dir.newByteChannel(name, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
             OutputStream out = Files.newOutputStream(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            var sink = Channels.newChannel(out);
            while (in.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    sink.write(buf);
                }
                buf.clear();
            }
        }
        copy.toFile().deleteOnExit();
        PosixFileAttributes after = view.readAttributes();
        if (!after.fileKey().equals(before.fileKey()) || after.size() != before.size()
                || !after.lastModifiedTime().equals(before.lastModifiedTime()) || Files.size(copy) != before.size()) {
            Files.delete(copy);
            throw new IOException("changed while it was being loaded (replaced or written to); try again");
        }
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("r--------"));
        return copy;
    }

    /** The owner and mode rule, on attributes read through the directory handle. */
    private String problem(PosixFileAttributes a, String what) throws IOException {
        UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal owner = a.owner();
        boolean trustedOwner = owner.equals(users.lookupPrincipalByName("0"))
                || owner.equals(users.lookupPrincipalByName(Integer.toString(euid)));
        Set<PosixFilePermission> p = a.permissions();
        if (!trustedOwner) {
            return what + " is owned by " + owner.getName() + ", not root";
        }
        if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
            return what + " is writable by group or other (" + PosixFilePermissions.toString(p) + ")";
        }
        return null;
    }
}
