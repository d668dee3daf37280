/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice.nativeapi;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.Delegate;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;

/**
 * The service-control functions of {@code advapi32.dll} (winsvc.h), bound by jnr-ffi: the same
 * three calls JNA's {@code Win32Service} makes. Public and in an exported package only because
 * jnr-ffi generates the implementation in its own class loader. Wide strings are pointers to
 * NUL-terminated UTF-16LE.
 */
public interface ServiceApi {

    /** {@code LPSERVICE_MAIN_FUNCTIONW}: {@code VOID WINAPI ServiceMain(DWORD argc, LPWSTR *argv)}. */
    interface ServiceMain {
        /**
         * Called by the dispatcher on a thread of its own; returns when the service has stopped.
         *
         * @param argc the number of arguments
         * @param argv the arguments (the first is the service name)
         */
        @Delegate
        void invoke(int argc, Pointer argv);
    }

    /** {@code LPHANDLER_FUNCTION_EX}: {@code DWORD WINAPI HandlerEx(DWORD control, DWORD eventType, LPVOID eventData, LPVOID context)}. */
    interface HandlerEx {
        /**
         * @param control   {@code SERVICE_CONTROL_*}
         * @param eventType unused for the controls we accept
         * @param eventData unused for the controls we accept
         * @param context   the context given at registration
         * @return {@code NO_ERROR}, or {@code ERROR_CALL_NOT_IMPLEMENTED} for a control we do not handle
         */
        @Delegate
        int invoke(int control, int eventType, Pointer eventData, Pointer context);
    }

    /**
     * {@code BOOL StartServiceCtrlDispatcherW(const SERVICE_TABLE_ENTRYW *lpServiceStartTable)}:
     * connects to the service control manager and runs until every service of the table stopped.
     *
     * @param table {@code {name, ServiceMain}} entries, ended by {@code {NULL, NULL}}
     * @return non-zero on success; 0 with last error 1063 when not started by the SCM
     */
    @SaveError
    int StartServiceCtrlDispatcherW(@In Pointer table);

    /**
     * {@code SERVICE_STATUS_HANDLE RegisterServiceCtrlHandlerExW(LPCWSTR name, LPHANDLER_FUNCTION_EX handler, LPVOID context)}.
     *
     * @param serviceName the service name
     * @param handler     receives stop, shutdown and interrogate
     * @param context     passed back to the handler
     * @return the status handle, NULL on failure
     */
    @SaveError
    Pointer RegisterServiceCtrlHandlerExW(@In Pointer serviceName, HandlerEx handler, Pointer context);

    /**
     * {@code BOOL SetServiceStatus(SERVICE_STATUS_HANDLE, LPSERVICE_STATUS)}.
     *
     * @param handle the status handle
     * @param status a {@code SERVICE_STATUS} (seven DWORDs, {@link ServiceStatus})
     * @return non-zero on success
     */
    @SaveError
    int SetServiceStatus(Pointer handle, @In Pointer status);
}
