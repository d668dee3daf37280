/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.novaagent.api.CommandResult;

class CommandExecutorTests {

    @Test
    void returnsTheResultOnTheWorkerThread() throws Exception {
        try (CommandExecutor executor = new CommandExecutor(Duration.ofMillis(100))) {
            AtomicReference<String> thread = new AtomicReference<>();
            CommandResult r = executor.run("version", Duration.ofSeconds(5), () -> {
                thread.set(Thread.currentThread().getName());
                return CommandResult.ok("1");
            });
            assertEquals(CommandResult.ok("1"), r);
            assertTrue(thread.get().startsWith("nova-agent-worker-"), thread.get());
        }
    }

    @Test
    void interruptsATimedOutCommandAndKeepsTheWorker() throws Exception {
        try (CommandExecutor executor = new CommandExecutor(Duration.ofSeconds(2))) {
            AtomicBoolean interrupted = new AtomicBoolean();
            AtomicReference<String> first = new AtomicReference<>();
            CommandResult r = executor.run("resetnetwork", Duration.ofMillis(100), () -> {
                first.set(Thread.currentThread().getName());
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                }
                return CommandResult.ok();
            });
            // nova accepts "500" for resetnetwork, so its timeout answers "1" (issue #10)
            assertEquals(CommandResult.of("1", "Command 'resetnetwork' timed out after 0.1s"), r);
            assertTrue(interrupted.get());
            AtomicReference<String> second = new AtomicReference<>();
            executor.run("version", Duration.ofSeconds(5), () -> {
                second.set(Thread.currentThread().getName());
                return CommandResult.ok();
            });
            assertEquals(first.get(), second.get());
        }
    }

    @Test
    void abandonsAWorkerThatIgnoresInterrupts() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (CommandExecutor executor = new CommandExecutor(Duration.ofMillis(100))) {
            AtomicReference<String> first = new AtomicReference<>();
            CommandResult r = executor.run("stuck", Duration.ofMillis(100), () -> {
                first.set(Thread.currentThread().getName());
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        // deliberately stuck
                    }
                }
                return CommandResult.ok();
            });
            assertEquals("500", r.returnCode());
            AtomicReference<String> second = new AtomicReference<>();
            CommandResult next = executor.run("version", Duration.ofSeconds(5), () -> {
                second.set(Thread.currentThread().getName());
                return CommandResult.ok("next");
            });
            assertEquals(CommandResult.ok("next"), next);
            assertNotEquals(first.get(), second.get());
        } finally {
            release.countDown();
        }
    }

    @Test
    void formatsSeconds() {
        assertEquals("30s", CommandExecutor.seconds(Duration.ofSeconds(30)));
        assertEquals("0.25s", CommandExecutor.seconds(Duration.ofMillis(250)));
    }
}
