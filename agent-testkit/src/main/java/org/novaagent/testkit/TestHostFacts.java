/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.novaagent.api.HostFacts;
import org.novaagent.api.HostFacts.InitSystem;
import org.novaagent.api.HostFacts.OsFamily;

/**
 * {@link HostFacts} for test roots, so plugin tests do not each spell out the eight record
 * components: ready-made Debian, Ubuntu, RHEL and Windows facts, and a builder for anything else.
 */
public final class TestHostFacts {

    /** The search path of a typical Linux guest, as {@link HostFacts#which} walks it. */
    public static final List<String> LINUX_SEARCH_PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
            "/usr/bin", "/sbin", "/bin");

    private TestHostFacts() {
    }

    /**
     * @param root the target root
     * @return Debian 12, systemd, amd64
     */
    public static HostFacts debian(Path root) {
        return builder(root).build();
    }

    /**
     * @param root the target root
     * @return Ubuntu 24.04 ({@code ID_LIKE=debian}), systemd, amd64
     */
    public static HostFacts ubuntu(Path root) {
        return builder(root).os("ubuntu", "24.04").idLike("debian").build();
    }

    /**
     * @param root the target root
     * @return RHEL 9.4 ({@code ID_LIKE=fedora}), systemd, amd64
     */
    public static HostFacts rhel(Path root) {
        return builder(root).os("rhel", "9.4").idLike("fedora").family(OsFamily.RHEL).build();
    }

    /**
     * @param root the target root (a scratch directory standing for {@code C:\})
     * @return Windows 10.0, Windows service, amd64, no search path
     */
    public static HostFacts windows(Path root) {
        return builder(root).os("windows", "10.0").family(OsFamily.WINDOWS).init(InitSystem.WINDOWS_SERVICE)
                .searchPath().build();
    }

    /**
     * Starts from {@link #debian} and lets the test change any component.
     *
     * @param root the target root
     * @return a builder
     */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    /** Builds one {@link HostFacts}; defaults are those of {@link #debian}. */
    public static final class Builder {
        private final Path root;
        private String osId = "debian";
        private String version = "12";
        private List<String> idLike = List.of();
        private OsFamily family = OsFamily.DEBIAN;
        private String arch = "amd64";
        private InitSystem init = InitSystem.SYSTEMD;
        private List<String> searchPath = LINUX_SEARCH_PATH;

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /**
         * @param id        os-release {@code ID}, for example {@code rocky}
         * @param versionId os-release {@code VERSION_ID}, for example {@code 9.4}
         * @return this
         */
        public Builder os(String id, String versionId) {
            this.osId = Objects.requireNonNull(id, "id");
            this.version = Objects.requireNonNull(versionId, "versionId");
            return this;
        }

        /**
         * @param ids os-release {@code ID_LIKE} entries
         * @return this
         */
        public Builder idLike(String... ids) {
            this.idLike = List.of(ids);
            return this;
        }

        /**
         * @param osFamily the distro family
         * @return this
         */
        public Builder family(OsFamily osFamily) {
            this.family = Objects.requireNonNull(osFamily, "osFamily");
            return this;
        }

        /**
         * @param cpu the CPU architecture, for example {@code aarch64}
         * @return this
         */
        public Builder arch(String cpu) {
            this.arch = Objects.requireNonNull(cpu, "cpu");
            return this;
        }

        /**
         * @param initSystem the init system
         * @return this
         */
        public Builder init(InitSystem initSystem) {
            this.init = Objects.requireNonNull(initSystem, "initSystem");
            return this;
        }

        /**
         * @param dirs absolute guest directories searched by {@link HostFacts#which}, in order
         * @return this
         */
        public Builder searchPath(String... dirs) {
            this.searchPath = List.of(dirs);
            return this;
        }

        /** @return the facts */
        public HostFacts build() {
            return new HostFacts(osId, version, idLike, family, arch, init, root, searchPath);
        }
    }
}
