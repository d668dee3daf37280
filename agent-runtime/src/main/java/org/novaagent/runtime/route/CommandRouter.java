/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.route;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.XenStoreView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a parsed request to the selected handler for its name and maps every outcome to a
 * {@link CommandResult}: unknown names to 404, handler exceptions to 500. Never throws except
 * {@link InterruptedException} (cancellation), so a bad handler can never kill the agent.
 */
public final class CommandRouter {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

    /** Creates the per-request context handed to handlers. */
    @FunctionalInterface
    public interface ContextFactory {
        CommandContext create(CommandRequest request, XenStoreView xenStore);
    }

    private final Map<String, CommandHandler> handlers;
    private final ContextFactory contexts;

    /**
     * @param selected the selected handler per command name
     * @param contexts creates handler contexts
     */
    public CommandRouter(Map<String, CommandHandler> selected, ContextFactory contexts) {
        this.handlers = Collections.unmodifiableMap(new TreeMap<>(selected));
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    /** @return the routable command names, sorted */
    public Set<String> commandNames() {
        return handlers.keySet();
    }

    /**
     * Handles one request.
     *
     * @param request  the parsed request
     * @param xenStore read-only XenStore access for the handler
     * @return the result to write back, never {@code null}
     * @throws InterruptedException when the calling thread was interrupted (timeout, shutdown)
     */
    public CommandResult route(CommandRequest request, XenStoreView xenStore) throws InterruptedException {
        CommandHandler handler = handlers.get(request.name());
        if (handler == null) {
            LOG.warn("request {}: unknown command '{}'", request.id(), request.name());
            return CommandResult.of(ReturnCodes.UNKNOWN_COMMAND, ReturnCodes.unknownCommandMessage(request.name()));
        }
        try {
            CommandResult result = handler.handle(request, contexts.create(request, xenStore));
            if (result == null) {
                LOG.error("request {}: handler {} returned null", request.id(), handler.getClass().getName());
                return CommandResult.of(ReturnCodes.HANDLER_FAILED, "Internal error in command '" + request.name() + "'");
            }
            return result;
        } catch (CommandException e) {
            LOG.warn("request {}: {} failed: {} {}", request.id(), request.name(), e.returnCode(), e.getMessage(), e.getCause());
            return e.toResult();
        } catch (InterruptedException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                LOG.error("request {}: {} hit {}", request.id(), request.name(), e.toString());
            } else {
                LOG.error("request {}: {} threw", request.id(), request.name(), e);
            }
            return CommandResult.of(ReturnCodes.HANDLER_FAILED,
                    "Internal error in command '" + request.name() + "': " + e.getClass().getSimpleName());
        }
    }
}
