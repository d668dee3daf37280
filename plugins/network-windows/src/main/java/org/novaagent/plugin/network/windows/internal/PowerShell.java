/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;

/**
 * One PowerShell session fed a script on stdin ({@code -Command -}): no script file to write, secure
 * and clean up, nothing of the script in argv. With {@code -Command -} PowerShell runs the input line
 * by line, so every generated statement is complete on its line (a block spanning lines would wait
 * for an empty line). Windows PowerShell 5.1 ({@code System32\WindowsPowerShell\v1.0}) by absolute
 * path: present on every Windows Server since 2012, with the NetTCPIP, NetAdapter and DnsClient
 * modules; nothing on {@code PATH} can stand in for it.
 */
final class PowerShell {

    /** The interpreter. */
    static final String EXE = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
    /** The command line: no profile, no prompts, the script on stdin. */
    static final List<String> COMMAND = List.of(EXE, "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
            "-Command", "-");
    /** The first lines of every script: stop on any error, no progress bars in the output. */
    static final String PROLOGUE = "#Requires -RunAsAdministrator\r\n"
            + "Set-StrictMode -Version 3.0\r\n"
            + "$ErrorActionPreference = 'Stop'\r\n"
            + "$ProgressPreference = 'SilentlyContinue'\r\n";

    private PowerShell() {
    }

    /**
     * @param runner  the context's runner (a dry-run runner on a root that is not the live system)
     * @param script  the script, printable ASCII with CRLF line ends
     * @param timeout how long the session may take
     * @return what the session did
     * @throws IOException          PowerShell cannot be started
     * @throws InterruptedException the request was cancelled
     */
    static ProcessResult run(ProcessRunner runner, String script, Duration timeout)
            throws IOException, InterruptedException {
        return runner.run(COMMAND, ascii(script), timeout);
    }

    /**
     * @param script a script
     * @return its bytes for stdin
     * @throws IllegalArgumentException when it holds a character outside printable ASCII, CR and LF
     */
    static byte[] ascii(String script) {
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != '\r' && c != '\n') {
                throw new IllegalArgumentException("generated script holds a character outside printable ASCII at " + i);
            }
        }
        return script.getBytes(StandardCharsets.US_ASCII);
    }
}
