/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust.nativeapi;

import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import org.novaagent.testkit.NativeFake;

/** The test hooks of {@code src/test/c/fake_advapi32_accounts.c}, the LookupAccountSidW stand-in. */
public interface FakeAccounts {

    /** @param on 1: the German names of a German Windows Server, 0: the English ones */
    void fake_acct_german(int on);

    /** @return how many LookupAccountSidW calls were made */
    int fake_acct_calls();

    /** @return every misuse seen, "; "-separated */
    String fake_acct_violations();

    /** @return the S-1-... string the last call's binary SID decoded to */
    String fake_acct_last_sid();

    /** Forgets everything (English again). */
    void fake_acct_reset();

    /** @return the compiled stand-in */
    static Path library() {
        return NativeFake.compile(Path.of("src/test/c/fake_advapi32_accounts.c"), Path.of("target/native"),
                "fake_advapi32_accounts");
    }

    /** @return its hooks */
    static FakeAccounts load() {
        return LibraryLoader.create(FakeAccounts.class).failImmediately().load(library().toString());
    }
}
