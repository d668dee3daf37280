/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust;

import java.nio.file.Path;
import java.util.List;
import org.novaagent.api.HostFacts;

/**
 * Whether a file the agent runs or obeys with its own rights (the configuration file, the plugins
 * directory, a plugin jar) could have been changed by someone else. One rule per platform:
 * {@link StrictModes} (POSIX owner and mode, sshd-style) or {@link WindowsAclTrustRule} (the NTFS
 * ACL), chosen by the host facts so that {@code --root} over a Windows-shaped root checks by the
 * Windows rule.
 */
public interface TrustRule {

    /**
     * @param path the file or directory
     * @param kind what it is
     * @return every problem, each naming the path and the broken rule; empty when trusted
     */
    List<String> problems(Path path, StrictModes.Kind kind);

    /** @return how an administrator fixes a refusal, for the message */
    String fix();

    /**
     * @param facts the target's host facts
     * @return the Windows ACL rule for a Windows target, else {@link StrictModes#forThisProcess()}
     */
    static TrustRule forHost(HostFacts facts) {
        return facts.isWindows() ? new WindowsAclTrustRule() : StrictModes.forThisProcess();
    }

    /**
     * For what this process reads before any target is known ({@code agent.conf}).
     *
     * @param osName the JVM's {@code os.name}
     * @return the Windows ACL rule on a Windows JVM, else {@link StrictModes#forThisProcess()}
     */
    static TrustRule forJvm(String osName) {
        return osName != null && osName.startsWith("Windows") ? new WindowsAclTrustRule() : StrictModes.forThisProcess();
    }
}
