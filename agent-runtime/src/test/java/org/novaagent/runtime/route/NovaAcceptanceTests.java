/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.novaagent.api.CommandResult;
import org.novaagent.host.HostReply;

/**
 * nova's acceptance table (issue #10 §1) and its consequences: every runtime failure code is one
 * nova rejects for its command, and the host simulator ({@code agent-host}'s {@link HostReply})
 * judges every (command, code) pair exactly as the table says.
 */
class NovaAcceptanceTests {

    private static final List<String> COMMANDS = List.of("version", "features", "keyinit", "password", "resetnetwork",
            "injectfile", "file_inject", "agentupdate", "kmsactivate", "hello");
    private static final List<String> CODES = List.of("0", "D0", "500", "1", "404", "D1", "2", "TIMEOUT");

    @Test
    void theTableIsNovas() {
        assertEquals(Set.of("D0"), NovaAcceptance.successCodes("keyinit"));
        assertEquals(Set.of("0", "500"), NovaAcceptance.successCodes("resetnetwork"));
        for (String c : List.of("version", "password", "injectfile", "file_inject", "agentupdate", "kmsactivate", "hello")) {
            assertEquals(Set.of("0"), NovaAcceptance.successCodes(c), c);
        }
        assertEquals(Set.of("0"), NovaAcceptance.successCodes(null));
    }

    @Test
    void everyFailureCodeIsRejectedByNovaForItsCommand() {
        for (String c : COMMANDS) {
            String code = NovaAcceptance.failureCode(c);
            assertFalse(NovaAcceptance.novaAccepts(c, code), c + " -> " + code);
            assertFalse(NovaAcceptance.novaAccepts(c, ReturnCodes.handlerFailed(c).returnCode()), c);
            assertFalse(NovaAcceptance.novaAccepts(c, ReturnCodes.timedOut(c, "1s").returnCode()), c);
            assertFalse(NovaAcceptance.novaAccepts(c, ReturnCodes.UNKNOWN_COMMAND), c);
        }
        assertEquals("1", NovaAcceptance.failureCode("resetnetwork"));
        assertEquals("500", NovaAcceptance.failureCode("password"));
        assertEquals("500", NovaAcceptance.failureCode(null));
        assertFalse(NovaAcceptance.novaAccepts(null, ReturnCodes.BAD_REQUEST));
    }

    @Test
    void guardTurnsOnlyAcceptedNonCanonicalCodesIntoFailures() {
        assertEquals(CommandResult.of("1", "m"), NovaAcceptance.guard("resetnetwork", CommandResult.of("500", "m")));
        assertEquals(CommandResult.ok("m"), NovaAcceptance.guard("resetnetwork", CommandResult.ok("m")));
        assertEquals(CommandResult.of("2", "m"), NovaAcceptance.guard("resetnetwork", CommandResult.of("2", "m")));
        assertEquals(CommandResult.of("500", "m"), NovaAcceptance.guard("password", CommandResult.of("500", "m")));
        assertEquals(CommandResult.of("D0", "7"), NovaAcceptance.guard("keyinit", CommandResult.of("D0", "7")));
        for (String c : COMMANDS) {
            for (String code : CODES) {
                CommandResult out = NovaAcceptance.guard(c, CommandResult.of(code, "m"));
                boolean intended = code.equals(NovaAcceptance.canonicalSuccess(c));
                assertEquals(intended, NovaAcceptance.novaAccepts(c, out.returnCode()), c + " " + code + " -> " + out);
            }
        }
    }

    @Test
    void theHostSimulatorJudgesLikeTheTable() {
        for (String c : COMMANDS) {
            for (String code : CODES) {
                HostReply reply = new HostReply(code, "", Duration.ZERO);
                assertEquals(NovaAcceptance.novaAccepts(c, code), reply.isSuccessFor(c), c + " " + code);
                assertFalse(new HostReply(code, "", Duration.ZERO, false).isSuccessFor(c), "a JSON number never succeeds");
            }
        }
        assertTrue(new HostReply("500", "", Duration.ZERO).isSuccessFor("resetnetwork"));
    }
}
