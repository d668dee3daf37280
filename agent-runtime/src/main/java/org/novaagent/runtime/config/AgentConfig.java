/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The agent's configuration ({@code /etc/nova-agent/agent.conf}): simple {@code key = value}
 * lines, {@code #} comments and {@code [section]} headers that prefix keys with
 * {@code section.}. Known keys are validated here; every key is also visible to handlers
 * through {@code CommandContext.setting}. Immutable; CLI options are applied with
 * {@link #with(String, String)}.
 */
public final class AgentConfig {

    /** Where the agent looks when {@code --config} is not given ({@link AgentPaths}: Linux or Windows). */
    public static final Path DEFAULT_FILE = AgentPaths.forThisJvm().configFile();
    /** The default plugins directory on this platform. */
    public static final String DEFAULT_PLUGINS_DIR = AgentPaths.forThisJvm().pluginsDir().toString();

    /** Keys whose values must be whole numbers of seconds. */
    private static final List<String> SECONDS_KEYS = List.of("timeout.default", "rescan.interval", "replies.grace");
    private static final List<String> LOG_LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    private final Map<String, String> values;
    private final Path source;

    private AgentConfig(Map<String, String> values, Path source) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.source = source;
    }

    /** @return the built-in defaults, as if no file existed */
    public static AgentConfig defaults() {
        return new AgentConfig(Map.of(), null);
    }

    /**
     * Reads a configuration file. A missing file gives the defaults.
     *
     * @param file the file
     * @return the configuration
     * @throws ConfigException when the file cannot be read or a line is malformed
     */
    public static AgentConfig load(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new AgentConfig(Map.of(), null);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file, 0, "not valid UTF-8");
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage());
        }
        return parse(file, lines);
    }

    /**
     * Parses configuration text.
     *
     * @param file  the file name used in error messages
     * @param lines the lines
     * @return the configuration
     * @throws ConfigException naming the first malformed line
     */
    public static AgentConfig parse(Path file, List<String> lines) throws ConfigException {
        Map<String, String> values = new TreeMap<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3 || !validKey(line.substring(1, line.length() - 1).strip())) {
                    throw new ConfigException(file, lineNo, "malformed section header '" + line + "' (expected [name])");
                }
                section = line.substring(1, line.length() - 1).strip() + ".";
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(file, lineNo, "expected 'key = value', found no '='");
            }
            String key = line.substring(0, eq).strip();
            if (!validKey(key)) {
                throw new ConfigException(file, lineNo, "invalid key '" + key + "' (letters, digits, '.', '-', '_')");
            }
            String fullKey = (section + key).toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            String problem = validate(fullKey, value);
            if (problem != null) {
                throw new ConfigException(file, lineNo, problem);
            }
            if (values.put(fullKey, value) != null) {
                throw new ConfigException(file, lineNo, "duplicate key '" + fullKey + "'");
            }
        }
        return new AgentConfig(values, file);
    }

    private static boolean validKey(String key) {
        return !key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_');
    }

    /** @return a problem description, or null when the value is acceptable for the key */
    private static String validate(String key, String value) {
        if (SECONDS_KEYS.contains(key) || key.startsWith("timeout.")) {
            try {
                long v = Long.parseLong(value);
                if (v <= 0) {
                    return key + " must be a positive number of seconds, got '" + value + "'";
                }
            } catch (NumberFormatException e) {
                return key + " must be a whole number of seconds, got '" + value + "'";
            }
        }
        if (key.equals("log.level") && !LOG_LEVELS.contains(value.toLowerCase(Locale.ROOT))) {
            return "log.level must be one of " + LOG_LEVELS + ", got '" + value + "'";
        }
        if ((key.equals("plugins.dir") || key.equals("xenstore.path")) && value.isEmpty()) {
            return key + " must not be empty";
        }
        return null;
    }

    /**
     * Returns a copy with one key overridden (how CLI options win over the file).
     *
     * @param key   the key
     * @param value the value, or null to leave the configuration unchanged
     * @return the new configuration
     * @throws IllegalArgumentException when the value is not acceptable for the key
     */
    public AgentConfig with(String key, String value) {
        if (value == null) {
            return this;
        }
        String problem = validate(key, value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new AgentConfig(copy, source);
    }

    /** @return the file this came from, if one was read */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /**
     * @param key a key such as {@code password.user}
     * @return the configured value
     */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(values.get(key.toLowerCase(Locale.ROOT)));
    }

    /** @return every configured key and value, sorted */
    public Map<String, String> asMap() {
        return values;
    }

    /** @return {@code plugins.dir}, default {@value #DEFAULT_PLUGINS_DIR} */
    public Path pluginsDir() {
        return Path.of(values.getOrDefault("plugins.dir", DEFAULT_PLUGINS_DIR));
    }

    /** @return {@code xenstore.path}; empty means "detect" */
    public Optional<String> xenstorePath() {
        return setting("xenstore.path");
    }

    /** @return {@code timeout.default}, default 30 s */
    public Duration defaultTimeout() {
        return seconds("timeout.default", 30);
    }

    /**
     * @param command a command name
     * @return {@code timeout.<command>} when the operator set it; else empty (the handler's own
     *         {@code timeout()}, else {@link #defaultTimeout()}, applies)
     */
    public Optional<Duration> timeoutFor(String command) {
        String key = "timeout." + command.toLowerCase(Locale.ROOT);
        return values.containsKey(key) ? Optional.of(seconds(key, 0)) : Optional.empty();
    }

    /** @return {@code rescan.interval}, default 60 s */
    public Duration rescanInterval() {
        return seconds("rescan.interval", 60);
    }

    /** @return {@code replies.grace}, default 300 s */
    public Duration repliesGrace() {
        return seconds("replies.grace", 300);
    }

    /** @return {@code log.level} in lower case, default {@code info} */
    public String logLevel() {
        return values.getOrDefault("log.level", "info").toLowerCase(Locale.ROOT);
    }

    private Duration seconds(String key, long fallback) {
        String v = values.get(key);
        return Duration.ofSeconds(v == null ? fallback : Long.parseLong(v));
    }

    @Override
    public String toString() {
        return "AgentConfig" + values.keySet();
    }
}
