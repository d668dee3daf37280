/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.novaagent.runtime.AgentAssembly;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.config.ConfigException;
import org.novaagent.runtime.config.ConfigFileTrust;
import org.novaagent.runtime.doctor.Doctor;
import org.novaagent.runtime.doctor.DoctorContext;
import org.novaagent.runtime.doctor.Finding;
import org.novaagent.runtime.trust.StrictModes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent doctor}: checks what support would check (XenStore, the service, handlers, other
 * tools' network configuration, permissions, clock, disk, state directory, the last requests) and
 * prints one line per finding, {@code ok}, {@code warn} or {@code FAIL} with the fix; exit 1 when
 * anything fails. Under {@code --root} it checks that root, including its own
 * {@code etc/nova-agent/agent.conf} and {@code usr/lib/nova-agent/plugins}.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = "Check this server the way support would: one line per check (ok, warn, FAIL with the fix);"
                + " exit 1 on a failure.",
        footer = ExitCodes.FOOTER)
public final class DoctorCommand implements Callable<Integer> {

    /** No correct clock reads earlier than this agent's first release. */
    static final Instant RELEASE_FLOOR = Instant.parse("2026-01-01T00:00:00Z");

    @Spec
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "Root to check (default: ${DEFAULT-VALUE}); its own agent.conf and plugins directory are checked.")
    Path root;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: <root>/etc/nova-agent/agent.conf).")
    Path config;

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "Plugins directory (default: plugins.dir of the config, under the root).")
    Path pluginsDir;

    @Option(names = "--xenstore", paramLabel = "PATH", description = "XenStore device or socket (default: detected).")
    Path xenstore;

    @Option(names = "--json", description = "Print a JSON array of {check, level, message, fix} instead.")
    boolean json;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "trace, debug, info, warn, error or off (default: warn).")
    String logLevel;

    @Override
    public Integer call() {
        Path r = root.toAbsolutePath().normalize();
        Path configFile = config != null ? config : r.resolve(AgentConfig.DEFAULT_FILE.toString().substring(1));
        AgentConfig cfg = load(configFile);
        Path plugins = pluginsDir != null ? pluginsDir : r.resolve(cfg.pluginsDir().toString().replaceFirst("^/+", ""));
        Optional<Path> xs = Optional.ofNullable(xenstore).or(() -> cfg.xenstorePath().map(Path::of));
        AgentAssembly agent = AgentAssembly.build(r, plugins, cfg, false);
        DoctorContext ctx = new DoctorContext(agent, configFile, xs, Clock.systemUTC(), RELEASE_FLOOR, DoctorContext.DEFAULT_MIN_FREE);
        List<Finding> findings = Doctor.standard().run(ctx);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(findings) : text(findings));
        out.flush();
        return Doctor.healthy(findings) ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static AgentConfig load(Path file) {
        try {
            return ConfigFileTrust.load(file, StrictModes.forThisProcess());
        } catch (ConfigException e) {
            return AgentConfig.defaults(); // the trust check names the file; the error is logged
        }
    }

    /** @return one line per finding and a summary line */
    static String text(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            String level = f.level() == Finding.Level.FAIL ? "FAIL" : f.level().name().toLowerCase(Locale.ROOT);
            sb.append(String.format("%-4s  %-9s %s", level, f.check(), f.message()));
            if (!f.fix().isEmpty()) {
                sb.append(" -- fix: ").append(f.fix());
            }
            sb.append(System.lineSeparator());
        }
        long fails = findings.stream().filter(f -> f.level() == Finding.Level.FAIL).count();
        long warns = findings.stream().filter(f -> f.level() == Finding.Level.WARN).count();
        sb.append(fails == 0 && warns == 0 ? "doctor: all " + findings.size() + " checks ok"
                : "doctor: " + fails + " failed, " + warns + " warnings, " + (findings.size() - fails - warns) + " ok");
        return sb.toString();
    }

    static String toJson(List<Finding> findings) {
        ArrayNode array = new ObjectMapper().createArrayNode();
        for (Finding f : findings) {
            ObjectNode o = array.addObject();
            o.put("check", f.check());
            o.put("level", f.level().name().toLowerCase(Locale.ROOT));
            o.put("message", f.message());
            o.put("fix", f.fix());
        }
        return array.toPrettyString();
    }
}
