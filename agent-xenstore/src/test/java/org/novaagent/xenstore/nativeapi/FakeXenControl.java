/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.nativeapi;

import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import org.novaagent.testkit.NativeFake;

/**
 * The test hooks of {@code src/test/c/fake_xencontrol.c}, the C stand-in of xencontrol.dll and the
 * kernel32 event functions: the host side of the fake store and what the fake saw.
 */
public interface FakeXenControl {

    /** Plays the host: writes a key and fires the watches, from any thread. */
    void fake_host_write(String path, String value);

    /** @return the stored value, or null */
    String fake_value(String path);

    /** @return every misuse the fake detected, "; "-separated; empty when none */
    String fake_violations();

    /** @param win32Error what XcOpen returns from now on (0 = success) */
    void fake_set_open_error(int win32Error);

    /** @return events created and not yet closed */
    int fake_open_events();

    /** @return contexts opened and not yet closed */
    int fake_open_contexts();

    /** @return watches added and not yet removed */
    int fake_active_watches();

    /** Empties the store and the watch table, clears the violations and the open error. */
    void fake_reset();

    /** @return the compiled stand-in (built once per test run into {@code target/native}) */
    static Path library() {
        return NativeFake.compile(Path.of("src/test/c/fake_xencontrol.c"), Path.of("target/native"),
                "fake_xencontrol", "pthread");
    }

    /** @return the hooks of the stand-in at {@link #library()} */
    static FakeXenControl load() {
        return LibraryLoader.create(FakeXenControl.class).failImmediately().load(library().toString());
    }
}
