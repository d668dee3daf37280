/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice.nativeapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Installs, removes, starts and stops the agent's Windows service through the service control
 * manager API. Install: {@code CreateServiceW} (own process, auto start, LocalSystem, depending on
 * whichever Xen PV tools services exist so the agent starts after them), a description, failure
 * actions (restart after 5 s, 10 s, 60 s; counters reset after a day) and the failure-actions flag
 * (a stop with a non-zero exit code counts as a failure). Every handle is closed in a finally.
 */
public final class ServiceManager {

    /** {@code SC_ACTION_RESTART}. */
    static final int SC_ACTION_RESTART = 1;
    static final int[] RESTART_DELAYS_MS = {5_000, 10_000, 60_000};
    static final int RESET_PERIOD_S = 86_400;
    private static final int CONTROL_STOP = 1;
    private static final Map<Integer, String> ERRORS = Map.of(5, "access denied: run as an administrator",
            1056, "the service is already running", 1060, "the service is not installed", 1062,
            "the service is not running", 1072, "the service is marked for deletion: close services.msc or reboot",
            1073, "the service is already installed");

    private final ScmApi api;
    private final Runtime runtime;

    /**
     * @param api     the advapi32 binding (or a stand-in)
     * @param runtime its jnr runtime
     */
    public ServiceManager(ScmApi api, Runtime runtime) {
        this.api = api;
        this.runtime = runtime;
    }

    /**
     * @param library {@code advapi32} on Windows, a stand-in's path in tests
     * @return a manager over that library
     * @throws UnsatisfiedLinkError when it cannot be loaded
     */
    public static ServiceManager load(String library) {
        LibraryLoader<ScmApi> loader = LibraryLoader.create(ScmApi.class).failImmediately();
        Platform p = Platform.getNativePlatform();
        if (p.getOS() == Platform.OS.WINDOWS && p.getCPU() == Platform.CPU.I386) {
            loader.stdcall();
        }
        ScmApi api = loader.load(library);
        return new ServiceManager(api, Runtime.getRuntime(api));
    }

    /**
     * @param name          the service name
     * @param displayName   what services.msc shows
     * @param description   the description line
     * @param commandLine   the full command line (quoted executable and arguments)
     * @param dependOnAnyOf services to depend on, each only if it exists here
     * @return the dependencies set
     * @throws ServiceException when a call fails
     */
    public List<String> install(String name, String displayName, String description, String commandLine,
                                List<String> dependOnAnyOf) throws ServiceException {
        Pointer scm = openScm();
        try {
            List<String> deps = new ArrayList<>();
            for (String d : dependOnAnyOf) {
                Pointer h = api.OpenServiceW(scm, wide(d), ScmApi.SERVICE_QUERY_STATUS);
                if (present(h)) {
                    api.CloseServiceHandle(h);
                    deps.add(d);
                }
            }
            Pointer svc = api.CreateServiceW(scm, wide(name), wide(displayName), ScmApi.SERVICE_ALL_ACCESS,
                    ServiceStatus.SERVICE_WIN32_OWN_PROCESS, ScmApi.SERVICE_AUTO_START, ScmApi.SERVICE_ERROR_NORMAL,
                    wide(commandLine), null, null, multiString(deps), null, null);
            if (!present(svc)) {
                throw failure("CreateServiceW");
            }
            try {
                configure(svc, description);
            } finally {
                api.CloseServiceHandle(svc);
            }
            return deps;
        } finally {
            api.CloseServiceHandle(scm);
        }
    }

    /** Stops the service if it runs, then deletes it. */
    public void uninstall(String name) throws ServiceException {
        withService(name, svc -> {
            api.ControlService(svc, CONTROL_STOP, ServiceStatus.of(runtime, 0, 0, 0, 0, 0)); // not running: fine
            if (api.DeleteService(svc) == 0) {
                throw failure("DeleteService");
            }
        });
    }

    /** Starts the service. */
    public void start(String name) throws ServiceException {
        withService(name, svc -> {
            if (api.StartServiceW(svc, 0, null) == 0) {
                throw failure("StartServiceW");
            }
        });
    }

    /** Asks the service to stop. */
    public void stop(String name) throws ServiceException {
        withService(name, svc -> {
            if (api.ControlService(svc, CONTROL_STOP, ServiceStatus.of(runtime, 0, 0, 0, 0, 0)) == 0) {
                throw failure("ControlService(STOP)");
            }
        });
    }

    @FunctionalInterface
    private interface ServiceAction {
        void apply(Pointer service) throws ServiceException;
    }

    private void withService(String name, ServiceAction action) throws ServiceException {
        Pointer scm = openScm();
        try {
            Pointer svc = api.OpenServiceW(scm, wide(name), ScmApi.SERVICE_CONTROL_AND_DELETE);
            if (!present(svc)) {
                throw failure("OpenServiceW(" + name + ")");
            }
            try {
                action.apply(svc);
            } finally {
                api.CloseServiceHandle(svc);
            }
        } finally {
            api.CloseServiceHandle(scm);
        }
    }

    private void configure(Pointer svc, String description) throws ServiceException {
        int ptr = runtime.addressSize();
        Pointer desc = Memory.allocateDirect(runtime, ptr, true); // SERVICE_DESCRIPTIONW
        desc.putPointer(0, wide(description));
        if (api.ChangeServiceConfig2W(svc, ScmApi.CONFIG_DESCRIPTION, desc) == 0) {
            throw failure("ChangeServiceConfig2W(DESCRIPTION)");
        }
        Pointer actions = Memory.allocateDirect(runtime, 8L * RESTART_DELAYS_MS.length, true); // SC_ACTION[]
        for (int i = 0; i < RESTART_DELAYS_MS.length; i++) {
            actions.putInt(8L * i, SC_ACTION_RESTART);
            actions.putInt(8L * i + 4, RESTART_DELAYS_MS[i]);
        }
        Pointer fa = Memory.allocateDirect(runtime, failureActionsSize(ptr), true); // SERVICE_FAILURE_ACTIONSW
        fa.putInt(0, RESET_PERIOD_S);
        fa.putInt(3L * ptr, RESTART_DELAYS_MS.length); // lpRebootMsg, lpCommand stay NULL
        fa.putPointer(4L * ptr, actions);
        if (api.ChangeServiceConfig2W(svc, ScmApi.CONFIG_FAILURE_ACTIONS, fa) == 0) {
            throw failure("ChangeServiceConfig2W(FAILURE_ACTIONS)");
        }
        Pointer flag = Memory.allocateDirect(runtime, 4, true); // SERVICE_FAILURE_ACTIONS_FLAG
        flag.putInt(0, 1);
        if (api.ChangeServiceConfig2W(svc, ScmApi.CONFIG_FAILURE_ACTIONS_FLAG, flag) == 0) {
            throw failure("ChangeServiceConfig2W(FAILURE_ACTIONS_FLAG)");
        }
    }

    /**
     * {@code SERVICE_FAILURE_ACTIONSW}: {@code DWORD dwResetPeriod} at 0, then pointer-aligned
     * {@code lpRebootMsg}, {@code lpCommand}, {@code DWORD cActions} (padded), {@code lpsaActions}.
     *
     * @param pointerSize 4 or 8
     * @return 20 on 32-bit, 40 on 64-bit
     */
    static int failureActionsSize(int pointerSize) {
        return 5 * pointerSize;
    }

    private Pointer openScm() throws ServiceException {
        Pointer scm = api.OpenSCManagerW(null, null, ScmApi.SC_MANAGER_CONNECT_CREATE);
        if (!present(scm)) {
            throw failure("OpenSCManagerW");
        }
        return scm;
    }

    private ServiceException failure(String call) {
        int error = LastError.getLastError(runtime);
        String meaning = ERRORS.getOrDefault(error, "Win32 error");
        return new ServiceException(call + " failed: " + meaning + " (" + error + ")");
    }

    private static boolean present(Pointer p) {
        return p != null && p.address() != 0;
    }

    private Pointer wide(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        Pointer p = Memory.allocateDirect(runtime, b.length + 2, true);
        p.put(0, b, 0, b.length);
        return p;
    }

    /** {@code a\0b\0\0}; an empty list is a lone {@code \0\0} (no dependencies). */
    private Pointer multiString(List<String> items) {
        byte[] joined = (String.join("\0", items) + "\0").getBytes(StandardCharsets.UTF_16LE);
        Pointer p = Memory.allocateDirect(runtime, joined.length + 2, true);
        p.put(0, joined, 0, joined.length);
        return p;
    }
}
