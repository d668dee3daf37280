/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import jnr.ffi.annotations.SaveError;
import org.junit.jupiter.api.Test;

/**
 * The jnr-ffi binding interfaces load as plain Java types (no DLL, no native call), carry the
 * exact Win32 export names, and sit where jnr-ffi can reach them (public, exported package).
 */
class NativeBindingTypesTests {

    private static final String PACKAGE = "org.novaagent.plugin.password.internal.windows.nativeapi";

    private static Class<?> load(String simpleName) throws ClassNotFoundException {
        Class<?> type = Class.forName(PACKAGE + "." + simpleName, true, NativeBindingTypesTests.class.getClassLoader());
        assertTrue(type.isInterface(), simpleName);
        assertTrue(Modifier.isPublic(type.getModifiers()), simpleName + " must be public for jnr-ffi");
        return type;
    }

    private static Set<String> methods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
    }

    @Test
    void interfacesLoadWithTheWin32ExportNames() throws Exception {
        assertEquals(Set.of("NetUserEnum", "NetUserGetInfo", "NetUserSetInfo", "NetApiBufferFree"),
                methods(load("NetApi32")));
        assertEquals(Set.of("ConvertSidToStringSidW"), methods(load("Advapi32")));
        assertEquals(Set.of("LocalFree"), methods(load("Kernel32")));
        assertEquals(0x0002, NetApi32.FILTER_NORMAL_ACCOUNT);
        assertEquals(0xFFFFFFFF, NetApi32.MAX_PREFERRED_LENGTH);
    }

    @Test
    void sidConversionSavesTheLastError() throws Exception {
        Method convert = load("Advapi32").getMethod("ConvertSidToStringSidW", jnr.ffi.Pointer.class,
                jnr.ffi.byref.PointerByReference.class);
        assertTrue(convert.isAnnotationPresent(SaveError.class));
    }

    @Test
    void moduleDescriptorExportsOnlyTheNativePackageAndRequiresJnr() throws IOException {
        Path classes = Path.of(URI.create(NetApi32.class.getProtectionDomain().getCodeSource().getLocation().toString()));
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            ModuleDescriptor d = ModuleDescriptor.read(in);
            assertEquals("org.novaagent.plugin.password", d.name());
            assertEquals(Set.of(PACKAGE), d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
            assertFalse(d.exports().iterator().next().isQualified(), "jnr-ffi needs an unqualified export");
            assertTrue(d.requires().stream().anyMatch(r -> r.name().equals("org.jnrproject.ffi")));
        }
    }
}
