/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;

/**
 * A recording stand-in for {@code powershell.exe -Command -}: keeps every session's argv and script,
 * answers the adapter query with a {@link HostState} in the query's output format, and runs an apply
 * script the way {@code Invoke-NovaStep} reports it: {@code ok <n>} per step, or {@code failed <n>
 * <message>} and exit 1 at the step told to fail (per session, counted from the first apply session).
 */
final class FakePowerShell implements ProcessRunner {

    /** @param readOnly the session came through {@link ProcessRunner#runReadOnly} */
    record Session(List<String> command, String script, Duration timeout, boolean readOnly) {
    }

    private static final Pattern STEP = Pattern.compile("^Invoke-NovaStep (\\d+) \\{", Pattern.MULTILINE);

    private final List<Session> sessions = new ArrayList<>();
    private final Map<Integer, Integer> failAt = new HashMap<>();
    private HostState state;
    private int applySessions;
    private boolean execute = true;
    private boolean dryRun;

    FakePowerShell(HostState state) {
        this.state = state;
    }

    /** The n-th apply session (1-based) fails at step {@code step}. */
    FakePowerShell failSession(int session, int step) {
        failAt.put(session, step);
        return this;
    }

    /** Behaves like the runtime's runner on a root that is not the live system: logs, runs nothing. */
    FakePowerShell notExecuting() {
        execute = false;
        return this;
    }

    /**
     * Behaves like the runtime's runner for a dry run on the live system: executes only what is marked
     * read-only, logs everything else.
     */
    FakePowerShell dryRunOnLiveSystem() {
        dryRun = true;
        return this;
    }

    void state(HostState newState) {
        state = newState;
    }

    List<Session> sessions() {
        return List.copyOf(sessions);
    }

    List<Session> applySessions() {
        return sessions.stream().filter(s -> !s.script().equals(AdapterQuery.SCRIPT)).toList();
    }

    @Override
    public synchronized ProcessResult run(List<String> command, byte[] stdin, Duration timeout) {
        return session(command, stdin, timeout, false);
    }

    @Override
    public synchronized ProcessResult runReadOnly(List<String> command, byte[] stdin, Duration timeout) {
        return session(command, stdin, timeout, true);
    }

    private ProcessResult session(List<String> command, byte[] stdin, Duration timeout, boolean readOnly) {
        String script = new String(stdin, StandardCharsets.US_ASCII);
        sessions.add(new Session(command, script, timeout, readOnly));
        if (!execute || (dryRun && !readOnly)) {
            return ProcessResult.notExecuted();
        }
        if (script.equals(AdapterQuery.SCRIPT)) {
            return new ProcessResult(0, QueryOutput.of(state), "", true);
        }
        int session = ++applySessions;
        int failing = failAt.getOrDefault(session, -1);
        StringBuilder out = new StringBuilder();
        Matcher m = STEP.matcher(script);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n == failing) {
                out.append("failed ").append(n).append(" Instance MSFT_NetIPAddress already exists.\r\n");
                return new ProcessResult(1, out.toString(), "", true);
            }
            out.append("ok ").append(n).append("\r\n");
        }
        return new ProcessResult(0, out.toString(), "", true);
    }
}
