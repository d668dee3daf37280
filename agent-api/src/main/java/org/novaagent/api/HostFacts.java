/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Facts about the target system, read once at start-up from the target root (os-release,
 * marker files) by the runtime. With {@code --root DIR} they describe the tree under DIR, so a
 * RHEL-shaped tree makes the agent behave as on RHEL.
 *
 * @param osId        {@code ID} from os-release, lower case (for example {@code ubuntu},
 *                    {@code rhel}, {@code windows}); {@code "unknown"} when absent; never null
 * @param osVersionId {@code VERSION_ID} from os-release (for example {@code 9.4}); may be empty
 * @param idLike      {@code ID_LIKE} entries, lower case; never null
 * @param family      the distro family; never null
 * @param arch        the CPU architecture ({@code os.arch} of the running JVM); never null
 * @param initSystem  the init system of the target; never null
 * @param root        the target root; every path a handler reads or writes is resolved under it
 * @param searchPath  absolute directories searched by {@link #which} (for example
 *                    {@code /usr/sbin}); never null
 */
public record HostFacts(String osId, String osVersionId, List<String> idLike, OsFamily family,
                        String arch, InitSystem initSystem, Path root, List<String> searchPath) {

    /**
     * The distro families the agent knows. {@code ARCH} covers Arch and its derivatives,
     * {@code FREEBSD} the FreeBSD base system; new constants may be added in later versions,
     * so a {@code switch} over this type needs a default branch.
     */
    public enum OsFamily { DEBIAN, RHEL, SUSE, ALPINE, GENTOO, ARCH, FREEBSD, WINDOWS, OTHER }

    /**
     * Init systems the agent can integrate with: {@code BSD_RC} is FreeBSD's {@code /etc/rc.d}
     * (with {@code service} and {@code sysrc}); new constants may be added in later versions.
     */
    public enum InitSystem { SYSTEMD, SYSVINIT, OPENRC, BSD_RC, WINDOWS_SERVICE, NONE }

    /** Copies the lists and validates the components. */
    public HostFacts {
        Objects.requireNonNull(osId, "osId");
        Objects.requireNonNull(osVersionId, "osVersionId");
        idLike = List.copyOf(idLike);
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(initSystem, "initSystem");
        Objects.requireNonNull(root, "root");
        searchPath = List.copyOf(searchPath);
    }

    /**
     * Resolves an absolute guest path (for example {@code /etc/netplan}) under the target root.
     *
     * @param absolutePath a path such as {@code /etc/hostname}; a leading slash is optional
     * @return the path under {@link #root}
     */
    public Path resolve(String absolutePath) {
        String relative = absolutePath.startsWith("/") ? absolutePath.substring(1) : absolutePath;
        return root.resolve(relative);
    }

    /**
     * Looks up an executable in {@link #searchPath} under the target root, like {@code which}.
     *
     * @param command a bare command name such as {@code netplan}
     * @return the guest-absolute path (for example {@code /usr/sbin/netplan}) if found
     */
    public Optional<String> which(String command) {
        for (String dir : searchPath) {
            String candidate = (dir.endsWith("/") ? dir : dir + "/") + command;
            Path p = resolve(candidate);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** @return true when the target is a Windows system */
    public boolean isWindows() {
        return family == OsFamily.WINDOWS;
    }

    /**
     * The major part of {@link #osVersionId}, or -1 when it is not a number.
     *
     * @return the major version
     */
    public int majorVersion() {
        String v = osVersionId;
        int dot = v.indexOf('.');
        String major = dot < 0 ? v : v.substring(0, dot);
        try {
            return Integer.parseInt(major);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
