/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import java.time.Duration;
import java.util.Objects;

/**
 * The agent's answer to one host call, interpreted exactly as nova's XenServer driver does:
 * return codes are compared as strings, so a JSON number {@code 500} (what the 2.x agent sends
 * for password errors) is never a success.
 *
 * @param returnCode     the {@code returncode} as text, or {@link #TIMEOUT} / {@link #MALFORMED}
 * @param message        the {@code message} with literal {@code \r\n} sequences removed (nova does this)
 * @param latency        time from writing the request to seeing the reply
 * @param codeWasString  true when the agent sent {@code returncode} as a JSON string
 */
public record HostReply(String returnCode, String message, Duration latency, boolean codeWasString) {

    /** Pseudo return code: no reply within the timeout (nova raises {@code TIMEOUT:}). */
    public static final String TIMEOUT = "TIMEOUT";
    /** Pseudo return code: the reply was not a JSON object with a {@code returncode}. */
    public static final String MALFORMED = "MALFORMED";

    /** Validates the components. */
    public HostReply {
        Objects.requireNonNull(returnCode, "returnCode");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(latency, "latency");
    }

    /** A reply whose return code was a JSON string. */
    public HostReply(String returnCode, String message, Duration latency) {
        this(returnCode, message, latency, true);
    }

    /** @return true for the string {@code "0"}: nova's rule for every call except keyinit and resetnetwork */
    public boolean isSuccess() {
        return codeWasString && "0".equals(returnCode);
    }

    /** @return true for the string {@code "D0"}, keyinit's success code */
    public boolean isKeyInitSuccess() {
        return codeWasString && "D0".equals(returnCode);
    }

    /** @return true for the strings {@code "0"} or {@code "500"} (old FreeBSD/Gentoo agents answer 500) */
    public boolean isResetNetworkSuccess() {
        return codeWasString && ("0".equals(returnCode) || "500".equals(returnCode));
    }

    /**
     * nova's rule for a call by the name written in the request ({@code _call_agent(success_codes=...)}
     * in {@code nova/virt/xenapi/agent.py}): {@code keyinit} → {@code "D0"}; {@code resetnetwork} →
     * {@code "0"} or {@code "500"}; every other command → {@code "0"}. Strings only.
     *
     * @param command the command name of the request
     * @return whether nova would count this reply as success
     */
    public boolean isSuccessFor(String command) {
        return switch (command) {
            case "keyinit" -> isKeyInitSuccess();
            case "resetnetwork" -> isResetNetworkSuccess();
            default -> isSuccess();
        };
    }

    /** @return true when the agent did not answer in time */
    public boolean isTimeout() {
        return TIMEOUT.equals(returnCode) && !codeWasString;
    }

    /**
     * Removes the literal four characters {@code \r\n} the way nova does
     * ("some old versions of the Windows agent have a trailing \\r\\n").
     *
     * @param message raw message
     * @return the cleaned message
     */
    public static String stripLiteralCrLf(String message) {
        return message.replace("\\r\\n", "");
    }
}
