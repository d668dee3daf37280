/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice.nativeapi;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;

/**
 * The service-management functions of {@code advapi32.dll} (winsvc.h) that {@code nova-agent
 * service install|uninstall|start|stop} uses, bound by jnr-ffi. Using the API instead of
 * {@code sc.exe} avoids quoting a command line inside a command line. Wide strings are pointers
 * to NUL-terminated UTF-16LE; handles are pointers; every {@code BOOL} function saves the last error.
 */
public interface ScmApi {

    /** {@code SC_MANAGER_CONNECT | SC_MANAGER_CREATE_SERVICE}. */
    int SC_MANAGER_CONNECT_CREATE = 0x1 | 0x2;
    /** {@code SERVICE_ALL_ACCESS}. */
    int SERVICE_ALL_ACCESS = 0xF01FF;
    /** {@code SERVICE_QUERY_STATUS}. */
    int SERVICE_QUERY_STATUS = 0x4;
    /** {@code SERVICE_START | SERVICE_STOP | SERVICE_QUERY_STATUS | DELETE}. */
    int SERVICE_CONTROL_AND_DELETE = 0x10 | 0x20 | 0x4 | 0x10000;
    /** {@code SERVICE_AUTO_START}. */
    int SERVICE_AUTO_START = 2;
    /** {@code SERVICE_ERROR_NORMAL}. */
    int SERVICE_ERROR_NORMAL = 1;
    /** {@code SERVICE_CONFIG_DESCRIPTION}: a {@code SERVICE_DESCRIPTIONW}. */
    int CONFIG_DESCRIPTION = 1;
    /** {@code SERVICE_CONFIG_FAILURE_ACTIONS}: a {@code SERVICE_FAILURE_ACTIONSW}. */
    int CONFIG_FAILURE_ACTIONS = 2;
    /** {@code SERVICE_CONFIG_FAILURE_ACTIONS_FLAG}: a {@code SERVICE_FAILURE_ACTIONS_FLAG}. */
    int CONFIG_FAILURE_ACTIONS_FLAG = 4;

    /** {@code SC_HANDLE OpenSCManagerW(LPCWSTR machine, LPCWSTR database, DWORD access)}; NULL on failure. */
    @SaveError
    Pointer OpenSCManagerW(@In Pointer machine, @In Pointer database, int access);

    /**
     * {@code SC_HANDLE CreateServiceW(scm, name, displayName, access, serviceType, startType, errorControl,
     * binaryPathName, loadOrderGroup, tagId, dependencies, serviceStartName, password)}; NULL on failure.
     */
    @SaveError
    Pointer CreateServiceW(Pointer scm, @In Pointer name, @In Pointer displayName, int access, int serviceType,
            int startType, int errorControl, @In Pointer binaryPathName, @In Pointer loadOrderGroup, Pointer tagId,
            @In Pointer dependencies, @In Pointer serviceStartName, @In Pointer password);

    /** {@code SC_HANDLE OpenServiceW(scm, name, access)}; NULL on failure (1060: no such service). */
    @SaveError
    Pointer OpenServiceW(Pointer scm, @In Pointer name, int access);

    /** {@code BOOL ChangeServiceConfig2W(service, infoLevel, info)}. */
    @SaveError
    int ChangeServiceConfig2W(Pointer service, int infoLevel, @In Pointer info);

    /** {@code BOOL StartServiceW(service, argc, argv)}. */
    @SaveError
    int StartServiceW(Pointer service, int argc, Pointer argv);

    /** {@code BOOL ControlService(service, control, LPSERVICE_STATUS status)}. */
    @SaveError
    int ControlService(Pointer service, int control, Pointer status);

    /** {@code BOOL DeleteService(service)}. */
    @SaveError
    int DeleteService(Pointer service);

    /** {@code BOOL CloseServiceHandle(handle)}. */
    int CloseServiceHandle(Pointer handle);
}
