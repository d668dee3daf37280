/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice.nativeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service dispatcher through its real jnr-ffi binding ({@link ServiceApi}) against the C
 * stand-in of the service control manager: the dispatch table, ServiceMain on a thread of its
 * own, controls on the dispatcher thread, and every SERVICE_STATUS field as Windows reads it.
 */
class ServiceDispatcherTests {

    private final FakeScm scm = FakeScm.load();

    /** An agent body that serves until stopped, then exits with {@code exit}. */
    private static final class Body implements ServiceDispatcher.Body {
        final CountDownLatch stop = new CountDownLatch(1);
        final int exit;
        final List<String> calls = new ArrayList<>();

        Body(int exit) {
            this.exit = exit;
        }

        @Override
        public int run(Runnable ready) {
            calls.add("run");
            ready.run();
            try {
                stop.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return exit;
        }

        @Override
        public void stop() {
            calls.add("stop");
            stop.countDown();
        }
    }

    @BeforeEach
    @AfterEach
    void reset() {
        scm.fake_svc_reset();
    }

    private int[] status(int i) {
        int[] s = new int[7];
        for (int f = 0; f < 7; f++) {
            s[f] = scm.fake_svc_status_field(i, f);
        }
        return s;
    }

    private CompletableFuture<Integer> dispatch(Body body) {
        ServiceDispatcher d = ServiceDispatcher.load(FakeScm.library().toString());
        return CompletableFuture.supplyAsync(() -> d.dispatch("nova-agent", body));
    }

    @Test
    void startRunStopAsTheServiceControlManagerSeesIt() throws Exception {
        Body body = new Body(0);
        CompletableFuture<Integer> done = dispatch(body);
        assertEquals(1, scm.fake_svc_await_state(ServiceStatus.RUNNING));
        assertEquals(0L, scm.fake_svc_send_control(ServiceDispatcher.CONTROL_INTERROGATE));
        assertEquals(120L, scm.fake_svc_send_control(2), "PAUSE is not implemented");
        assertEquals(0L, scm.fake_svc_send_control(ServiceDispatcher.CONTROL_STOP));
        assertEquals(0, done.get(10, TimeUnit.SECONDS));
        assertEquals("nova-agent", scm.fake_svc_name());
        assertEquals(4, scm.fake_svc_status_count());
        //                       type  state  accepted  win32  specific  checkpoint  waitHint
        assertEquals(List.of(0x10, 2, 0, 0, 0, 1, 60_000), List.of(box(status(0))));
        assertEquals(List.of(0x10, 4, 5, 0, 0, 0, 0), List.of(box(status(1))));
        assertEquals(List.of(0x10, 3, 0, 0, 0, 2, 30_000), List.of(box(status(2))));
        assertEquals(List.of(0x10, 1, 0, 0, 0, 0, 0), List.of(box(status(3))));
        assertEquals(List.of("run", "stop"), body.calls);
        assertEquals("", scm.fake_svc_violations());
    }

    @Test
    void shutdownStopsTooAndAFailureExitTriggersTheFailureActions() throws Exception {
        CompletableFuture<Integer> done = dispatch(new Body(3));
        assertEquals(1, scm.fake_svc_await_state(ServiceStatus.RUNNING));
        assertEquals(0L, scm.fake_svc_send_control(ServiceDispatcher.CONTROL_SHUTDOWN));
        assertEquals(3, done.get(10, TimeUnit.SECONDS));
        int last = scm.fake_svc_status_count() - 1;
        assertEquals(List.of(0x10, 1, 0, 1066, 3, 0, 0), List.of(box(status(last))));
        assertEquals("", scm.fake_svc_violations());
    }

    @Test
    void aConsoleProcessGetsError1063() {
        scm.fake_svc_not_from_scm(1);
        Body body = new Body(0);
        assertEquals(1063, ServiceDispatcher.load(FakeScm.library().toString()).dispatch("nova-agent", body));
        assertTrue(body.calls.isEmpty());
    }

    private static Integer[] box(int[] a) {
        Integer[] b = new Integer[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i];
        }
        return b;
    }
}
