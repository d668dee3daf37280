/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.route;

import java.nio.file.Path;
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
 * {@link CommandResult}: unknown names to 404, handler exceptions and null results to the
 * command's failure code ({@link NovaAcceptance#failureCode}), and every result through
 * {@link NovaAcceptance#guard}, so that no failure of any handler (built-in or drop-in) reads as
 * success to nova. Failure messages pass through {@link ReplySanitizer}. Never throws except
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
    private final ReplySanitizer sanitizer;
    private final Map<String, String> unroutable;

    /**
     * A router for the live root {@code /}.
     *
     * @param selected the selected handler per command name
     * @param contexts creates handler contexts
     */
    public CommandRouter(Map<String, CommandHandler> selected, ContextFactory contexts) {
        this(selected, contexts, Path.of("/"));
    }

    /**
     * @param selected the selected handler per command name
     * @param contexts creates handler contexts
     * @param root     the target root; failure messages show paths under it as the guest sees them
     */
    public CommandRouter(Map<String, CommandHandler> selected, ContextFactory contexts, Path root) {
        this(selected, contexts, root, Map.of());
    }

    /**
     * @param selected   the selected handler per command name
     * @param contexts   creates handler contexts
     * @param root       the target root; failure messages show paths under it as the guest sees them
     * @param unroutable for commands that have handlers but none routed here, why each one is not
     *                   (e.g. {@code debian (ifup not found), netplan (no etc/netplan)}); the 404 names it
     */
    public CommandRouter(Map<String, CommandHandler> selected, ContextFactory contexts, Path root,
                         Map<String, String> unroutable) {
        this.unroutable = Map.copyOf(unroutable);
        this.handlers = Collections.unmodifiableMap(new TreeMap<>(selected));
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.sanitizer = new ReplySanitizer(root);
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
        CommandResult result = dispatch(request, xenStore);
        CommandResult guarded = NovaAcceptance.guard(request.name(), result);
        if (!guarded.returnCode().equals(result.returnCode())) {
            LOG.warn("request {}: {} answered {}, which nova reads as success; answering {} (failure)",
                    request.id(), request.name(), result.returnCode(), guarded.returnCode());
        }
        if (guarded.returnCode().equals(NovaAcceptance.canonicalSuccess(request.name()))) {
            return guarded;
        }
        return CommandResult.of(guarded.returnCode(), sanitizer.clean(guarded.message()));
    }

    private CommandResult dispatch(CommandRequest request, XenStoreView xenStore) throws InterruptedException {
        CommandHandler handler = handlers.get(request.name());
        if (handler == null) {
            String why = request.name() == null ? null : unroutable.get(request.name());
            if (why != null) {
                String message = ReturnCodes.noApplicableHandlerMessage(request.name(), why);
                LOG.warn("request {}: {}", request.id(), message);
                return CommandResult.of(ReturnCodes.UNKNOWN_COMMAND, message);
            }
            LOG.warn("request {}: unknown command '{}'", request.id(), request.name());
            return CommandResult.of(ReturnCodes.UNKNOWN_COMMAND, ReturnCodes.unknownCommandMessage(request.name()));
        }
        try {
            CommandResult result = handler.handle(request, contexts.create(request, xenStore));
            if (result == null) {
                LOG.error("request {}: handler {} returned null", request.id(), handler.getClass().getName());
                return ReturnCodes.handlerFailed(request.name());
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
            return ReturnCodes.handlerFailed(request.name());
        }
    }
}
