/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;

/**
 * Hand-made handlers for loop tests: {@code version} (echoes a fixed version and records the ids
 * it served, in order), {@code sleep} (sleeps {@code value} ms, honouring interrupts),
 * {@code stuck} (ignores interrupts until released), {@code boom} (throws) and {@code readkey}
 * (reads the XenStore key named by its value through the handler's view).
 */
public final class TestHandlers {

    /** The version the {@code version} handler answers. */
    public static final String VERSION = "9.8.7";

    private final List<String> served = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    /** @return ids served by {@code version}, in call order */
    public List<String> served() {
        return List.copyOf(served);
    }

    /** @return how many times any handler was called */
    public int calls() {
        return calls.get();
    }

    /** Lets {@code stuck} handlers return. */
    public void releaseStuck() {
        release.countDown();
    }

    /** @return all the handlers */
    public List<CommandHandler> all() {
        return List.of(
                handler("version", (request, context) -> {
                    served.add(request.id());
                    return CommandResult.ok(VERSION);
                }),
                handler("sleep", (request, context) -> {
                    Thread.sleep(Long.parseLong(request.value()));
                    return CommandResult.ok("slept");
                }),
                handler("stuck", (request, context) -> {
                    boolean done = false;
                    while (!done) {
                        try {
                            release.await();
                            done = true;
                        } catch (InterruptedException ignored) {
                            // deliberately stuck: ignores interruption
                        }
                    }
                    return CommandResult.ok("released");
                }),
                handler("boom", (request, context) -> {
                    throw new IllegalStateException("handler exploded");
                }),
                handler("readkey", (request, context) ->
                        CommandResult.ok(context.xenStore().read(request.value()).orElse("<none>"))));
    }

    /** The body of a test handler. */
    @FunctionalInterface
    interface Body {
        CommandResult handle(CommandRequest request, CommandContext context) throws Exception;
    }

    private CommandHandler handler(String name, Body body) {
        return new CommandHandler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CommandResult handle(CommandRequest request, CommandContext context)
                    throws InterruptedException {
                calls.incrementAndGet();
                try {
                    return body.handle(request, context);
                } catch (InterruptedException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
