/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;

class ResetNetworkHandlerTests {

    private static ResetNetworkHandler handlerFor(NetworkBackend backend) {
        return new ResetNetworkHandler() {
            @Override
            public NetworkBackend backend() {
                return backend;
            }

            @Override
            public CommandResult handle(CommandRequest request, CommandContext context) {
                return CommandResult.ok("");
            }
        };
    }

    @Test
    void everyBackendGetsTheNameItsPriorityTheLongTimeoutAndDryRun() {
        for (NetworkBackend backend : NetworkBackend.values()) {
            ResetNetworkHandler h = handlerFor(backend);
            assertEquals("resetnetwork", h.name());
            assertEquals(backend.priority(), h.priority(), backend::name);
            assertEquals(Optional.of(ResetNetworkFlow.REQUEST_TIMEOUT), h.timeout(), backend::name);
            assertTrue(h.supportsDryRun(), backend::name);
        }
    }
}
