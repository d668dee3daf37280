/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.novaagent.runtime.AgentAssembly;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.config.ConfigFileTrust;
import org.novaagent.runtime.config.ConfigException;
import org.novaagent.runtime.trust.TrustRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code run}, {@code plugins list} and {@code resetnetwork} (a picocli mixin), and how they
 * override the configuration file.
 */
public final class AgentOptions {

    private static final Logger LOG = LoggerFactory.getLogger(AgentOptions.class);

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "Target root: every file is read and written under it; other than / = dry run (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Plugins directory (default: plugins.dir of the config, else /usr/lib/nova-agent/plugins;"
                    + " on Windows %%ProgramFiles%%\\nova-agent\\plugins).")
    Path pluginsDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: /etc/nova-agent/agent.conf; on Windows"
                    + " %%ProgramData%%\\nova-agent\\agent.conf; missing = defaults).")
    Path config;

    @Option(names = "--allow-insecure-plugins-dir",
            description = "Load plugins that fail the trust check, with loud warnings; only with --root other than /"
                    + " (tests, image builds), ignored on the live system.")
    boolean allowInsecurePluginsDir;

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "trace, debug, info, warn, error or off (default: for run, log.level of the config, else info;"
                    + " for every other command warn).")
    String logLevel;

    /**
     * @return the configuration file with the CLI options applied over it
     * @throws ConfigException when the file is malformed
     * @throws IllegalArgumentException when an option value is not acceptable
     */
    AgentConfig loadConfig() throws ConfigException {
        AgentConfig c = ConfigFileTrust.load(config == null ? AgentConfig.DEFAULT_FILE : config,
                TrustRule.forJvm(System.getProperty("os.name")));
        c = c.with("plugins.dir", pluginsDir == null ? null : pluginsDir.toString());
        return c.with("log.level", logLevel);
    }

    /**
     * The configuration for a subcommand, or empty after logging why it cannot be used (the
     * subcommand then exits with {@link ExitCodes#USAGE}).
     *
     * @param key   one more override, e.g. {@code xenstore.path} from {@code --xenstore}; {@code null} for none
     * @param value its value; {@code null} keeps the file's value
     * @return the configuration with the CLI options applied
     */
    Optional<AgentConfig> configOrReport(String key, String value) {
        try {
            AgentConfig cfg = loadConfig();
            return Optional.of(key == null ? cfg : cfg.with(key, value));
        } catch (ConfigException | IllegalArgumentException e) {
            LOG.error("configuration error: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * @param cfg the configuration from {@link #loadConfig()} (possibly further overridden)
     * @return the assembled agent
     */
    AgentAssembly assemble(AgentConfig cfg) {
        return AgentAssembly.build(root, cfg.pluginsDir(), cfg, allowInsecurePluginsDir);
    }
}
