/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.novaagent.api.support.BackupDirectory;
import org.novaagent.network.internal.AtomicFiles;
import org.novaagent.network.internal.UnifiedDiff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only writer of network files. Resolves root-relative paths (rejecting escapes), plans the
 * change (unchanged files are skipped, so a repeated resetnetwork is a no-op), then writes each
 * file atomically (temp file in the same directory, fsync, rename), keeping one backup of what it
 * replaced or removed under {@link #BACKUP_DIR} (never next to the file: ifupdown's
 * {@code source interfaces.d/*} and NetworkManager would read a stray copy). The result can be
 * rolled back.
 */
public final class FileStager {

    /**
     * Root-relative directory holding the one backup per replaced or removed file, at the file's
     * own relative path below it (directories 0700, each backup keeps the original's mode).
     */
    public static final String BACKUP_DIR = BackupDirectory.RELATIVE;

    /**
     * Suffix of backups other tools and older agents leave next to config files. The stager
     * writes none, but such files are never treated as owned files.
     */
    public static final String BACKUP_SUFFIX = ".bak";

    private static final Logger LOG = LoggerFactory.getLogger(FileStager.class);

    private final Path root;

    /** @param root the target root; every path is resolved under it */
    public FileStager(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** @return the target root */
    public Path root() {
        return root;
    }

    /**
     * @param relative a root-relative path such as {@code etc/netplan/50-nova-agent.yaml}
     * @return the absolute path under the root
     * @throws IllegalArgumentException when the path is absolute, empty or escapes the root
     *                                  (through {@code ..} or a symlinked directory)
     */
    public Path resolve(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a root-relative path: '" + relative + "'");
        }
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("path escapes the target root: '" + relative + "'");
        }
        try {
            Path parent = p.getParent();
            while (parent != null && !Files.exists(parent)) {
                parent = parent.getParent();
            }
            if (parent != null && !parent.toRealPath().startsWith(root.toRealPath())) {
                throw new IllegalArgumentException("path escapes the target root through a link: '" + relative + "'");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot check path '" + relative + "': " + e.getMessage(), e);
        }
        return p;
    }

    /**
     * @param relative a root-relative path such as {@code etc/network/interfaces}
     * @return where {@link #apply} keeps its backup: {@code <root>/var/lib/nova-agent/backup/<relative>}
     * @throws IllegalArgumentException when the path is not root-relative or escapes the root
     */
    public Path backupOf(String relative) {
        return resolve(BACKUP_DIR + "/" + root.relativize(resolve(relative)));
    }

    /**
     * @param relative root-relative path
     * @return the file's content (UTF-8), or empty when it does not exist
     * @throws IOException when it exists but cannot be read
     */
    public Optional<String> read(String relative) throws IOException {
        Path p = resolve(relative);
        return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /**
     * Computes what {@link #stage} would do, without writing anything.
     *
     * @param files the rendered files (the desired state)
     * @param owned files to remove when they carry our header and are no longer rendered
     * @return the changes, rendered files first (in order), then removals (sorted)
     * @throws IOException when current files cannot be read
     */
    public List<FileChange> plan(List<RenderedFile> files, OwnedFiles owned) throws IOException {
        Map<String, RenderedFile> wanted = new LinkedHashMap<>();
        for (RenderedFile f : files) {
            String key = root.relativize(resolve(f.path())).toString();
            if (wanted.put(key, f) != null) {
                throw new IllegalArgumentException("rendered twice: " + key);
            }
        }
        List<FileChange> out = new ArrayList<>();
        for (Map.Entry<String, RenderedFile> e : wanted.entrySet()) {
            Path p = resolve(e.getKey());
            RenderedFile f = e.getValue();
            int oldMode = AtomicFiles.mode(p);
            if (oldMode < 0) {
                out.add(new FileChange(e.getKey(), FileChange.Kind.CREATE, Optional.empty(), -1,
                        Optional.of(f.content()), f.mode()));
                continue;
            }
            String old = Files.readString(p, StandardCharsets.UTF_8);
            FileChange.Kind kind = !old.equals(f.content()) ? FileChange.Kind.MODIFY
                    : oldMode != (f.mode() & 0777) ? FileChange.Kind.MODE : null;
            if (kind != null) {
                out.add(new FileChange(e.getKey(), kind, Optional.of(old), oldMode, Optional.of(f.content()), f.mode()));
            }
        }
        for (String stale : ownedExisting(owned)) {
            if (wanted.containsKey(stale)) {
                continue;
            }
            Path p = resolve(stale);
            String old = Files.readString(p, StandardCharsets.UTF_8);
            if (Headers.isOurs(old)) {
                out.add(new FileChange(stale, FileChange.Kind.DELETE, Optional.of(old), AtomicFiles.mode(p),
                        Optional.empty(), -1));
            } else {
                LOG.info("{} matches an owned pattern but has no nova-agent header; left alone", stale);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Plans the removal of a file nova-agent did not write (another tool's network config it
     * takes over, see {@link ForeignConfigTakeover}); {@link #plan} only removes files with our header.
     *
     * @param relative root-relative path
     * @return a {@code DELETE} change, or empty when the file does not exist
     * @throws IOException when the file cannot be read
     */
    public Optional<FileChange> planRemoval(String relative) throws IOException {
        Path p = resolve(relative);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        return Optional.of(new FileChange(root.relativize(p).toString(), FileChange.Kind.DELETE,
                Optional.of(Files.readString(p, StandardCharsets.UTF_8)), AtomicFiles.mode(p), Optional.empty(), -1));
    }

    /**
     * Writes the planned changes. On a failure part-way, what was done is rolled back and the
     * exception is rethrown, so no half-applied state is left.
     *
     * @param plan changes from {@link #plan}
     * @return what was done, able to roll itself back
     * @throws IOException when a write fails (after rolling back)
     */
    public StagedChange apply(List<FileChange> plan) throws IOException {
        List<FileChange> done = new ArrayList<>();
        try {
            for (FileChange c : plan) {
                Path p = resolve(c.path());
                switch (c.kind()) {
                    case CREATE -> {
                        if (isBackup(c.path())) {
                            BackupDirectory.createParents(root, p);
                        }
                        AtomicFiles.write(p, c.newContent().orElseThrow(), c.newMode());
                    }
                    case MODIFY -> {
                        backup(c);
                        AtomicFiles.write(p, c.newContent().orElseThrow(), c.newMode());
                    }
                    case DELETE -> {
                        backup(c);
                        AtomicFiles.delete(p);
                    }
                    case MODE -> Files.setPosixFilePermissions(p, AtomicFiles.permissions(c.newMode()));
                }
                done.add(c);
                LOG.info("{} {}", c.kind().name().toLowerCase(java.util.Locale.ROOT), c.path());
            }
        } catch (IOException | RuntimeException e) {
            try {
                new StagedChange(this, done).rollback();
            } catch (IOException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
        return new StagedChange(this, done);
    }

    /**
     * Plans and applies in one step.
     *
     * @param files the rendered files
     * @param owned files to remove when no longer rendered
     * @return what was done
     * @throws IOException on failure (nothing is left half-written)
     */
    public StagedChange stage(List<RenderedFile> files, OwnedFiles owned) throws IOException {
        return apply(plan(files, owned));
    }

    /**
     * The unified diff of what {@link #stage} would change; writes nothing.
     *
     * @param files the rendered files
     * @param owned files to remove when no longer rendered
     * @return diff text (empty when nothing would change)
     * @throws IOException when current files cannot be read
     */
    public String diff(List<RenderedFile> files, OwnedFiles owned) throws IOException {
        return diff(plan(files, owned));
    }

    /**
     * @param plan planned changes
     * @return their unified diff; mode-only changes appear as a {@code # mode} note
     */
    public static String diff(List<FileChange> plan) {
        StringBuilder sb = new StringBuilder();
        for (FileChange c : plan) {
            if (isBackup(c.path()) && c.kind() != FileChange.Kind.DELETE) {
                sb.append("# keep a copy of the original: ").append(c.path()).append('\n');
            } else if (c.kind() == FileChange.Kind.MODE) {
                sb.append("# mode ").append(c.path()).append(": ").append(Integer.toOctalString(c.oldMode()))
                        .append(" -> ").append(Integer.toOctalString(c.newMode())).append('\n');
            } else {
                sb.append(UnifiedDiff.diff(c.path(), c.oldContent().orElse(null), c.newContent().orElse(null)));
            }
        }
        return sb.toString();
    }

    /** Writes the old content of a modified or removed file to its backup, atomically. */
    private void backup(FileChange c) throws IOException {
        if (isBackup(c.path())) {
            return;
        }
        Path target = backupOf(c.path());
        BackupDirectory.createParents(root, target);
        AtomicFiles.write(target, c.oldContent().orElseThrow(), c.oldMode());
    }

    private List<String> ownedExisting(OwnedFiles owned) throws IOException {
        TreeSet<String> found = new TreeSet<>();
        for (String glob : owned.globs()) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            String base = glob;
            int meta = indexOfGlobMeta(glob);
            if (meta >= 0) {
                int slash = glob.lastIndexOf('/', meta);
                base = slash < 0 ? "" : glob.substring(0, slash);
            }
            Path start = base.isEmpty() ? root : resolve(base);
            if (!Files.exists(start)) {
                continue;
            }
            int depth = (int) glob.chars().filter(ch -> ch == '/').count() + 1;
            try (Stream<Path> walk = Files.walk(start, glob.contains("**") ? Integer.MAX_VALUE : depth,
                    EnumSet.noneOf(FileVisitOption.class).toArray(new FileVisitOption[0]))) {
                walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                        .filter(rel -> !rel.startsWith(BACKUP_DIR + "/") && !rel.endsWith(BACKUP_SUFFIX)
                                && !rel.contains(".nova-tmp-"))
                        .filter(rel -> matcher.matches(Path.of(rel))).forEach(found::add);
            }
        }
        return new ArrayList<>(found);
    }

    /** True for a path inside {@link #BACKUP_DIR}: never backed up itself, shown as a note in diffs. */
    private static boolean isBackup(String relative) {
        return relative.startsWith(BACKUP_DIR + "/");
    }

    private static int indexOfGlobMeta(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            if ("*?[{".indexOf(glob.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
