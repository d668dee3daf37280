/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/*
 * A Linux stand-in for the service-management part of advapi32.dll (winsvc.h): a small service
 * database with OpenSCManagerW, CreateServiceW, OpenServiceW, ChangeServiceConfig2W (description,
 * failure actions, failure-actions flag), StartServiceW, ControlService, DeleteService and
 * CloseServiceHandle. The structs are declared as winsvc.h declares them, so the C compiler lays
 * them out: a wrong offset on the Java side reads as garbage here. Every misuse is recorded
 * (fake_scm_violations); failures set errno (GetLastError through jnr-ffi's @SaveError).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint32_t DWORD;
typedef int32_t BOOL;
typedef uint16_t WCHAR;
typedef struct { DWORD type, state, accepted, win32, specific, checkpoint, wait; } SERVICE_STATUS;
typedef struct { WCHAR *lpDescription; } SERVICE_DESCRIPTIONW;
typedef struct { int Type; DWORD Delay; } SC_ACTION;
typedef struct { DWORD dwResetPeriod; WCHAR *lpRebootMsg; WCHAR *lpCommand; DWORD cActions; SC_ACTION *lpsaActions; } SERVICE_FAILURE_ACTIONSW;
typedef struct { BOOL fFailureActionsOnNonCrashFailures; } SERVICE_FAILURE_ACTIONS_FLAG;

#define MAX_SERVICES 16
#define SCM_MAGIC 0x53434d21u
#define SVC_MAGIC 0x53564321u

typedef struct { int used; char name[64]; char record[2048]; int running; } service_t;
typedef struct { DWORD magic; service_t *svc; } handle_t;

static service_t services[MAX_SERVICES];
static handle_t scm_handle = { SCM_MAGIC, NULL };
static char violations[4096];
static int open_handles;

static void violation(const char *what) {
    strncat(violations, what, sizeof violations - strlen(violations) - 3);
    strncat(violations, "; ", sizeof violations - strlen(violations) - 1);
}

static int narrow(const WCHAR *w, char *out, size_t max) {
    if (w == NULL) return -1;
    for (size_t i = 0; i < max; i++) {
        if (w[i] == 0) { out[i] = 0; return (int) i; }
        if (w[i] > 0x7e) { out[i] = '?'; continue; }
        out[i] = (char) w[i];
    }
    out[max - 1] = 0;
    return -1;
}

static service_t *find(const char *name) {
    for (int i = 0; i < MAX_SERVICES; i++) if (services[i].used && strcmp(services[i].name, name) == 0) return &services[i];
    return NULL;
}

static void append(service_t *s, const char *text) { strncat(s->record, text, sizeof s->record - strlen(s->record) - 1); }

static handle_t *new_handle(service_t *s) { handle_t *h = malloc(sizeof *h); h->magic = SVC_MAGIC; h->svc = s; open_handles++; return h; }

static service_t *svc_of(const char *fn, void *handle) {
    handle_t *h = handle;
    if (h == NULL || h->magic != SVC_MAGIC) { violation(fn); errno = 6; return NULL; }
    return h->svc;
}

void *OpenSCManagerW(const WCHAR *machine, const WCHAR *database, DWORD access) {
    if (machine != NULL || database != NULL) violation("OpenSCManagerW: expected the local machine and the active database (NULL, NULL)");
    if ((access & 0x3) != 0x3) violation("OpenSCManagerW: needs SC_MANAGER_CONNECT and SC_MANAGER_CREATE_SERVICE");
    open_handles++;
    return &scm_handle;
}

void *OpenServiceW(void *scm, const WCHAR *name, DWORD access) {
    char n[64];
    if (scm != &scm_handle) { violation("OpenServiceW: not the SCM handle"); errno = 6; return NULL; }
    if (narrow(name, n, sizeof n) <= 0 || access == 0) { violation("OpenServiceW: bad name or access"); errno = 87; return NULL; }
    service_t *s = find(n);
    if (s == NULL) { errno = 1060; return NULL; }
    return new_handle(s);
}

void *CreateServiceW(void *scm, const WCHAR *name, const WCHAR *display, DWORD access, DWORD type, DWORD start,
                     DWORD errctl, const WCHAR *bin, const WCHAR *group, DWORD *tag, const WCHAR *deps,
                     const WCHAR *start_name, const WCHAR *password) {
    char n[64], d[128], b[1024], line[1400];
    if (scm != &scm_handle) { violation("CreateServiceW: not the SCM handle"); errno = 6; return NULL; }
    if (narrow(name, n, sizeof n) <= 0 || narrow(display, d, sizeof d) <= 0 || narrow(bin, b, sizeof b) <= 0) {
        violation("CreateServiceW: name, display name and binary path must be UTF-16 strings"); errno = 87; return NULL;
    }
    if (type != 0x10 || start != 2 || errctl != 1 || access != 0xF01FF) violation("CreateServiceW: expected own process, auto start, normal error control, all access");
    if (group != NULL || tag != NULL || start_name != NULL || password != NULL) violation("CreateServiceW: expected no group, no tag, LocalSystem (NULL account and password)");
    if (find(n)) { errno = 1073; return NULL; }
    service_t *s = NULL;
    for (int i = 0; i < MAX_SERVICES && !s; i++) if (!services[i].used) s = &services[i];
    memset(s, 0, sizeof *s);
    s->used = 1;
    snprintf(s->name, sizeof s->name, "%s", n);
    snprintf(line, sizeof line, "display=%s|bin=%s|deps=", d, b);
    append(s, line);
    if (deps == NULL) violation("CreateServiceW: dependencies must be a multi-string, not NULL");
    else {
        const WCHAR *p = deps;
        int first = 1;
        while (*p) { char dep[64]; int len = narrow(p, dep, sizeof dep); if (len < 0) break; if (!first) append(s, ","); append(s, dep); first = 0; p += len + 1; }
    }
    return new_handle(s);
}

BOOL ChangeServiceConfig2W(void *handle, DWORD level, void *info) {
    service_t *s = svc_of("ChangeServiceConfig2W: not a service handle", handle);
    char text[512];
    if (!s) return 0;
    if (info == NULL) { violation("ChangeServiceConfig2W: NULL info"); errno = 87; return 0; }
    if (level == 1) {
        narrow(((SERVICE_DESCRIPTIONW *) info)->lpDescription, text, sizeof text);
        append(s, "|desc="); append(s, text);
    } else if (level == 2) {
        SERVICE_FAILURE_ACTIONSW *fa = info;
        if (fa->lpRebootMsg != NULL || fa->lpCommand != NULL) violation("failure actions: reboot message and command must stay NULL");
        if (fa->cActions > 8 || (fa->cActions > 0 && fa->lpsaActions == NULL)) { violation("failure actions: bad cActions or lpsaActions"); errno = 87; return 0; }
        snprintf(text, sizeof text, "|reset=%u|actions=", fa->dwResetPeriod);
        append(s, text);
        for (DWORD i = 0; i < fa->cActions; i++) {
            snprintf(text, sizeof text, "%s%d/%u", i ? "," : "", fa->lpsaActions[i].Type, fa->lpsaActions[i].Delay);
            append(s, text);
        }
    } else if (level == 4) {
        snprintf(text, sizeof text, "|nonCrashFailures=%d", ((SERVICE_FAILURE_ACTIONS_FLAG *) info)->fFailureActionsOnNonCrashFailures);
        append(s, text);
    } else { violation("ChangeServiceConfig2W: unexpected info level"); errno = 87; return 0; }
    return 1;
}

BOOL StartServiceW(void *handle, DWORD argc, const WCHAR **argv) {
    service_t *s = svc_of("StartServiceW: not a service handle", handle);
    if (!s) return 0;
    if (argc != 0 || argv != NULL) violation("StartServiceW: expected no arguments");
    if (s->running) { errno = 1056; return 0; }
    s->running = 1;
    return 1;
}

BOOL ControlService(void *handle, DWORD control, SERVICE_STATUS *status) {
    service_t *s = svc_of("ControlService: not a service handle", handle);
    if (!s) return 0;
    if (status == NULL) { violation("ControlService: NULL status"); errno = 87; return 0; }
    if (control != 1) { violation("ControlService: only STOP is expected"); errno = 87; return 0; }
    if (!s->running) { errno = 1062; return 0; }
    s->running = 0;
    memset(status, 0, sizeof *status);
    status->type = 0x10;
    status->state = 3;
    return 1;
}

BOOL DeleteService(void *handle) {
    service_t *s = svc_of("DeleteService: not a service handle", handle);
    if (!s) return 0;
    s->used = 0;
    return 1;
}

BOOL CloseServiceHandle(void *handle) {
    handle_t *h = handle;
    if (h == &scm_handle) { open_handles--; return 1; }
    if (h == NULL || h->magic != SVC_MAGIC) { violation("CloseServiceHandle: not an open handle"); errno = 6; return 0; }
    h->magic = 0;
    free(h);
    open_handles--;
    return 1;
}

/* ---- test hooks ---- */
void fake_scm_reset(void) { memset(services, 0, sizeof services); violations[0] = 0; open_handles = 0; }
void fake_scm_add_existing(const char *name) { for (int i = 0; i < MAX_SERVICES; i++) if (!services[i].used) { services[i].used = 1; snprintf(services[i].name, sizeof services[i].name, "%s", name); return; } }
const char *fake_scm_record(const char *name) { service_t *s = find(name); return s ? s->record : NULL; }
int fake_scm_running(const char *name) { service_t *s = find(name); return s ? s->running : -1; }
int fake_scm_open_handles(void) { return open_handles; }
const char *fake_scm_violations(void) { return violations; }
