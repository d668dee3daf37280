/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The trust rule for what the agent runs or obeys as root, modelled on sshd's {@code StrictModes}
 * (issue #19, finding 4): the configuration file, the plugins directory and every plugin jar
 * must be owned by root or by the agent's own effective uid, must not be writable by group or
 * other, and must not be a symbolic link; every ancestor directory up to {@code /} (along the
 * path as given <em>and</em> along its resolved real path) must be owned by root or the agent's
 * uid and not writable by group or other, except that a group- or world-writable ancestor with
 * the sticky bit set (such as {@code /tmp}) is accepted: there, only an entry's owner can rename
 * or remove it, so a trusted entry cannot be swapped. Each problem names the path and the rule.
 */
public final class StrictModes implements TrustRule {

    /** What is being checked, for messages and the kind of file expected. */
    public enum Kind {
        /** {@code agent.conf}: a regular file. */
        CONFIG_FILE("configuration file", false),
        /** The plugins directory. */
        PLUGINS_DIR("plugins directory", true),
        /** A jar in the plugins directory: a regular file. */
        PLUGIN_JAR("plugin jar", false),
        /** The agent's own state directory (request journal, history, backups). */
        STATE_DIR("state directory", true);

        private final String label;
        private final boolean directory;

        Kind(String label, boolean directory) {
            this.label = label;
            this.directory = directory;
        }

        /** @return the words used in messages, e.g. {@code plugin jar} */
        public String label() {
            return label;
        }
    }

    private static final int GROUP_WRITE = 0020;
    private static final int OTHER_WRITE = 0002;
    private static final int STICKY = 01000;

    private final int euid;

    /** @param euid the agent's effective uid, trusted beside root */
    public StrictModes(int euid) {
        this.euid = euid;
    }

    /** @return the rule for this process (its effective uid, read from {@code /proc/self}; 0 if unknown) */
    public static StrictModes forThisProcess() {
        return new StrictModes(EffectiveUid.get());
    }

    /** @return the effective uid trusted beside root */
    public int euid() {
        return euid;
    }

    /**
     * Checks one path and all its ancestors.
     *
     * @param path the file or directory (absolute or relative to the working directory)
     * @param kind what it is
     * @return every problem found, each naming the path and the broken rule; empty when trusted
     */
    @Override
    public List<String> problems(Path path, Kind kind) {
        Path target = path.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        if (!appliesTo(target)) {
            return problems;
        }
        String what = kind.label + " " + target;
        try {
            Mode m = Mode.of(target);
            if (m.symlink()) {
                problems.add(what + " is a symbolic link (refused: the link or its target could be changed)");
                return problems;
            }
            if (kind.directory != m.directory() || (!kind.directory && !m.regular())) {
                problems.add(what + " is not a " + (kind.directory ? "directory" : "regular file"));
                return problems;
            }
            own(what, m, problems);
            if ((m.mode() & GROUP_WRITE) != 0) {
                problems.add(what + " is group-writable (mode " + m.octal() + ")");
            }
            if ((m.mode() & OTHER_WRITE) != 0) {
                problems.add(what + " is world-writable (mode " + m.octal() + ")");
            }
        } catch (NoSuchFileException e) {
            problems.add(what + " does not exist");
            return problems;
        } catch (IOException | RuntimeException e) {
            problems.add("cannot check " + what + ": " + e.getMessage());
            return problems;
        }
        for (Path dir : ancestors(target)) {
            String anc = "ancestor " + dir + " of " + what;
            try {
                Mode m = Mode.of(dir);
                if (m.symlink()) {
                    continue; // its own mode means nothing; its directory and its target are checked
                }
                own(anc, m, problems);
                boolean writable = (m.mode() & (GROUP_WRITE | OTHER_WRITE)) != 0;
                if (writable && (m.mode() & STICKY) == 0) {
                    problems.add(anc + " is " + ((m.mode() & OTHER_WRITE) != 0 ? "world" : "group")
                            + "-writable without the sticky bit (mode " + m.octal() + ")");
                }
            } catch (IOException | RuntimeException e) {
                problems.add("cannot check " + anc + ": " + e.getMessage());
            }
        }
        return problems;
    }

    /**
     * @param path a path
     * @return false on a file system without POSIX owners and modes (Windows), where this rule
     *         cannot be expressed: there the ACL rule ({@link WindowsAclTrustRule}) applies
     */
    public static boolean appliesTo(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("unix");
    }

    @Override
    public String fix() {
        return "chown root and chmod go-w, on it and its parents";
    }

    private void own(String what, Mode m, List<String> problems) {
        if (m.uid() != 0 && m.uid() != euid) {
            problems.add(what + " is owned by uid " + m.uid() + ", not root"
                    + (euid == 0 ? "" : " or the agent's uid " + euid));
        }
    }

    /** The parents of the path as given and of its real path, nearest first, without duplicates. */
    private static Set<Path> ancestors(Path target) {
        Set<Path> all = new LinkedHashSet<>();
        for (Path p = target.getParent(); p != null; p = p.getParent()) {
            all.add(p);
        }
        try {
            Path parent = target.getParent();
            if (parent != null) {
                for (Path p = parent.toRealPath(); p != null; p = p.getParent()) {
                    all.add(p);
                }
            }
        } catch (IOException e) {
            // the lexical chain is still checked; a missing parent shows there
        }
        return all;
    }

    /** The facts of one lstat. */
    private record Mode(boolean symlink, boolean directory, boolean regular, int uid, int mode) {
        static Mode of(Path p) throws IOException {
            boolean link = Files.isSymbolicLink(p);
            int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return new Mode(link, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS),
                    Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS), uid, mode);
        }

        String octal() {
            return String.format("%04o", mode & 07777);
        }
    }
}
