/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.config;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.novaagent.runtime.trust.StrictModes;
import org.novaagent.runtime.trust.StrictModes.Kind;
import org.novaagent.runtime.trust.TrustRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code agent.conf} only when it is trusted ({@link StrictModes}: owned by root or the
 * agent's uid, not group- or world-writable, not a symlink, and so are its parents; on a Windows
 * JVM the NTFS ACL rule, {@link TrustRule#forJvm}). The agent
 * runs as root and the file names the plugins directory, so a file someone else could have written
 * is never used (issue #19, finding 4: a 0666 file redirected {@code plugins.dir}).
 *
 * <p>Decision: an untrusted file is <em>ignored</em>, loudly (one error per broken rule), and the
 * agent goes on with the built-in defaults rather than refusing to start. Nothing of the file's
 * content is used, so an attacker gains nothing; and a guest agent that does not start leaves a
 * new server without its network and password, which is what the host needs it for.
 */
public final class ConfigFileTrust {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileTrust.class);

    private ConfigFileTrust() {
    }

    /**
     * @param file  the configuration file ({@code --config} or the default)
     * @param rule  the trust rule
     * @return the file's configuration, or the defaults when it is missing or not trusted
     * @throws ConfigException when a trusted file is malformed
     */
    public static AgentConfig load(Path file, TrustRule rule) throws ConfigException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return AgentConfig.load(file);
        }
        List<String> problems = rule.problems(file, Kind.CONFIG_FILE);
        if (problems.isEmpty()) {
            return AgentConfig.load(file);
        }
        for (String p : problems) {
            LOG.error("refusing {}", p);
        }
        LOG.error("configuration file {} is not trusted, so none of it is used: running with the built-in defaults"
                + " (fix: {})", file, rule.fix());
        return AgentConfig.defaults();
    }
}
