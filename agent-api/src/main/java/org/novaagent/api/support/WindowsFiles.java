/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The counterpart of {@link SafeFiles} for a Windows target, whose root stands for the system drive
 * ({@code C:\} on a Windows JVM, a Windows-shaped tree elsewhere). {@code SafeFiles} cannot run there:
 * it opens every component relative to a directory handle, which Java offers only on POSIX systems.
 * What this class does instead, with {@link java.nio.file.Files} alone:
 * <ul>
 * <li>every component from the root down is read without following links and refused with a
 * {@link RefusedPathException} when it is a symbolic link, a junction, a mount point or any other
 * reparse point (under a Windows-shaped root on Linux: also a FIFO, socket or device);</li>
 * <li>names are matched case-insensitively, as NTFS does (done by Windows itself; under a
 * Windows-shaped root on Linux a differently-cased existing entry is used, and two are refused);</li>
 * <li>missing parents are created one at a time and checked again; an existing target must be a
 * regular file with a single link (the link count is only known off Windows);</li>
 * <li>the content goes to a temporary file in the target's directory, is forced to disk, takes the
 * replaced file's ACL and owner ({@link WriteOptions#keepExisting()}; off Windows its mode, owner
 * and group) and is moved over the target atomically ({@code MoveFileEx} with replace); a new file
 * keeps the ACL its directory hands down ({@link WriteOptions#mode()} and
 * {@link WriteOptions#parentMode()} apply only where POSIX modes exist);</li>
 * <li>the one backup goes to {@link BackupDirectory#WINDOWS_RELATIVE}, with the ACL of the file
 * it copies, at most {@link SafeFiles#COPY_LIMIT} bytes;</li>
 * <li>after the move the path is walked again, and a component that became a link or stopped being
 * a directory is reported.</li>
 * </ul>
 * What it does not give, unlike {@code SafeFiles}: a user who may write into a directory on the path
 * can swap a component for a junction between the check and the move; the second walk reports a swap
 * that stays in place, not one that is undone. Targets whose directories only administrators can
 * write are not exposed. Immutable and thread-safe; interruption is checked before the move.
 */
public final class WindowsFiles {

    private static final int FILE_ATTRIBUTE_REPARSE_POINT = 0x400;

    private final Path root;
    private final boolean acl;
    private final boolean posix;

    private WindowsFiles(Path root) {
        this.root = root;
        Set<String> views = root.getFileSystem().supportedFileAttributeViews();
        this.acl = views.contains("acl");
        this.posix = views.contains("posix");
    }

    /**
     * @param root the target root: the system drive's root directory, or a Windows-shaped tree; it
     *             is trusted (chosen by the operator)
     * @return the files under it
     */
    public static WindowsFiles under(Path root) {
        return new WindowsFiles(root.toAbsolutePath().normalize());
    }

    /** @return the target root */
    public Path root() {
        return root;
    }

    /**
     * Atomically creates or replaces a regular file.
     *
     * @param relative a root-relative, {@code /}-separated, normalised path ({@code Users/bob/x.txt});
     *                 names hold no {@code \}, {@code :} or NUL (the caller checks Windows' own naming rules)
     * @param content  the new content
     * @param options  mode (POSIX only), keep-existing, parents, backup and skip rules
     * @return what was done
     * @throws RefusedPathException when a component is a link, reparse point or not a directory, or the
     *                              target is not a single-link regular file; nothing was written
     * @throws IOException          when reading or writing fails; the target is unchanged, except when
     *                              the second walk finds the path changed after the move
     * @throws IllegalArgumentException when {@code relative} is not such a path
     */
    public WriteOutcome write(String relative, byte[] content, WriteOptions options) throws IOException {
        List<String> names = names(relative);
        Path dir = directories(names.subList(0, names.size() - 1), options.parentMode());
        Path target = child(dir, names.get(names.size() - 1), relative);
        BasicFileAttributes old = check(target, relative);
        WriteOutcome.Backup backup = WriteOutcome.Backup.NONE;
        if (old != null) {
            requirePlainFile(target, old, relative);
            byte[] previous = old.size() > SafeFiles.COPY_LIMIT ? null : readBounded(target, relative);
            if (options.skipUnchanged() && previous != null && Arrays.equals(previous, content)) {
                return new WriteOutcome(false, WriteOutcome.Backup.NONE, old.size());
            }
            if (options.backup()) {
                backup = previous == null ? WriteOutcome.Backup.SKIPPED_TOO_LARGE : WriteOutcome.Backup.KEPT;
                if (previous != null) {
                    storeBackup(relative, previous, target);
                }
            }
        }
        replace(dir, target, content, old != null && options.keepExisting() ? target : null, options.mode(), relative);
        Path found = root.relativize(target); // the names as found on the way down
        for (int i = 1; i <= names.size(); i++) {
            String prefix = String.join("/", names.subList(0, i));
            BasicFileAttributes now = check(root.resolve(found.subpath(0, i)), prefix);
            if (now == null || (i < names.size() ? !now.isDirectory() : !now.isRegularFile())) {
                throw new RefusedPathException(prefix, "changed while the file was written; check where it went");
            }
        }
        return new WriteOutcome(true, backup, old == null ? -1 : old.size());
    }

    /**
     * @param relative a root-relative path, as for {@link #write}
     * @param limit    largest size accepted, in bytes
     * @return the content of the regular file there, or empty when it or a parent is missing
     * @throws RefusedPathException when a component is a link or reparse point, the entry is not a
     *                              single-link regular file, or it is larger than {@code limit}
     */
    public Optional<byte[]> read(String relative, long limit) throws IOException {
        Optional<Path> p = existing(relative);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        BasicFileAttributes a = check(p.get(), relative);
        requirePlainFile(p.get(), a, relative);
        if (a.size() > limit) {
            throw new RefusedPathException(relative, "is larger than the limit of " + limit + " bytes");
        }
        try (InputStream in = Files.newInputStream(p.get(), LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw new RefusedPathException(relative, "grew beyond the limit of " + limit + " bytes while it was read");
            }
            return Optional.of(bytes);
        }
    }

    /**
     * @param relative a root-relative directory, as for {@link #write}
     * @return the names of its regular files (links, reparse points and directories left out), sorted;
     *         empty when it or a parent is missing
     * @throws RefusedPathException when a component is a link or reparse point, or not a directory
     */
    public List<String> listFiles(String relative) throws IOException {
        Optional<Path> dir = existing(relative);
        if (dir.isEmpty()) {
            return List.of();
        }
        if (!check(dir.get(), relative).isDirectory()) {
            throw new RefusedPathException(relative, "is not a directory");
        }
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.get())) {
            for (Path e : entries) {
                BasicFileAttributes a = Files.readAttributes(e, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && !reparsePoint(e)) {
                    out.add(e.getFileName().toString());
                }
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }

    /**
     * Removes a regular file (a link or reparse point there is refused, never followed or removed).
     *
     * @param relative a root-relative path, as for {@link #write}
     * @return false when there was nothing to remove
     * @throws RefusedPathException when a component is a link or reparse point, or the entry is not a regular file
     */
    public boolean delete(String relative) throws IOException {
        Optional<Path> p = existing(relative);
        if (p.isEmpty()) {
            return false;
        }
        BasicFileAttributes a = check(p.get(), relative);
        if (!a.isRegularFile()) {
            throw new RefusedPathException(relative, "is not a regular file");
        }
        return Files.deleteIfExists(p.get());
    }

    /**
     * Creates one directory whose parent exists, with the given attributes (on Windows an
     * {@code acl:acl} attribute sets its DACL at creation, so it is never open to what its parent
     * hands down; off Windows a {@code posix:permissions} one), refusing links on the way.
     *
     * @param relative   a root-relative path, as for {@link #write}
     * @param attributes the attributes of the new directory
     * @return the directory's path, or empty when something already exists there (nothing created)
     * @throws RefusedPathException when a parent is a link, reparse point or not a directory
     * @throws NoSuchFileException  when the parent is missing
     */
    public Optional<Path> createDirectory(String relative, FileAttribute<?>... attributes) throws IOException {
        List<String> names = names(relative);
        Path parent = directories(names.subList(0, names.size() - 1), -1);
        Path p = child(parent, names.get(names.size() - 1), relative);
        if (check(p, relative) != null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.createDirectory(p, attributes));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return Optional.empty();
        }
    }

    /** @return the path of {@code relative} as found (case-insensitively), parents checked; empty when a part is missing */
    private Optional<Path> existing(String relative) throws IOException {
        List<String> names = names(relative);
        Path dir;
        try {
            dir = directories(names.subList(0, names.size() - 1), -1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Path p = child(dir, names.get(names.size() - 1), relative);
        return check(p, relative) == null ? Optional.empty() : Optional.of(p);
    }

    private void storeBackup(String relative, byte[] previous, Path original) throws IOException {
        String rel = BackupDirectory.WINDOWS_RELATIVE + "/" + relative;
        List<String> names = names(rel);
        Path dir = directories(names.subList(0, names.size() - 1), 0700);
        Path copy = child(dir, names.get(names.size() - 1), rel);
        BasicFileAttributes existing = check(copy, rel);
        if (existing != null) {
            requirePlainFile(copy, existing, rel);
        }
        replace(dir, copy, previous, original, 0600, rel);
    }

    /** Walks, and creates where {@code mode != -1}, the directories; refuses links and non-directories. */
    private Path directories(List<String> names, int mode) throws IOException {
        Path dir = root;
        for (int i = 0; i < names.size(); i++) {
            String rel = String.join("/", names.subList(0, i + 1));
            Path p = child(dir, names.get(i), rel);
            BasicFileAttributes a = check(p, rel);
            if (a == null && mode != -1) {
                if (posix) {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(permissions(mode)));
                } else {
                    Files.createDirectory(p); // inherits the parent's ACL
                }
                a = check(p, rel);
            }
            if (a == null) {
                throw new NoSuchFileException(rel, null, "missing directory");
            }
            if (!a.isDirectory()) {
                throw new RefusedPathException(rel, "is not a directory");
            }
            dir = p;
        }
        return dir;
    }

    /** The entry {@code name} of {@code dir}; when only a differently-cased one exists, that one (NTFS). */
    private static Path child(Path dir, String name, String rel) throws IOException {
        Path exact = dir.resolve(name);
        if (Files.exists(exact, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return exact;
        }
        List<Path> same = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                if (e.getFileName().toString().equalsIgnoreCase(name)) {
                    same.add(e);
                }
            }
        }
        if (same.size() > 1) {
            throw new RefusedPathException(rel, "is ambiguous: " + same.size() + " names differ only in case");
        }
        return same.isEmpty() ? exact : same.get(0);
    }

    /** @return the attributes of {@code p}, not following links; null when absent; links and reparse points refused */
    private BasicFileAttributes check(Path p, String rel) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (a.isSymbolicLink()) {
            throw new RefusedPathException(rel, "is a symbolic link; refusing to follow it");
        }
        if (a.isOther() || reparsePoint(p)) {
            throw new RefusedPathException(rel, "is a junction, mount point or other special file; refusing to follow it");
        }
        return a;
    }

    /** On Windows also the raw attributes: any reparse point the JDK does not already call a link or "other". */
    private boolean reparsePoint(Path p) throws IOException {
        if (!acl) {
            return false;
        }
        Object attributes;
        try {
            attributes = Files.getAttribute(p, "dos:attributes", LinkOption.NOFOLLOW_LINKS);
        } catch (IllegalArgumentException | UnsupportedOperationException e) { // fail closed: nothing is written
            throw new IOException("cannot read the file attributes of " + p.getFileName() + ": " + e.getMessage(), e);
        }
        return !(attributes instanceof Integer bits) || (bits & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
    }

    private void requirePlainFile(Path p, BasicFileAttributes a, String rel) throws IOException {
        if (a.isDirectory()) {
            throw new RefusedPathException(rel, "is a directory");
        }
        if (!a.isRegularFile()) {
            throw new RefusedPathException(rel, "is not a regular file");
        }
        if (p.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            Object links = Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            if (links instanceof Integer n && n > 1) {
                throw new RefusedPathException(rel, "has " + n + " hard links");
            }
        }
    }

    private static byte[] readBounded(Path p, String rel) throws IOException {
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) SafeFiles.COPY_LIMIT + 1);
            if (bytes.length > SafeFiles.COPY_LIMIT) {
                throw new RefusedPathException(rel, "grew beyond " + SafeFiles.COPY_LIMIT + " bytes while it was read");
            }
            return bytes;
        }
    }

    /** Temporary file in {@code dir}, forced to disk, access of {@code accessFrom} copied, moved over {@code target}. */
    private void replace(Path dir, Path target, byte[] content, Path accessFrom, int mode, String rel) throws IOException {
        Path tmp = dir.resolve(".nova-agent-" + UUID.randomUUID() + ".tmp");
        Set<OpenOption> open = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions(mode))}
                : new FileAttribute<?>[0];
        try {
            try (FileChannel ch = FileChannel.open(tmp, open, attrs)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (posix) { // the umask narrowed the create mode; the view does not follow a swapped-in link
                Files.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setPermissions(permissions(mode));
            }
            if (accessFrom != null) {
                copyAccess(accessFrom, tmp);
            }
            BoundedRead.checkInterrupted(rel);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The replaced file's ACL and owner (Windows), or its mode, owner and group (POSIX). */
    private void copyAccess(Path from, Path to) throws IOException {
        if (acl) {
            AclFileAttributeView src = Files.getFileAttributeView(from, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            AclFileAttributeView dst = Files.getFileAttributeView(to, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            dst.setAcl(src.getAcl());
            try {
                dst.setOwner(src.getOwner());
            } catch (IOException e) {
                // needs SeRestorePrivilege; the copied ACL decides who may read and write, so go on
            }
        } else if (posix) {
            PosixFileAttributes a = Files.readAttributes(from, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributeView v = Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributes now = v.readAttributes();
            if (!now.owner().equals(a.owner())) {
                v.setOwner(a.owner());
            }
            if (!now.group().equals(a.group())) {
                v.setGroup(a.group());
            }
            v.setPermissions(a.permissions());
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ (0400) ... OTHERS_EXECUTE (0001)
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    private static List<String> names(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.endsWith("/")) {
            throw new IllegalArgumentException("not a root-relative path: '" + relative + "'");
        }
        List<String> names = List.of(relative.split("/", -1));
        for (String s : names) {
            if (s.isEmpty() || s.equals(".") || s.equals("..") || s.indexOf('\\') >= 0 || s.indexOf(':') >= 0
                    || s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("not a normalised root-relative path: '" + relative + "'");
            }
        }
        return names;
    }
}
