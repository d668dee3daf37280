/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@code agent demo}.
 *
 * @param distro         layout of the scratch root ({@code --distro}, default debian)
 * @param cleanup        delete the scratch directory at the end ({@code --cleanup}); default keeps it
 * @param callTimeout    timeout of each host call
 * @param versionTimeout how long {@code version} is retried while the agent starts
 * @param workDir        parent of the temporary directory, or empty for the system temp dir
 */
public record DemoOptions(Distro distro, boolean cleanup, Duration callTimeout, Duration versionTimeout,
                          Optional<Path> workDir) {

    /** Validates the components. */
    public DemoOptions {
        Objects.requireNonNull(distro, "distro");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(versionTimeout, "versionTimeout");
        Objects.requireNonNull(workDir, "workDir");
    }

    /** @return debian, keep the scratch dir, 30 s per call, 60 s for the agent to answer version */
    public static DemoOptions defaults() {
        return new DemoOptions(Distro.DEBIAN, false, Duration.ofSeconds(30), Duration.ofSeconds(60), Optional.empty());
    }

    /** @return a copy with another distro */
    public DemoOptions withDistro(Distro d) {
        return new DemoOptions(d, cleanup, callTimeout, versionTimeout, workDir);
    }

    /** @return a copy with the cleanup flag set */
    public DemoOptions withCleanup(boolean c) {
        return new DemoOptions(distro, c, callTimeout, versionTimeout, workDir);
    }

    /** @return a copy with other timeouts */
    public DemoOptions withTimeouts(Duration call, Duration version) {
        return new DemoOptions(distro, cleanup, call, version, workDir);
    }

    /** @return a copy creating its temporary directory under {@code dir} */
    public DemoOptions withWorkDir(Path dir) {
        return new DemoOptions(distro, cleanup, callTimeout, versionTimeout, Optional.of(dir));
    }
}
