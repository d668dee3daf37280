/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.StartupAction;
import org.novaagent.api.XenStoreView;
import org.novaagent.runtime.route.CommandRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link StartupAction#onStart} of every selected handler that has one, once each, in
 * command-name order, before the XenStore loop starts (the view refuses reads). A failure is
 * logged and the next action runs: start-up actions never stop the agent.
 */
final class StartupActions {

    private static final Logger LOG = LoggerFactory.getLogger(StartupActions.class);

    /** What start-up actions see: XenStore is not connected yet. */
    static final XenStoreView NO_XENSTORE = new XenStoreView() {
        @Override
        public Optional<String> read(String path) throws IOException {
            throw new IOException("XenStore is not connected during start-up actions");
        }

        @Override
        public List<String> list(String path) throws IOException {
            throw new IOException("XenStore is not connected during start-up actions");
        }
    };

    private StartupActions() {
    }

    static void run(Map<String, CommandHandler> selected, CommandRouter.ContextFactory contexts) throws InterruptedException {
        Set<CommandHandler> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, CommandHandler> e : new TreeMap<>(selected).entrySet()) {
            if (!(e.getValue() instanceof StartupAction) || !done.add(e.getValue())) {
                continue;
            }
            CommandRequest request = CommandRequest.of("startup", e.getKey(), "");
            try {
                ((StartupAction) e.getValue()).onStart(contexts.create(request, NO_XENSTORE));
                LOG.debug("start-up action of {} done", e.getKey());
            } catch (CommandException | RuntimeException ex) {
                LOG.warn("start-up action of {} failed: {}", e.getKey(), ex.getMessage());
            }
        }
    }
}
