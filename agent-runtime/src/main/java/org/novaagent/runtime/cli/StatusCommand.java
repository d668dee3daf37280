/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.novaagent.runtime.history.HistoryEntry;
import org.novaagent.runtime.facts.HostFactsProbe;
import org.novaagent.runtime.history.RequestHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent status}: the last requests the agent answered (from {@link RequestHistory}), one
 * line each with time (UTC), command, return code, duration and the first line of the message.
 * Reads only the history file: no plugin is loaded, nothing is written.
 */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = "Show the last requests the agent answered: time (UTC), command, return code, duration, message.",
        footer = ExitCodes.FOOTER)
public final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/",
            description = "Target root whose " + RequestHistory.STATE_DIR + "/" + RequestHistory.FILE
                    + " is read (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = {"-n", "--last"}, paramLabel = "N", defaultValue = "20",
            description = "How many requests, newest last (default: ${DEFAULT-VALUE}, at most "
                    + RequestHistory.DEFAULT_LIMIT + ").")
    int last;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (last < 1) {
            err.println("status: --last must be at least 1");
            err.flush();
            return ExitCodes.USAGE;
        }
        Path target = root.toAbsolutePath().normalize();
        RequestHistory history = RequestHistory.forHost(target, new HostFactsProbe().probe(target));
        List<HistoryEntry> entries;
        try {
            entries = history.last(last);
        } catch (IOException e) {
            err.println("status: cannot read " + history.file() + ": " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        if (json) {
            out.println(toJson(entries));
        } else if (entries.isEmpty()) {
            out.println("no request answered yet (" + history.file() + " is empty or missing)");
        } else {
            out.println(table(entries));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String table(List<HistoryEntry> entries) {
        StringBuilder sb = new StringBuilder(String.format("%-19s  %-14s %-4s %8s  %s", "TIME (UTC)", "COMMAND", "RC", "MS", "MESSAGE"));
        for (HistoryEntry e : entries) {
            sb.append(System.lineSeparator()).append(String.format("%-19s  %-14s %-4s %8d  %s",
                    TIME.format(e.time().truncatedTo(ChronoUnit.SECONDS)), e.command(), e.returnCode(), e.millis(), e.message()));
        }
        return sb.toString();
    }

    static String toJson(List<HistoryEntry> entries) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (HistoryEntry e : entries) {
            ObjectNode o = array.addObject();
            o.put("time", e.time().toString());
            o.put("id", e.id());
            o.put("command", e.command());
            o.put("returncode", e.returnCode());
            o.put("ms", e.millis());
            o.put("message", e.message());
        }
        return array.toPrettyString();
    }
}
