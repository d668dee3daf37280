/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice.nativeapi;

import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import org.novaagent.testkit.NativeFake;

/** The test hooks of {@code src/test/c/fake_advapi32_service.c}, the service control manager stand-in. */
public interface FakeScm {

    /** Sends a control to the service's handler on the dispatcher thread; returns its answer, -1 on timeout. */
    long fake_svc_send_control(int control);

    /** @return 1 once a SERVICE_STATUS with that state was reported (waits up to 10 s) */
    int fake_svc_await_state(int state);

    /** @return how many SERVICE_STATUS were reported */
    int fake_svc_status_count();

    /** @return field {@code f} (0 = dwServiceType ... 6 = dwWaitHint) of the {@code i}-th status */
    int fake_svc_status_field(int i, int f);

    /** @return the service name read from the dispatch table */
    String fake_svc_name();

    /** @return every misuse seen, "; "-separated */
    String fake_svc_violations();

    /** @param on 1: StartServiceCtrlDispatcherW fails with 1063, as for a console process */
    void fake_svc_not_from_scm(int on);

    /** Forgets everything. */
    void fake_svc_reset();

    /** @return the compiled stand-in */
    static Path library() {
        return NativeFake.compile(Path.of("src/test/c/fake_advapi32_service.c"), Path.of("target/native"),
                "fake_advapi32_service", "pthread");
    }

    /** @return its hooks */
    static FakeScm load() {
        return LibraryLoader.create(FakeScm.class).failImmediately().load(library().toString());
    }
}
