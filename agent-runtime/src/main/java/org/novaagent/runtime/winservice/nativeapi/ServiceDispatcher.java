/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice.nativeapi;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agent as a Windows service, the way JNA's {@code Win32Service} does it:
 * {@code StartServiceCtrlDispatcherW} with a one-entry table; in {@code ServiceMain},
 * {@code RegisterServiceCtrlHandlerExW} and {@code SetServiceStatus}: START_PENDING, RUNNING once
 * the body says it serves, STOP_PENDING on stop or shutdown, STOPPED with the body's exit code
 * (non-zero → {@code ERROR_SERVICE_SPECIFIC_ERROR}, which triggers the service's failure actions).
 */
public final class ServiceDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceDispatcher.class);
    static final int CONTROL_STOP = 1;
    static final int CONTROL_INTERROGATE = 4;
    static final int CONTROL_SHUTDOWN = 5;
    static final int NO_ERROR = 0;
    static final int ERROR_CALL_NOT_IMPLEMENTED = 120;
    private static final int START_WAIT_MS = 60_000;
    private static final int STOP_WAIT_MS = 30_000;

    /** What the service runs. */
    public interface Body {
        /**
         * Runs until {@link #stop()}; calls {@code ready} once it serves.
         *
         * @param ready reports RUNNING to the service control manager
         * @return the exit code (0 = clean stop)
         */
        int run(Runnable ready);

        /** Asks {@link #run} to return soon; called on the dispatcher's thread. */
        void stop();
    }

    private final ServiceApi api;
    private final Runtime runtime;
    private final AtomicInteger checkPoint = new AtomicInteger();
    private final AtomicInteger exitCode = new AtomicInteger();
    // strong references: the native side holds only the closure pointers
    private ServiceApi.ServiceMain main;
    private ServiceApi.HandlerEx handler;
    private volatile Pointer statusHandle;

    /**
     * @param api     the advapi32 binding (or a stand-in)
     * @param runtime its jnr runtime
     */
    public ServiceDispatcher(ServiceApi api, Runtime runtime) {
        this.api = api;
        this.runtime = runtime;
    }

    /**
     * @param library {@code advapi32} on Windows, a stand-in's path in tests
     * @return a dispatcher over that library
     * @throws UnsatisfiedLinkError when it cannot be loaded
     */
    public static ServiceDispatcher load(String library) {
        LibraryLoader<ServiceApi> loader = LibraryLoader.create(ServiceApi.class).failImmediately();
        Platform p = Platform.getNativePlatform();
        if (p.getOS() == Platform.OS.WINDOWS && p.getCPU() == Platform.CPU.I386) {
            loader.stdcall();
        }
        ServiceApi api = loader.load(library);
        return new ServiceDispatcher(api, Runtime.getRuntime(api));
    }

    /**
     * Blocks until the service has stopped.
     *
     * @param serviceName the name it was installed under
     * @param body        what to run
     * @return the body's exit code, or the Win32 error of {@code StartServiceCtrlDispatcherW}
     *         (1063 when the process was not started by the service control manager)
     */
    public int dispatch(String serviceName, Body body) {
        Pointer name = wide(serviceName);
        main = (argc, argv) -> serviceMain(name, body);
        Pointer mainPtr = runtime.getClosureManager().getClosurePointer(ServiceApi.ServiceMain.class, main);
        int ptr = runtime.addressSize();
        Pointer table = Memory.allocateDirect(runtime, 4 * ptr, true); // {name, main}, {NULL, NULL}
        table.putPointer(0, name);
        table.putPointer(ptr, mainPtr);
        if (api.StartServiceCtrlDispatcherW(table) == 0) {
            int error = LastError.getLastError(runtime);
            LOG.error("StartServiceCtrlDispatcherW failed: Win32 error {}{}", error,
                    error == 1063 ? " (not started by the service control manager: use 'nova-agent run')" : "");
            return error == 0 ? 1 : error;
        }
        return exitCode.get();
    }

    private void serviceMain(Pointer name, Body body) {
        handler = (control, eventType, eventData, context) -> control(control, body);
        statusHandle = api.RegisterServiceCtrlHandlerExW(name, handler, null);
        if (statusHandle == null || statusHandle.address() == 0) {
            LOG.error("RegisterServiceCtrlHandlerExW failed: Win32 error {}", LastError.getLastError(runtime));
            exitCode.set(1);
            return;
        }
        report(ServiceStatus.START_PENDING, 0, 0, checkPoint.incrementAndGet(), START_WAIT_MS);
        int code;
        try {
            code = body.run(() -> report(ServiceStatus.RUNNING, ServiceStatus.ACCEPT_STOP_AND_SHUTDOWN, 0, 0, 0));
        } catch (RuntimeException | Error e) {
            LOG.error("the agent failed: {}", e.toString());
            code = 1;
        }
        exitCode.set(code);
        report(ServiceStatus.STOPPED, 0, code, 0, 0);
    }

    private int control(int control, Body body) {
        switch (control) {
            case CONTROL_STOP:
            case CONTROL_SHUTDOWN:
                report(ServiceStatus.STOP_PENDING, 0, 0, checkPoint.incrementAndGet(), STOP_WAIT_MS);
                body.stop();
                return NO_ERROR;
            case CONTROL_INTERROGATE:
                return NO_ERROR;
            default:
                return ERROR_CALL_NOT_IMPLEMENTED;
        }
    }

    private void report(int state, int accepted, int exit, int check, int waitHint) {
        if (api.SetServiceStatus(statusHandle, ServiceStatus.of(runtime, state, accepted, exit, check, waitHint)) == 0) {
            LOG.warn("SetServiceStatus({}) failed: Win32 error {}", state, LastError.getLastError(runtime));
        }
    }

    private Pointer wide(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        Pointer p = Memory.allocateDirect(runtime, b.length + 2, true);
        p.put(0, b, 0, b.length);
        return p;
    }
}
