/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/*
 * A Linux stand-in for the service-control part of advapi32.dll (winsvc.h) that behaves like the
 * service control manager: StartServiceCtrlDispatcherW checks the SERVICE_TABLE_ENTRYW array
 * (UTF-16 name, ServiceMain pointer, {NULL, NULL} terminator), starts ServiceMain on a new
 * thread, runs the controls queued by fake_svc_send_control on the dispatcher's (calling)
 * thread, and returns when the service reported SERVICE_STOPPED and ServiceMain returned.
 * SetServiceStatus records every SERVICE_STATUS (seven DWORDs, 28 bytes). Misuse is recorded
 * and reported through fake_svc_violations(). Failures set errno, which jnr-ffi's @SaveError reads
 * on Linux as GetLastError on Windows.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint32_t DWORD;
typedef int32_t BOOL;
typedef uint16_t WCHAR;
typedef void (*SERVICE_MAIN)(DWORD argc, WCHAR **argv);
typedef DWORD (*HANDLER_EX)(DWORD control, DWORD event_type, void *event_data, void *context);
typedef struct { WCHAR *lpServiceName; SERVICE_MAIN lpServiceProc; } SERVICE_TABLE_ENTRYW;
typedef struct {
    DWORD dwServiceType, dwCurrentState, dwControlsAccepted, dwWin32ExitCode,
          dwServiceSpecificExitCode, dwCheckPoint, dwWaitHint;
} SERVICE_STATUS;
_Static_assert(sizeof(SERVICE_STATUS) == 28, "SERVICE_STATUS is seven DWORDs");

#define ERROR_INVALID_PARAMETER 87
#define ERROR_INVALID_HANDLE 6
#define ERROR_FAILED_SERVICE_CONTROLLER_CONNECT 1063
#define ERROR_SERVICE_DOES_NOT_EXIST 1060
#define SERVICE_STOPPED 1
#define MAX_STATUS 32

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static char violations[4096];
static char name[257];
static WCHAR *registered_name_ptr;
static HANDLER_EX handler;
static void *handler_context;
static int handle_token;
static SERVICE_STATUS statuses[MAX_STATUS];
static int status_count;
static int pending_control;      /* 0 = none */
static int64_t control_result = -1;
static int controls_done;
static int not_from_scm;
static int main_returned;
static SERVICE_MAIN main_fn;
static WCHAR *main_argv[2];

static void violation(const char *what) {
    strncat(violations, what, sizeof violations - strlen(violations) - 3);
    strncat(violations, "; ", sizeof violations - strlen(violations) - 1);
}

/* ASCII copy of a UTF-16LE name; -1 when NULL, too long or not ASCII */
static int ascii(const WCHAR *w, char *out, size_t max) {
    if (w == NULL) return -1;
    for (size_t i = 0; i < max; i++) {
        if (w[i] == 0) { out[i] = 0; return (int) i; }
        if (w[i] > 0x7e) return -1;
        out[i] = (char) w[i];
    }
    return -1;
}

static void *run_main(void *arg) {
    (void) arg;
    main_fn(1, main_argv);
    pthread_mutex_lock(&lock);
    main_returned = 1;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&lock);
    return NULL;
}

BOOL StartServiceCtrlDispatcherW(const SERVICE_TABLE_ENTRYW *table) {
    if (not_from_scm) { errno = ERROR_FAILED_SERVICE_CONTROLLER_CONNECT; return 0; }
    if (table == NULL || ascii(table[0].lpServiceName, name, 256) <= 0 || table[0].lpServiceProc == NULL) {
        violation("StartServiceCtrlDispatcherW: first entry needs a UTF-16 name and a ServiceMain");
        errno = ERROR_INVALID_PARAMETER;
        return 0;
    }
    if (table[1].lpServiceName != NULL || table[1].lpServiceProc != NULL) {
        violation("StartServiceCtrlDispatcherW: table not terminated by {NULL, NULL}");
        errno = ERROR_INVALID_PARAMETER;
        return 0;
    }
    main_fn = table[0].lpServiceProc;
    main_argv[0] = table[0].lpServiceName;
    pthread_t t;
    pthread_create(&t, NULL, run_main, NULL);
    pthread_mutex_lock(&lock);
    while (!main_returned) {
        if (pending_control && handler != NULL) {
            int c = pending_control;
            pending_control = 0;
            pthread_mutex_unlock(&lock);
            DWORD r = handler((DWORD) c, 0, NULL, handler_context); /* on the dispatcher thread, as the SCM does */
            pthread_mutex_lock(&lock);
            control_result = r;
            controls_done++;
            pthread_cond_broadcast(&cond);
            continue;
        }
        pthread_cond_wait(&cond, &lock);
    }
    pthread_mutex_unlock(&lock);
    pthread_join(t, NULL);
    if (status_count == 0 || statuses[status_count - 1].dwCurrentState != SERVICE_STOPPED)
        violation("ServiceMain returned without reporting SERVICE_STOPPED");
    return 1;
}

void *RegisterServiceCtrlHandlerExW(const WCHAR *service_name, HANDLER_EX h, void *context) {
    char got[257];
    if (ascii(service_name, got, 256) <= 0 || strcmp(got, name) != 0) {
        violation("RegisterServiceCtrlHandlerExW: name differs from the dispatch table's");
        errno = ERROR_SERVICE_DOES_NOT_EXIST;
        return NULL;
    }
    if (h == NULL) { violation("RegisterServiceCtrlHandlerExW: NULL handler"); errno = ERROR_INVALID_PARAMETER; return NULL; }
    pthread_mutex_lock(&lock);
    handler = h;
    handler_context = context;
    registered_name_ptr = (WCHAR *) service_name;
    pthread_mutex_unlock(&lock);
    return &handle_token;
}

BOOL SetServiceStatus(void *handle, const SERVICE_STATUS *status) {
    if (handle != &handle_token) { violation("SetServiceStatus: not the handle from RegisterServiceCtrlHandlerExW"); errno = ERROR_INVALID_HANDLE; return 0; }
    if (status == NULL || status->dwServiceType != 0x10) { violation("SetServiceStatus: dwServiceType is not SERVICE_WIN32_OWN_PROCESS"); errno = ERROR_INVALID_PARAMETER; return 0; }
    if (status->dwCurrentState < 1 || status->dwCurrentState > 7) { violation("SetServiceStatus: bad dwCurrentState"); errno = ERROR_INVALID_PARAMETER; return 0; }
    if (status->dwWin32ExitCode != 0 && status->dwWin32ExitCode != 1066) violation("SetServiceStatus: unexpected dwWin32ExitCode");
    if ((status->dwWin32ExitCode == 1066) != (status->dwServiceSpecificExitCode != 0)) violation("SetServiceStatus: 1066 and a specific exit code go together");
    pthread_mutex_lock(&lock);
    if (status_count < MAX_STATUS) statuses[status_count++] = *status;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&lock);
    return 1;
}

/* ---- test hooks ---- */

/* queues a control for the dispatcher thread and waits for the handler's answer (-1 on timeout) */
int64_t fake_svc_send_control(int control) {
    pthread_mutex_lock(&lock);
    int before = controls_done;
    pending_control = control;
    pthread_cond_broadcast(&cond);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 10;
    while (controls_done == before) {
        if (pthread_cond_timedwait(&cond, &lock, &until) == ETIMEDOUT) { pthread_mutex_unlock(&lock); return -1; }
    }
    int64_t r = control_result;
    pthread_mutex_unlock(&lock);
    return r;
}

/* waits up to 10 s until some SERVICE_STATUS with this state was reported; 1 if it was */
int fake_svc_await_state(int state) {
    pthread_mutex_lock(&lock);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 10;
    for (;;) {
        for (int i = 0; i < status_count; i++) if ((int) statuses[i].dwCurrentState == state) { pthread_mutex_unlock(&lock); return 1; }
        if (pthread_cond_timedwait(&cond, &lock, &until) == ETIMEDOUT) { pthread_mutex_unlock(&lock); return 0; }
    }
}

int fake_svc_status_count(void) { return status_count; }
/* field f (0..6) of the i-th reported SERVICE_STATUS */
int fake_svc_status_field(int i, int f) { return (int) ((DWORD *) &statuses[i])[f]; }
const char *fake_svc_name(void) { return name; }
const char *fake_svc_violations(void) { return violations; }
void fake_svc_not_from_scm(int on) { not_from_scm = on; }
void fake_svc_reset(void) {
    pthread_mutex_lock(&lock);
    violations[0] = 0; name[0] = 0; handler = NULL; status_count = 0; pending_control = 0;
    controls_done = 0; control_result = -1; not_from_scm = 0; main_returned = 0;
    pthread_mutex_unlock(&lock);
}
