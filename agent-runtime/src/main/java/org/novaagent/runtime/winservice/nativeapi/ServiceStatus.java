/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice.nativeapi;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * {@code SERVICE_STATUS} (winsvc.h): seven DWORDs, 28 bytes, no padding on 32- or 64-bit:
 * {@code dwServiceType} (0), {@code dwCurrentState} (4), {@code dwControlsAccepted} (8),
 * {@code dwWin32ExitCode} (12), {@code dwServiceSpecificExitCode} (16), {@code dwCheckPoint} (20),
 * {@code dwWaitHint} (24). Laid out by hand, like the password plugin's {@code USER_INFO} structs.
 */
public final class ServiceStatus {

    /** The size in bytes. */
    public static final int SIZE = 28;
    /** {@code SERVICE_WIN32_OWN_PROCESS}. */
    public static final int SERVICE_WIN32_OWN_PROCESS = 0x10;
    /** {@code SERVICE_STOPPED}. */
    public static final int STOPPED = 1;
    /** {@code SERVICE_START_PENDING}. */
    public static final int START_PENDING = 2;
    /** {@code SERVICE_STOP_PENDING}. */
    public static final int STOP_PENDING = 3;
    /** {@code SERVICE_RUNNING}. */
    public static final int RUNNING = 4;
    /** {@code SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN}. */
    public static final int ACCEPT_STOP_AND_SHUTDOWN = 0x1 | 0x4;
    /** {@code ERROR_SERVICE_SPECIFIC_ERROR}: the exit code is in {@code dwServiceSpecificExitCode}. */
    public static final int ERROR_SERVICE_SPECIFIC_ERROR = 1066;

    private ServiceStatus() {
    }

    /**
     * @param runtime      the jnr runtime
     * @param state        {@code dwCurrentState}
     * @param accepted     {@code dwControlsAccepted} (0 while pending)
     * @param specificExit 0, or the agent's non-zero exit code (then {@code dwWin32ExitCode} is 1066)
     * @param checkPoint   {@code dwCheckPoint}, incremented during a pending state
     * @param waitHintMs   {@code dwWaitHint}
     * @return a native {@code SERVICE_STATUS}
     */
    public static Pointer of(Runtime runtime, int state, int accepted, int specificExit, int checkPoint, int waitHintMs) {
        Pointer p = Memory.allocateDirect(runtime, SIZE, true);
        p.putInt(0, SERVICE_WIN32_OWN_PROCESS);
        p.putInt(4, state);
        p.putInt(8, accepted);
        p.putInt(12, specificExit == 0 ? 0 : ERROR_SERVICE_SPECIFIC_ERROR);
        p.putInt(16, specificExit);
        p.putInt(20, checkPoint);
        p.putInt(24, waitHintMs);
        return p;
    }
}
