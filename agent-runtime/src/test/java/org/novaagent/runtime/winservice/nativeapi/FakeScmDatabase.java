/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice.nativeapi;

import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import org.novaagent.testkit.NativeFake;

/** The test hooks of {@code src/test/c/fake_advapi32_scm.c}, the service database stand-in. */
public interface FakeScmDatabase {

    /** Empties the database. */
    void fake_scm_reset();

    /** Adds a service that exists already (a Xen PV tools driver, say). */
    void fake_scm_add_existing(String name);

    /** @return what the calls configured: {@code display=..|bin=..|deps=..|desc=..|reset=..|actions=..|nonCrashFailures=..}, or null */
    String fake_scm_record(String name);

    /** @return 1 running, 0 stopped, -1 no such service */
    int fake_scm_running(String name);

    /** @return SCM and service handles opened and not closed */
    int fake_scm_open_handles();

    /** @return every misuse seen, "; "-separated */
    String fake_scm_violations();

    /** @return the compiled stand-in */
    static Path library() {
        return NativeFake.compile(Path.of("src/test/c/fake_advapi32_scm.c"), Path.of("target/native"), "fake_advapi32_scm");
    }

    /** @return its hooks */
    static FakeScmDatabase load() {
        return LibraryLoader.create(FakeScmDatabase.class).failImmediately().load(library().toString());
    }
}
