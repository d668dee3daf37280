/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.novaagent.xenstore.internal.ProcessCommandRunner;
import org.novaagent.xenstore.internal.XenControlClient;
import org.novaagent.xenstore.nativeapi.XenControlLibrary;

/**
 * Opens XenStore on a Windows guest, trying the transports in order (see the README for why):
 * {@code xencontrol.dll} of the Xen PV drivers' xeniface (real watches), then the XenServer tools'
 * {@code xenstore_client.exe} (watches emulated by polling). The error lists every transport
 * tried and why it failed.
 */
public final class WindowsXenStoreConnector {

    /** Where the tools install {@code xenstore_client.exe}, tried in order. */
    public static final List<Path> CLIENT_EXES = List.of(WindowsXenStoreClient.DEFAULT_EXE,
            Path.of("C:\\Program Files (x86)\\Citrix\\XenTools\\xenstore_client.exe"));

    /** One way to reach XenStore. */
    public interface Transport {
        /** @return what the error message and the log call it */
        String name();

        /**
         * @return an open client
         * @throws XenStoreException when this transport is not available here
         */
        XenStoreClient open() throws XenStoreException;
    }

    private WindowsXenStoreConnector() {
    }

    /** @return the production order: xencontrol.dll, then each of {@link #CLIENT_EXES} */
    public static List<Transport> defaultTransports() {
        List<Transport> out = new ArrayList<>();
        out.add(xenControl(() -> XenControlLibrary.load(XenControlLibrary.XENCONTROL, XenControlLibrary.KERNEL32)));
        for (Path exe : CLIENT_EXES) {
            out.add(clientExe(exe, Duration.ofSeconds(1)));
        }
        return out;
    }

    /** Opens the first of {@link #defaultTransports()} that works. */
    public static XenStoreClient open() throws XenStoreException {
        return open(defaultTransports());
    }

    /**
     * @param transports the transports, in order
     * @return the first client that opens
     * @throws XenStoreException connectionLost listing every transport and why it failed
     */
    public static XenStoreClient open(List<Transport> transports) throws XenStoreException {
        List<String> tried = new ArrayList<>();
        for (Transport t : transports) {
            try {
                return t.open();
            } catch (XenStoreException e) {
                tried.add(t.name() + " (" + e.getMessage() + ")");
            }
        }
        throw XenStoreException.connectionLost("no XenStore connection; tried: " + String.join(", ", tried), null);
    }

    /**
     * @param libraries loads xencontrol and kernel32 (tests hand in C stand-ins by path)
     * @return the xencontrol transport
     */
    public static Transport xenControl(Supplier<XenControlLibrary> libraries) {
        return new Transport() {
            @Override
            public String name() {
                return "xencontrol.dll";
            }

            @Override
            public XenStoreClient open() throws XenStoreException {
                XenControlLibrary lib;
                try {
                    lib = libraries.get();
                } catch (LinkageError | IllegalStateException e) {
                    throw XenStoreException.connectionLost("cannot load: " + e.getMessage(), e);
                }
                return XenControlClient.open(lib);
            }
        };
    }

    /**
     * @param exe          path of {@code xenstore_client.exe}
     * @param pollInterval how often the emulated watches compare the watched subtrees
     * @return the command-line transport
     */
    public static Transport clientExe(Path exe, Duration pollInterval) {
        return new Transport() {
            @Override
            public String name() {
                return exe.toString();
            }

            @Override
            public XenStoreClient open() throws XenStoreException {
                if (!Files.isRegularFile(exe)) {
                    throw XenStoreException.connectionLost("missing", null);
                }
                return new WindowsXenStoreClient(exe, new ProcessCommandRunner(Duration.ofSeconds(30)), pollInterval);
            }
        };
    }
}
