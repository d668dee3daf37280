/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The script that applies a list of changes, and the reading of its output. Each change runs as a
 * numbered step in {@code Invoke-NovaStep}: it prints {@code ok <n>} when the step succeeded and
 * {@code failed <n> <message>} when it threw, then stops the session with exit code 1. The steps
 * after a failure are skipped even if {@code exit} did not end the session, so the output tells
 * exactly which steps were applied and can be undone.
 */
final class PowerShellScript {

    static final String STEP_FUNCTION = "function Invoke-NovaStep([int]$n, [scriptblock]$action) {"
            + " if ($global:NovaFailed) { return };"
            + " try { $null = & $action; [Console]::Out.WriteLine('ok ' + $n) }"
            + " catch { $global:NovaFailed = $true;"
            + " [Console]::Out.WriteLine('failed ' + $n + ' ' + ($_.Exception.Message -replace '[\\r\\n]+', ' '));"
            + " [Console]::Out.Flush(); exit 1 } }";

    private static final Pattern OK = Pattern.compile("ok (\\d+)");
    private static final Pattern FAILED = Pattern.compile("failed (\\d+) ?(.*)");

    private PowerShellScript() {
    }

    /**
     * @param changes the steps, in order
     * @return the whole script, CRLF line ends, one statement per line
     */
    static String of(List<Change> changes) {
        StringBuilder s = new StringBuilder(PowerShell.PROLOGUE);
        s.append("$global:NovaFailed = $false\r\n").append(STEP_FUNCTION).append("\r\n");
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            s.append("Invoke-NovaStep ").append(i + 1).append(" { ").append(c.statement()).append(" }\r\n");
        }
        s.append("if ($global:NovaFailed) { exit 1 } else { exit 0 }\r\n");
        return s.toString();
    }

    /**
     * What the session reported.
     *
     * @param applied how many steps, from the first, reported {@code ok} without a gap
     * @param failure the first failed step and its message, if any
     */
    record Progress(int applied, Optional<String> failure) {
    }

    /**
     * @param stdout  the session's output
     * @param changes the steps the script held
     * @return the steps applied and the failure named with its step
     */
    static Progress read(String stdout, List<Change> changes) {
        List<Integer> ok = new ArrayList<>();
        Optional<String> failure = Optional.empty();
        for (String line : stdout.split("\r?\n")) {
            Matcher m = OK.matcher(line.strip());
            Matcher f = FAILED.matcher(line.strip());
            if (m.matches()) {
                ok.add(Integer.parseInt(m.group(1)));
            } else if (f.matches() && failure.isEmpty()) {
                int n = Integer.parseInt(f.group(1));
                String what = n >= 1 && n <= changes.size() ? changes.get(n - 1).describe() : "step " + n;
                failure = Optional.of(what + ": " + f.group(2).strip());
            }
        }
        int applied = 0;
        while (applied < ok.size() && ok.get(applied) == applied + 1) {
            applied++;
        }
        return new Progress(Math.min(applied, changes.size()), failure);
    }
}
