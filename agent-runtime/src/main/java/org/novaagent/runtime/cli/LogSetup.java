/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.config.ConfigException;

/**
 * Configures slf4j-simple through system properties before the first logger exists: output
 * on stderr, no timestamps under systemd (journald adds its own), the level from
 * {@code --log-level}, else the subcommand's own default (a CLI extension's), else for
 * {@code run} (the daemon) {@code log.level} of the configuration file or info, and for every
 * other command {@code warn}: an operator's command prints its result, not the agent's progress.
 */
final class LogSetup {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private LogSetup() {
    }

    /**
     * @param args             the command-line arguments, scanned for {@code --log-level} and {@code --config}
     * @param env              the environment
     * @param commandLevel     the subcommand's own default level (a CLI extension's, e.g. the demo's
     *                         {@code warn}), or {@code null} for the configuration's
     */
    static void configure(String[] args, Map<String, String> env, String commandLevel) {
        String level = option(args, "--log-level");
        if (level == null) {
            level = commandLevel;
        }
        if (level == null && !"run".equals(subcommand(args))) {
            level = "warn";
        }
        if (level == null) {
            String config = option(args, "--config");
            try {
                level = AgentConfig.load(config == null ? AgentConfig.DEFAULT_FILE : Path.of(config)).logLevel();
            } catch (ConfigException | RuntimeException e) {
                level = "info"; // the subcommand reports the problem once logging works
            }
        }
        boolean systemd = env.containsKey("JOURNAL_STREAM") || env.containsKey("INVOCATION_ID");
        setDefault("defaultLogLevel", level.toLowerCase(Locale.ROOT));
        setDefault("logFile", "System.err");
        setDefault("showDateTime", Boolean.toString(!systemd));
        if (Boolean.parseBoolean(System.getProperty(PREFIX + "showDateTime"))) {
            // only when shown: slf4j-simple builds a SimpleDateFormat (about 120 classes: calendars,
            // locale data) whenever a format is set, and under systemd it is not shown (issue #14)
            setDefault("dateTimeFormat", "HH:mm:ss.SSS");
        }
        setDefault("showThreadName", "false");
        setDefault("showShortLogName", "true");
        setDefault("levelInBrackets", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }

    /** @return the first argument that is not an option (the subcommand), or null */
    static String subcommand(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /** @return the value of {@code --name VALUE} or {@code --name=VALUE}, the last one winning */
    static String option(String[] args, String name) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith(name + "=")) {
                value = args[i].substring(name.length() + 1);
            }
        }
        return value;
    }
}
