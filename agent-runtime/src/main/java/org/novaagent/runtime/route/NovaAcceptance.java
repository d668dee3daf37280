/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.route;

import java.util.Map;
import java.util.Set;
import org.novaagent.api.CommandResult;

/**
 * nova's acceptance rules, per command, in one table: which {@code returncode} strings nova's
 * XenAPI driver ({@code nova/virt/xenapi/agent.py}, {@code _call_agent(success_codes=...)})
 * counts as success. The runtime uses it so that every failure reaches nova as a failure by
 * construction (issue #10 §1): nova accepts {@code "500"} as success for {@code resetnetwork}
 * ("old FreeBSD and Gentoo agents return 500 on success"), so a failed {@code resetnetwork}
 * must never answer {@code "500"}.
 *
 * <p>The rules (string comparison; a JSON number never matches):
 * <ul>
 *   <li>{@code keyinit}: {@code "D0"} only;</li>
 *   <li>{@code resetnetwork}: {@code "0"} and {@code "500"};</li>
 *   <li>every other command ({@code version}, {@code password}, {@code injectfile},
 *       {@code file_inject}, {@code agentupdate}, {@code kmsactivate}, drop-in commands):
 *       {@code "0"} only. {@code features} is read by the dom0 plugin, which uses the message
 *       whatever the code; it still answers {@code "0"}.</li>
 * </ul>
 * A handler's intended success is the command's <em>canonical</em> code ({@code "D0"} for
 * keyinit, {@code "0"} otherwise). Any other code a handler answers is a failure; when nova would
 * read that code as success (today only {@code "500"} for resetnetwork), {@link #guard} replaces
 * it with {@link #failureCode}. The agent-host simulator's {@code HostReply} applies the same
 * rules from the host side; {@code NovaAcceptanceTests} keeps both in step.
 */
public final class NovaAcceptance {

    /** The code 2.x answers for a failed resetnetwork, and ours where nova accepts 500. */
    public static final String FAILURE_WHERE_500_IS_SUCCESS = "1";

    private static final Set<String> DEFAULT_SUCCESS = Set.of("0");
    private static final Map<String, Set<String>> SUCCESS = Map.of(
            "keyinit", Set.of("D0"),
            "resetnetwork", Set.of("0", "500"));
    private static final Map<String, String> CANONICAL = Map.of("keyinit", "D0");

    private NovaAcceptance() {
    }

    /**
     * @param command a command name as written in the request (null or unknown = default rule)
     * @return the return codes nova counts as success for it
     */
    public static Set<String> successCodes(String command) {
        return command == null ? DEFAULT_SUCCESS : SUCCESS.getOrDefault(command, DEFAULT_SUCCESS);
    }

    /**
     * @param command a command name
     * @param code    a return code
     * @return true when nova would count {@code code} as success for {@code command}
     */
    public static boolean novaAccepts(String command, String code) {
        return successCodes(command).contains(code);
    }

    /**
     * @param command a command name
     * @return the code a handler answers on success: {@code "D0"} for keyinit, {@code "0"} otherwise
     */
    public static String canonicalSuccess(String command) {
        return command == null ? "0" : CANONICAL.getOrDefault(command, "0");
    }

    /**
     * The code the runtime answers when {@code command} failed (handler error, exception, null
     * result, timeout): {@code "500"} where nova rejects it, else {@value #FAILURE_WHERE_500_IS_SUCCESS}.
     *
     * @param command a command name, or null when the request had no readable name
     * @return a code nova counts as failure for that command
     */
    public static String failureCode(String command) {
        return novaAccepts(command, "500") ? FAILURE_WHERE_500_IS_SUCCESS : "500";
    }

    /**
     * Makes a result tell nova the truth: a result whose code is not the canonical success but
     * that nova would accept (a handler's {@code "500"} for resetnetwork) gets
     * {@link #failureCode}, with its message kept. Everything else passes unchanged.
     *
     * @param command the command name
     * @param result  the handler's or runtime's result
     * @return the result as it must be written
     */
    public static CommandResult guard(String command, CommandResult result) {
        String code = result.returnCode();
        if (code.equals(canonicalSuccess(command)) || !novaAccepts(command, code)) {
            return result;
        }
        return CommandResult.of(failureCode(command), result.message());
    }
}
