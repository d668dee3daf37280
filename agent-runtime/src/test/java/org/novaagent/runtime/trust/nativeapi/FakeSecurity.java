/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust.nativeapi;

import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import org.novaagent.testkit.NativeFake;

/** The test hooks of {@code src/test/c/fake_advapi32_security.c}, the SetNamedSecurityInfoW stand-in. */
public interface FakeSecurity {

    /** @return what the last call would have applied: path, flags and each ACE as decoded */
    String fake_sec_last();

    /** @return every misuse seen, "; "-separated */
    String fake_sec_violations();

    /** @return how many calls were made */
    int fake_sec_calls();

    /** @param code the Win32 error the next calls return (0: success) */
    void fake_sec_fail(int code);

    /** Forgets everything. */
    void fake_sec_reset();

    /** @return the compiled stand-in */
    static Path library() {
        return NativeFake.compile(Path.of("src/test/c/fake_advapi32_security.c"), Path.of("target/native"),
                "fake_advapi32_security");
    }

    /** @return its hooks */
    static FakeSecurity load() {
        return LibraryLoader.create(FakeSecurity.class).failImmediately().load(library().toString());
    }
}
