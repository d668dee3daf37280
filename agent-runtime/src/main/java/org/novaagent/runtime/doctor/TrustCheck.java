/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.novaagent.runtime.trust.StrictModes;
import org.novaagent.runtime.trust.StrictModes.Kind;

/**
 * Permissions of the plugins directory (and its jars) and of the configuration file, by the rule
 * the agent itself applies when it loads them ({@link StrictModes}): anything it would refuse is a
 * failure here, with the command that fixes it.
 */
final class TrustCheck implements DoctorCheck {

    private static final String NAME = "trust";

    @Override
    public List<Finding> run(DoctorContext ctx) throws IOException {
        StrictModes modes = StrictModes.forThisProcess();
        List<Finding> out = new ArrayList<>();
        Path config = ctx.configFile();
        if (!StrictModes.appliesTo(config)) {
            out.add(Finding.ok(NAME, "no POSIX permissions here: owner/mode rule not applicable"));
            return out;
        }
        if (!Files.exists(config, LinkOption.NOFOLLOW_LINKS)) {
            out.add(Finding.ok(NAME, "no " + config + ": the agent runs with its defaults"));
        } else {
            out.add(verdict(config, modes.problems(config, Kind.CONFIG_FILE),
                    "the agent ignores this file and runs with its defaults"));
        }
        Path plugins = ctx.agent().pluginsDir();
        if (!Files.exists(plugins, LinkOption.NOFOLLOW_LINKS)) {
            out.add(Finding.ok(NAME, "no plugins directory " + plugins + " (no drop-in plugins)"));
            return out;
        }
        List<String> problems = new ArrayList<>(modes.problems(plugins, Kind.PLUGINS_DIR));
        if (problems.isEmpty() && Files.isDirectory(plugins, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(plugins, "*.jar")) {
                for (Path jar : jars) {
                    problems.addAll(modes.problems(jar, Kind.PLUGIN_JAR));
                }
            }
        }
        out.add(verdict(plugins, problems, "the agent refuses these plugins"));
        return out;
    }

    private static Finding verdict(Path path, List<String> problems, String consequence) {
        if (problems.isEmpty()) {
            return Finding.ok(NAME, path + ": owned by root, writable by root only");
        }
        return Finding.fail(NAME, String.join("; ", problems) + " (" + consequence + ")",
                "chown root:root and chmod go-w each path named (a symbolic link: replace it with the file itself)");
    }
}
