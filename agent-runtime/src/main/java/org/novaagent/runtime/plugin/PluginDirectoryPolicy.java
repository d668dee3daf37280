/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.novaagent.api.HostFacts;
import org.novaagent.runtime.trust.StrictModes;
import org.novaagent.runtime.trust.StrictModes.Kind;
import org.novaagent.runtime.trust.TrustRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which jars of the plugins directory may be loaded: code from them runs as root, so the
 * directory and every jar must pass the host's {@link TrustRule}: {@link StrictModes} (owned by root
 * or the agent's uid, not writable by group or other, no symlinked jar, and the same for every
 * ancestor; sticky ancestors such as {@code /tmp} accepted), or, for a Windows target, the NTFS ACL
 * rule. A problem with the directory or an ancestor refuses every jar; a problem
 * with one jar refuses that jar. {@code --allow-insecure-plugins-dir} turns refusals into loud
 * warnings, and only off the live system (a target root other than {@code /}: tests, image
 * builds); on the live system it is ignored, with an error saying so.
 */
public final class PluginDirectoryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDirectoryPolicy.class);

    private final boolean allowInsecure;
    private final TrustRule rule;

    /** @param allowInsecure when true, problems are logged as warnings instead of refused (tests) */
    public PluginDirectoryPolicy(boolean allowInsecure) {
        this(allowInsecure, false, StrictModes.forThisProcess());
    }

    /**
     * @param allowInsecure {@code --allow-insecure-plugins-dir}
     * @param liveRoot      the target root is {@code /}: the flag is then ignored
     * @param rule          the trust rule
     */
    public PluginDirectoryPolicy(boolean allowInsecure, boolean liveRoot, TrustRule rule) {
        if (allowInsecure && liveRoot) {
            LOG.error("--allow-insecure-plugins-dir is ignored on the live system (target root /): plugin code runs"
                    + " as root; it only applies with --root DIR (tests, image builds)");
        }
        this.allowInsecure = allowInsecure && !liveRoot;
        this.rule = rule;
    }

    /**
     * @param facts         the target's host facts ({@link TrustRule#forHost})
     * @param allowInsecure {@code --allow-insecure-plugins-dir}
     * @param liveRoot      the target root is the live system: the flag is then ignored
     * @return the policy for that target
     */
    public static PluginDirectoryPolicy forHost(HostFacts facts, boolean allowInsecure, boolean liveRoot) {
        return new PluginDirectoryPolicy(allowInsecure, liveRoot, TrustRule.forHost(facts));
    }

    /** @return the trust rule used */
    TrustRule rule() {
        return rule;
    }

    /** @return whether refusals are only warnings */
    boolean insecureAllowed() {
        return allowInsecure;
    }

    /**
     * The jars that may be loaded, and why the others may not.
     *
     * @param dir  the plugins directory (must exist)
     * @param jars the {@code *.jar} entries found in it
     * @return the jars allowed and every problem (each naming a path and a rule)
     */
    public Vetted vet(Path dir, List<Path> jars) {
        List<String> problems = new ArrayList<>();
        List<String> dirProblems = rule.problems(dir, Kind.PLUGINS_DIR);
        if (!dirProblems.isEmpty()) {
            if (!allowInsecure) {
                for (String p : dirProblems) {
                    problems.add(p + "; code from it would run as root, so no jar of it is loaded (fix: " + rule.fix() + ")");
                }
                return new Vetted(List.of(), problems);
            }
            dirProblems.forEach(p -> warnInsecure(p, problems));
        }
        List<Path> allowed = new ArrayList<>();
        for (Path jar : jars) {
            List<String> jarProblems = rule.problems(jar, Kind.PLUGIN_JAR);
            if (jarProblems.isEmpty()) {
                allowed.add(jar);
            } else if (allowInsecure) {
                jarProblems.forEach(p -> warnInsecure(p, problems));
                allowed.add(jar);
            } else {
                jarProblems.forEach(p -> problems.add(p + "; not loaded"));
            }
        }
        return new Vetted(List.copyOf(allowed), problems);
    }

    private static void warnInsecure(String problem, List<String> problems) {
        String loud = "INSECURE: " + problem + " (loading anyway: --allow-insecure-plugins-dir, never use in production)";
        LOG.warn(loud);
        problems.add(loud);
    }

    /**
     * The outcome of {@link #vet}.
     *
     * @param jars     the jars that may be loaded, in the given order
     * @param problems one line per refused (or, when allowed, insecure) path
     */
    public record Vetted(List<Path> jars, List<String> problems) {
    }
}
