/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import org.novaagent.testkit.NativeFake;

/**
 * The test hooks of {@code src/test/c/fake_netapi32.c}: the C stand-in of netapi32's account
 * functions, advapi32's {@code ConvertSidToStringSidW} and kernel32's {@code LocalFree}.
 */
public interface FakeNetApi32 {

    /** Forgets accounts, violations and the last password. */
    void fake_net_reset();

    /** Adds a local account with the machine's domain SID and this RID. */
    void fake_net_add_account(String name, int rid);

    /** @param n accounts per NetUserEnum page */
    void fake_net_set_page_size(int n);

    /** @param status what NetUserSetInfo answers from now on (0 = judge the password length) */
    void fake_net_fail_set_info(int status);

    /** @return buffers the stand-in allocated and nobody freed */
    int fake_net_live_buffers();

    /** @return every misuse seen, "; "-separated */
    String fake_net_violations();

    /** @return the last password NetUserSetInfo received */
    String fake_net_last_password();

    /** @return the account it was set for */
    String fake_net_last_password_user();

    /** @return 1 when the caller's last password buffer is all zero now */
    int fake_net_password_buffer_wiped();

    /** @return the compiled stand-in (netapi32, advapi32 and kernel32 functions in one library) */
    static Path library() {
        return NativeFake.compile(Path.of("src/test/c/fake_netapi32.c"), Path.of("target/native"), "fake_netapi32");
    }

    /** @return its hooks */
    static FakeNetApi32 load() {
        return LibraryLoader.create(FakeNetApi32.class).failImmediately().load(library().toString());
    }
}
