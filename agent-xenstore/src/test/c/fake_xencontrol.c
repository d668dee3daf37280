/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/*
 * A Linux stand-in for xencontrol.dll (win-xeniface include/xencontrol.h) and the kernel32 event
 * functions, with the documented signatures: DWORD = uint32_t, BOOL = int32_t, HANDLE and the
 * context are pointers, paths and values are NUL-terminated 8-bit strings. It keeps a small
 * in-memory store, signals the watch events like the xeniface driver (once when the watch is
 * added, then on every change at or below the watched path) and checks what it receives: every
 * misuse (NULL or unterminated strings, a buffer size that does not match, an unknown handle, a
 * call after XcClose) is recorded and reported through fake_violations().
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef uint32_t DWORD;
typedef int32_t BOOL;
typedef void *HANDLE;

#define ERROR_SUCCESS 0u
#define ERROR_FILE_NOT_FOUND 2u
#define ERROR_INVALID_HANDLE 6u
#define ERROR_INVALID_PARAMETER 87u
#define ERROR_MORE_DATA 234u
#define WAIT_TIMEOUT 0x102u
#define WAIT_FAILED 0xFFFFFFFFu
#define MAX_PATH_BYTES 4096
#define MAX_KEYS 512
#define MAX_WATCHES 64
#define CONTEXT_MAGIC 0x58434f4eu /* "XCON" */
#define EVENT_MAGIC 0x45564e54u   /* "EVNT" */

typedef struct { DWORD magic; int closed; } context_t;
typedef struct { DWORD magic; int signalled; } event_t;
typedef struct { int used; char path[MAX_PATH_BYTES]; event_t *event; } watch_t;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static char *keys[MAX_KEYS];
static char *values[MAX_KEYS];
static watch_t watches[MAX_WATCHES];
static char violations[8192];
static DWORD open_error = ERROR_SUCCESS;
static int open_events;
static int open_contexts;
static int signals;

static void violation(const char *fmt, const char *detail) {
    size_t used = strlen(violations);
    snprintf(violations + used, sizeof violations - used, fmt, detail);
    strncat(violations, "; ", sizeof violations - strlen(violations) - 1);
}

/* a path must be non-NULL, NUL-terminated within 4096 bytes and not empty */
static int bad_path(const char *fn, const char *path) {
    if (path == NULL) { violation("%s: NULL path", fn); return 1; }
    if (memchr(path, 0, MAX_PATH_BYTES) == NULL) { violation("%s: path not NUL-terminated", fn); return 1; }
    if (path[0] == 0) { violation("%s: empty path", fn); return 1; }
    return 0;
}

static int bad_context(const char *fn, void *xc) {
    context_t *c = xc;
    if (c == NULL || c->magic != CONTEXT_MAGIC) { violation("%s: not a context from XcOpen", fn); return 1; }
    if (c->closed) { violation("%s: context used after XcClose", fn); return 1; }
    return 0;
}

static int find(const char *path) {
    for (int i = 0; i < MAX_KEYS; i++) if (keys[i] && strcmp(keys[i], path) == 0) return i;
    return -1;
}

static int at_or_below(const char *path, const char *top) {
    size_t n = strlen(top);
    return strncmp(path, top, n) == 0 && (path[n] == 0 || path[n] == '/');
}

static void fire(const char *path) {
    for (int i = 0; i < MAX_WATCHES; i++) {
        if (watches[i].used && at_or_below(path, watches[i].path)) { watches[i].event->signalled = 1; signals++; }
    }
    pthread_cond_broadcast(&changed);
}

static void put(const char *path, const char *value) {
    int i = find(path);
    if (i < 0) { for (i = 0; i < MAX_KEYS && keys[i]; i++) {} if (i == MAX_KEYS) { violation("%s: store full", path); return; } keys[i] = strdup(path); }
    else free(values[i]);
    values[i] = strdup(value);
    fire(path);
}

/* ---- xencontrol.dll ---- */

DWORD XcOpen(void *logger, void **xc) {
    (void) logger; /* NULL is allowed: the library's _Log returns when Logger is NULL */
    if (xc == NULL) { violation("%s: NULL out-parameter", "XcOpen"); return ERROR_INVALID_PARAMETER; }
    pthread_mutex_lock(&lock);
    DWORD rc = open_error;
    if (rc == ERROR_SUCCESS) {
        context_t *c = calloc(1, sizeof *c);
        c->magic = CONTEXT_MAGIC;
        *xc = c;
        open_contexts++;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

void XcClose(void *xc) {
    pthread_mutex_lock(&lock);
    if (!bad_context("XcClose", xc)) { ((context_t *) xc)->closed = 1; open_contexts--; }
    pthread_mutex_unlock(&lock);
}

static DWORD copy_out(const char *fn, const char *data, size_t len, DWORD cb, char *out) {
    if (out == NULL || cb == 0) { violation("%s: no output buffer", fn); return ERROR_INVALID_PARAMETER; }
    if (len > cb) return ERROR_MORE_DATA;
    memcpy(out, data, len);
    return ERROR_SUCCESS;
}

DWORD XcStoreRead(void *xc, const char *path, DWORD cb, char *value) {
    pthread_mutex_lock(&lock);
    DWORD rc = ERROR_INVALID_PARAMETER;
    if (!bad_context("XcStoreRead", xc) && !bad_path("XcStoreRead", path)) {
        int i = find(path);
        rc = i < 0 ? ERROR_FILE_NOT_FOUND : copy_out("XcStoreRead", values[i], strlen(values[i]) + 1, cb, value);
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

DWORD XcStoreWrite(void *xc, const char *path, const char *value) {
    pthread_mutex_lock(&lock);
    DWORD rc = ERROR_INVALID_PARAMETER;
    if (!bad_context("XcStoreWrite", xc) && !bad_path("XcStoreWrite", path)) {
        if (value == NULL || memchr(value, 0, MAX_PATH_BYTES + 1) == NULL) violation("%s: value NULL or unterminated", path);
        else { put(path, value); rc = ERROR_SUCCESS; }
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

/* the immediate children of path, each NUL-terminated, one more NUL at the end */
DWORD XcStoreDirectory(void *xc, const char *path, DWORD cb, char *out) {
    pthread_mutex_lock(&lock);
    DWORD rc = ERROR_INVALID_PARAMETER;
    if (!bad_context("XcStoreDirectory", xc) && !bad_path("XcStoreDirectory", path)) {
        static char buf[1 << 16];
        size_t len = 0, n = strlen(path);
        int exists = find(path) >= 0;
        for (int i = 0; i < MAX_KEYS; i++) {
            if (!keys[i] || strncmp(keys[i], path, n) != 0 || keys[i][n] != '/') continue;
            exists = 1;
            const char *child = keys[i] + n + 1;
            size_t clen = strcspn(child, "/");
            int dup = 0;
            for (size_t at = 0; at < len; at += strlen(buf + at) + 1)
                if (strlen(buf + at) == clen && strncmp(buf + at, child, clen) == 0) dup = 1;
            if (!dup) { memcpy(buf + len, child, clen); buf[len + clen] = 0; len += clen + 1; }
        }
        buf[len++] = 0;
        rc = exists ? copy_out("XcStoreDirectory", buf, len, cb, out) : ERROR_FILE_NOT_FOUND;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

DWORD XcStoreRemove(void *xc, const char *path) {
    pthread_mutex_lock(&lock);
    DWORD rc = ERROR_INVALID_PARAMETER;
    if (!bad_context("XcStoreRemove", xc) && !bad_path("XcStoreRemove", path)) {
        rc = ERROR_FILE_NOT_FOUND;
        for (int i = 0; i < MAX_KEYS; i++) {
            if (keys[i] && at_or_below(keys[i], path)) { free(keys[i]); free(values[i]); keys[i] = values[i] = NULL; rc = ERROR_SUCCESS; }
        }
        if (rc == ERROR_SUCCESS) fire(path);
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

DWORD XcStoreAddWatch(void *xc, const char *path, HANDLE event, void **handle) {
    pthread_mutex_lock(&lock);
    DWORD rc = ERROR_INVALID_PARAMETER;
    event_t *e = event;
    if (bad_context("XcStoreAddWatch", xc) || bad_path("XcStoreAddWatch", path)) goto out;
    if (e == NULL || e->magic != EVENT_MAGIC) { violation("%s: event is not from CreateEventW", path); rc = ERROR_INVALID_HANDLE; goto out; }
    if (handle == NULL) { violation("%s: NULL watch-handle out-parameter", path); goto out; }
    for (int i = 0; i < MAX_WATCHES; i++) {
        if (!watches[i].used) {
            watches[i].used = 1;
            snprintf(watches[i].path, MAX_PATH_BYTES, "%s", path);
            watches[i].event = e;
            *handle = &watches[i];
            e->signalled = 1; /* Xen signals a new watch at once */
            pthread_cond_broadcast(&changed);
            rc = ERROR_SUCCESS;
            break;
        }
    }
out:
    pthread_mutex_unlock(&lock);
    return rc;
}

DWORD XcStoreRemoveWatch(void *xc, void *handle) {
    pthread_mutex_lock(&lock);
    DWORD rc = ERROR_INVALID_PARAMETER;
    watch_t *w = handle;
    if (!bad_context("XcStoreRemoveWatch", xc)) {
        if (w < watches || w >= watches + MAX_WATCHES || !w->used) violation("%s: unknown watch handle", "XcStoreRemoveWatch");
        else { w->used = 0; rc = ERROR_SUCCESS; }
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

/* ---- kernel32.dll events ---- */

HANDLE CreateEventW(void *attributes, BOOL manual_reset, BOOL initial, const uint16_t *name) {
    if (attributes != NULL || name != NULL) violation("%s: expected NULL attributes and name", "CreateEventW");
    if (manual_reset) violation("%s: expected an auto-reset event", "CreateEventW");
    event_t *e = calloc(1, sizeof *e);
    e->magic = EVENT_MAGIC;
    e->signalled = initial != 0;
    pthread_mutex_lock(&lock);
    open_events++;
    pthread_mutex_unlock(&lock);
    return e;
}

DWORD WaitForMultipleObjects(DWORD count, HANDLE const *handles, BOOL wait_all, DWORD millis) {
    if (count == 0 || count > 64 || handles == NULL) { violation("%s: bad handle count or array", "WaitForMultipleObjects"); return WAIT_FAILED; }
    if (wait_all) violation("%s: expected bWaitAll = FALSE", "WaitForMultipleObjects");
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += millis / 1000;
    until.tv_nsec += (long) (millis % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) { until.tv_sec++; until.tv_nsec -= 1000000000L; }
    pthread_mutex_lock(&lock);
    DWORD rc = WAIT_TIMEOUT;
    for (;;) {
        for (DWORD i = 0; i < count; i++) {
            event_t *e = handles[i];
            if (e == NULL || e->magic != EVENT_MAGIC) { violation("%s: not an event handle", "WaitForMultipleObjects"); rc = WAIT_FAILED; goto out; }
            if (e->signalled) { e->signalled = 0; rc = i; goto out; }
        }
        if (pthread_cond_timedwait(&changed, &lock, &until) == ETIMEDOUT) break;
    }
out:
    pthread_mutex_unlock(&lock);
    return rc;
}

BOOL CloseHandle(HANDLE handle) {
    event_t *e = handle;
    pthread_mutex_lock(&lock);
    BOOL ok = e != NULL && e->magic == EVENT_MAGIC;
    if (ok) { e->magic = 0; open_events--; free(e); } else violation("%s: not an open event handle", "CloseHandle");
    pthread_mutex_unlock(&lock);
    return ok;
}

/* ---- test hooks (not part of any Windows API) ---- */

void fake_host_write(const char *path, const char *value) { pthread_mutex_lock(&lock); put(path, value); pthread_mutex_unlock(&lock); }
const char *fake_value(const char *path) { int i = find(path); return i < 0 ? NULL : values[i]; }
const char *fake_violations(void) { return violations; }
void fake_set_open_error(DWORD rc) { open_error = rc; }
int fake_open_events(void) { return open_events; }
int fake_open_contexts(void) { return open_contexts; }
int fake_active_watches(void) { int n = 0; for (int i = 0; i < MAX_WATCHES; i++) n += watches[i].used; return n; }
void fake_reset(void) {
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_KEYS; i++) { free(keys[i]); free(values[i]); keys[i] = values[i] = NULL; }
    memset(watches, 0, sizeof watches);
    violations[0] = 0;
    open_error = ERROR_SUCCESS;
    signals = 0;
    pthread_mutex_unlock(&lock);
}
