/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.novaagent.plugin.password.internal.windows.WindowsAccountException;

/**
 * {@link Win32Accounts} through its real jnr-ffi bindings ({@link NetApi32}, {@link Advapi32},
 * {@link Kernel32}) against a C stand-in whose {@code USER_INFO_0/23/1003} and {@code SID}
 * layouts come from the C compiler: marshalling, call order, frees and the password wipe. Only
 * the Windows calling convention and the real DLLs remain unproven.
 */
class Win32AccountsNativeFakeTests {

    private final FakeNetApi32 fake = FakeNetApi32.load();
    private final List<Pointer> passwordBuffers = new ArrayList<>(); // kept alive so the wipe can be read
    private final Win32Accounts accounts = new Win32Accounts(() -> {
        String lib = FakeNetApi32.library().toString();
        return Win32Api.load(lib, lib, lib);
    }, (runtime, chars) -> {
        Pointer p = WideStrings.toNative(runtime, chars);
        passwordBuffers.add(p);
        return p;
    });

    @BeforeEach
    void accounts() {
        fake.fake_net_reset();
        fake.fake_net_add_account("Guest", 501);
        fake.fake_net_add_account("svc5001", 5001);
        fake.fake_net_add_account("ops1500", 1500);
        fake.fake_net_add_account("Administrateur", 500);
        fake.fake_net_add_account("later", 1001);
    }

    @AfterEach
    void everyBufferFreedAndNoMisuse() {
        assertEquals(0, fake.fake_net_live_buffers(), "NetApiBufferFree/LocalFree missing");
        assertEquals("", fake.fake_net_violations());
    }

    @Test
    void findsTheRid500AccountAcrossPages() throws Exception {
        assertEquals(Optional.of("Administrateur"), accounts.findAdministrator());
        fake.fake_net_set_page_size(1);
        assertEquals(Optional.of("Administrateur"), accounts.findAdministrator());
    }

    @Test
    void noRid500AccountIsEmpty() throws Exception {
        fake.fake_net_reset();
        fake.fake_net_add_account("Guest", 501);
        assertEquals(Optional.empty(), accounts.findAdministrator());
    }

    @Test
    void setsThePasswordThroughUserInfo1003AndWipesTheBuffer() throws Exception {
        accounts.setPassword("Administrateur", "Pässw0rd-long".toCharArray());
        assertEquals("Administrateur", fake.fake_net_last_password_user());
        assertEquals("P?ssw0rd-long", fake.fake_net_last_password()); // the stand-in shows non-ASCII as '?'
        assertEquals(1, fake.fake_net_password_buffer_wiped());
    }

    @Test
    void policyFailureIsNamedAndTheBufferIsWipedToo() {
        WindowsAccountException e = assertThrows(WindowsAccountException.class,
                () -> accounts.setPassword("Administrateur", "short".toCharArray()));
        assertEquals(true, e.getMessage().startsWith("NetUserSetInfo failed: NERR_PasswordTooShort (2245)"), e.getMessage());
        assertEquals(1, fake.fake_net_password_buffer_wiped());
        fake.fake_net_fail_set_info(5);
        e = assertThrows(WindowsAccountException.class, () -> accounts.setPassword("Administrateur", "long-enough".toCharArray()));
        assertEquals(true, e.getMessage().contains("(5)"), e.getMessage());
        assertEquals(1, fake.fake_net_password_buffer_wiped());
    }

    @Test
    void unknownAccountIsNerrUserNotFound() {
        WindowsAccountException e = assertThrows(WindowsAccountException.class,
                () -> accounts.setPassword("nobody", "long-enough".toCharArray()));
        assertEquals(true, e.getMessage().contains("NERR_UserNotFound (2221)"), e.getMessage());
    }
}
