/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.facts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.novaagent.api.HostFacts;
import org.novaagent.api.HostFacts.InitSystem;
import org.novaagent.api.HostFacts.OsFamily;

/**
 * Reads {@link HostFacts} from a target root (os-release, marker files, init system), once at
 * start-up, so that {@code --root DIR} makes the agent behave as on the system under DIR. Windows
 * is the live system drive of a Windows JVM, or any root with a {@code Windows/System32} directory.
 */
public final class HostFactsProbe {

    /** Where {@link HostFacts#which} looks for executables. */
    public static final List<String> SEARCH_PATH =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    /** The directory that marks a Windows system drive, as NTFS (case-insensitive) may spell it. */
    private static final List<String> WINDOWS_MARKERS = List.of("Windows/System32", "WINDOWS/system32", "windows/system32");

    private final String osName;
    private final String osArch;
    private final String osVersion;

    /** A probe for the running JVM's operating system. */
    public HostFactsProbe() {
        this(System.getProperty("os.name", ""), System.getProperty("os.arch", "unknown"),
                System.getProperty("os.version", ""));
    }

    /**
     * A probe with explicit JVM facts (for tests).
     *
     * @param osName    the {@code os.name} to assume
     * @param osArch    the {@code os.arch} to assume
     * @param osVersion the {@code os.version} to assume
     */
    public HostFactsProbe(String osName, String osArch, String osVersion) {
        this.osName = osName;
        this.osArch = osArch;
        this.osVersion = osVersion;
    }

    /**
     * @param root the target root
     * @return the facts of the system under the root
     */
    public HostFacts probe(Path root) {
        Path absRoot = root.toAbsolutePath().normalize();
        boolean liveWindows = osName.startsWith("Windows") && absRoot.getParent() == null;
        if (liveWindows || isWindowsShaped(absRoot)) {
            return new HostFacts("windows", liveWindows ? osVersion : "", List.of(), OsFamily.WINDOWS, osArch,
                    InitSystem.WINDOWS_SERVICE, absRoot, List.of());
        }
        String id = "unknown";
        String version = "";
        List<String> idLike = List.of();
        Optional<Map<String, String>> osRelease = readOsRelease(absRoot);
        if (osRelease.isPresent()) {
            Map<String, String> vars = osRelease.get();
            id = vars.getOrDefault("ID", "unknown").toLowerCase(Locale.ROOT);
            version = vars.getOrDefault("VERSION_ID", "");
            String like = vars.getOrDefault("ID_LIKE", "").toLowerCase(Locale.ROOT).strip();
            idLike = like.isEmpty() ? List.of() : Arrays.asList(like.split("\\s+"));
        } else {
            for (ReleaseMarker marker : ReleaseMarker.values()) {
                Path file = absRoot.resolve(marker.path);
                if (Files.isRegularFile(file)) {
                    id = marker.id;
                    version = marker.version(readFirstLine(file));
                    break;
                }
            }
        }
        return new HostFacts(id, version, idLike, family(id, idLike), osArch, initSystem(absRoot),
                absRoot, SEARCH_PATH);
    }

    /**
     * The release files that name a distro when os-release is missing, in the order they are
     * tried: each distro's own file, then the generic ones. FreeBSD's {@code freebsd-version} is a
     * shell script, so its version is not read; {@code os-release} (FreeBSD 13+) gives it.
     */
    private enum ReleaseMarker {
        ALPINE("etc/alpine-release", "alpine"),
        GENTOO("etc/gentoo-release", "gentoo"),
        ARCH("etc/arch-release", "arch"),
        FREEBSD("bin/freebsd-version", "freebsd"),
        REDHAT("etc/redhat-release", "rhel"),
        DEBIAN("etc/debian_version", "debian");

        final String path;
        final String id;

        ReleaseMarker(String path, String id) {
            this.path = path;
            this.id = id;
        }

        String version(String firstLine) {
            switch (this) {
                case ALPINE: case DEBIAN:
                    return firstLine.strip();
                case GENTOO: case REDHAT:
                    Matcher m = Pattern.compile("release\\s+([0-9][0-9.]*)").matcher(firstLine); // once, without os-release
                    return m.find() ? m.group(1) : "";
                default:
                    return "";
            }
        }
    }

    /**
     * A Windows-shaped root (an image mounted or copied for a dry run, a test tree) has a
     * {@code Windows\System32} directory, in either case spelling, and no os-release.
     *
     * @param root the target root
     * @return true when the tree under {@code root} is a Windows system drive
     */
    static boolean isWindowsShaped(Path root) {
        if (Files.isRegularFile(root.resolve("etc/os-release")) || Files.isRegularFile(root.resolve("usr/lib/os-release"))) {
            return false;
        }
        for (String dir : WINDOWS_MARKERS) {
            if (Files.isDirectory(root.resolve(dir))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Map<String, String>> readOsRelease(Path root) {
        for (String candidate : List.of("etc/os-release", "usr/lib/os-release")) {
            Path p = root.resolve(candidate);
            if (Files.isRegularFile(p)) {
                try {
                    return Optional.of(OsRelease.parse(Files.readAllLines(p, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    // unreadable or not UTF-8: try the next source of facts
                }
            }
        }
        return Optional.empty();
    }

    private static String readFirstLine(Path p) {
        try {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * @param id     os-release ID, lower case
     * @param idLike os-release ID_LIKE entries, lower case
     * @return the family, judged from ID first and then ID_LIKE
     */
    static OsFamily family(String id, List<String> idLike) {
        List<String> names = new ArrayList<>();
        names.add(id);
        names.addAll(idLike);
        for (String name : names) {
            switch (name) {
                case "debian": case "ubuntu": case "raspbian": case "linuxmint":
                    return OsFamily.DEBIAN;
                case "rhel": case "fedora": case "centos": case "rocky": case "almalinux": case "ol":
                case "amzn": case "cloudlinux":
                    return OsFamily.RHEL;
                case "suse": case "sles": case "opensuse": case "opensuse-leap": case "opensuse-tumbleweed":
                    return OsFamily.SUSE;
                case "alpine":
                    return OsFamily.ALPINE;
                case "gentoo": case "funtoo":
                    return OsFamily.GENTOO;
                case "arch": case "archarm": case "manjaro": case "endeavouros":
                    return OsFamily.ARCH;
                case "freebsd":
                    return OsFamily.FREEBSD;
                default:
                    break;
            }
        }
        return OsFamily.OTHER;
    }

    private static InitSystem initSystem(Path root) {
        if (Files.isDirectory(root.resolve("run/systemd/system"))
                || Files.exists(root.resolve("usr/lib/systemd/systemd"))
                || Files.exists(root.resolve("lib/systemd/systemd"))) {
            return InitSystem.SYSTEMD;
        }
        if (Files.exists(root.resolve("sbin/openrc")) || Files.exists(root.resolve("usr/sbin/openrc"))
                || Files.exists(root.resolve("sbin/openrc-run"))) {
            return InitSystem.OPENRC;
        }
        if (Files.isRegularFile(root.resolve("etc/rc.subr")) && Files.isDirectory(root.resolve("etc/rc.d"))) {
            return InitSystem.BSD_RC;
        }
        if (Files.isDirectory(root.resolve("etc/init.d"))) {
            return InitSystem.SYSVINIT;
        }
        return InitSystem.NONE;
    }
}
