/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
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
import org.novaagent.api.support.FileFacts;
import org.novaagent.api.support.SafeFiles;
import org.novaagent.api.support.WriteOptions;
import org.novaagent.api.support.WriteOutcome;
import org.novaagent.network.internal.UnifiedDiff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only writer of network files. Resolves root-relative paths (rejecting escapes), plans the
 * change (unchanged files are skipped, so a repeated resetnetwork is a no-op), then writes each
 * file through {@link SafeFiles} (no link followed at any component, the last included: issue #19
 * finding 6; atomic rename, fsync), keeping one backup of what it replaced or removed under
 * {@link #BACKUP_DIR} (never next to the file: ifupdown's {@code source interfaces.d/*} and
 * NetworkManager would read a stray copy). The result can be rolled back.
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

    /** Directories created for a config file (as {@code mkdir -p} with the usual umask). */
    private static final int DIR_MODE = 0755;

    private final Path root;
    private final SafeFiles files;

    /** @param root the target root; every path is resolved under it */
    public FileStager(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.files = SafeFiles.under(this.root);
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
        return files.read(key(relative), SafeFiles.COPY_LIMIT).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * @param relative root-relative path
     * @return the permission bits of the file there (looked at without following a link), or -1
     *         when there is none
     * @throws IOException when a directory on the way is a link
     */
    public int mode(String relative) throws IOException {
        return files.stat(key(relative)).map(FileFacts::mode).orElse(-1);
    }

    /** @return the normalised root-relative form of a path that {@link #resolve} accepts */
    private String key(String relative) {
        return root.relativize(resolve(relative)).toString();
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
            RenderedFile f = e.getValue();
            Optional<FileFacts> facts = this.files.stat(e.getKey());
            if (facts.isEmpty()) {
                out.add(new FileChange(e.getKey(), FileChange.Kind.CREATE, Optional.empty(), -1,
                        Optional.of(f.content()), f.mode()));
                continue;
            }
            int oldMode = facts.get().mode();
            String old = existing(e.getKey());
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
            String old = existing(stale);
            if (Headers.isOurs(old)) {
                out.add(new FileChange(stale, FileChange.Kind.DELETE, Optional.of(old),
                        this.files.stat(stale).orElseThrow(() -> new NoSuchFileException(stale)).mode(),
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
        String rel = key(relative);
        Optional<FileFacts> facts = this.files.stat(rel);
        if (facts.isEmpty() || facts.get().type() != FileFacts.Type.REGULAR) {
            facts.ifPresent(f -> LOG.info("{} is not a regular file ({}); not taken over", rel, f.type()));
            return Optional.empty();          // never followed: a link is left as it is
        }
        return Optional.of(new FileChange(rel, FileChange.Kind.DELETE, Optional.of(existing(rel)),
                facts.get().mode(), Optional.empty(), -1));
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
                String rel = key(c.path());
                switch (c.kind()) {
                    case CREATE -> {
                        if (isBackup(rel)) {             // a taken-over original kept for restore
                            files.writeBackup(rel.substring(BACKUP_DIR.length() + 1),
                                    utf8(c.newContent().orElseThrow()), c.newMode());
                        } else {
                            write(rel, c.newContent().orElseThrow(), c.newMode());
                        }
                    }
                    case MODIFY -> note(rel, files.write(rel, utf8(c.newContent().orElseThrow()),
                            isBackup(rel) ? WriteOptions.mode(c.newMode())
                                    : WriteOptions.mode(c.newMode()).withParents(DIR_MODE).withBackup()));
                    case DELETE -> {
                        if (!isBackup(rel)) {
                            note(rel, files.backup(rel));
                        }
                        files.delete(rel);
                    }
                    // rewritten rather than chmod'ed: a chmod by name could follow a link swapped in
                    case MODE -> write(rel, c.oldContent().orElseThrow(), c.newMode());
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

    /**
     * Writes a file with the given content and mode (atomically, creating parents 0755); used by
     * {@link StagedChange#rollback} too.
     */
    void write(String relative, String content, int mode) throws IOException {
        files.write(key(relative), utf8(content), WriteOptions.mode(mode).withParents(DIR_MODE));
    }

    /** Removes a file (never following a link); used by {@link StagedChange#rollback}. */
    void delete(String relative) throws IOException {
        files.delete(key(relative));
    }

    /** @return the content of a file that {@link SafeFiles#stat} found */
    private String existing(String relative) throws IOException {
        return read(relative).orElseThrow(() -> new NoSuchFileException(relative));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void note(String relative, WriteOutcome outcome) {
        if (!outcome.backupNote().isEmpty()) {
            LOG.warn("{}: {}", relative, outcome.backupNote());
        }
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
                walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).map(p -> root.relativize(p).toString())
                        .filter(rel -> !rel.startsWith(BACKUP_DIR + "/") && !rel.endsWith(BACKUP_SUFFIX)
                                && !rel.contains(".nova-agent-"))
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
