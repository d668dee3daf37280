/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal.nativeapi;

import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import org.novaagent.testkit.NativeFake;

/** The test controls of the gcc-built stand-in {@code src/test/c/fake_kernel32_names.c}. */
public interface FakeKernel32Names {

    /** Forgets the last call. */
    void fake_names_reset();

    /** @return the last name SetComputerNameExW accepted, decoded from its UTF-16LE */
    String fake_names_last();

    /** @return the COMPUTER_NAME_FORMAT of that call */
    int fake_names_last_type();

    /** @return calls since the reset, refused ones included */
    int fake_names_calls();

    /** @return the stand-in, compiled when its source is newer */
    static Path library() {
        return NativeFake.compile(Path.of("src/test/c/fake_kernel32_names.c"), Path.of("target/native"),
                "fake_kernel32_names");
    }

    /** @return the controls over the same loaded library */
    static FakeKernel32Names load() {
        return LibraryLoader.create(FakeKernel32Names.class).failImmediately().load(library().toString());
    }
}
