/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/*
 * A Linux stand-in for the account functions the password plugin binds: netapi32 (NetUserEnum,
 * NetUserGetInfo, NetUserSetInfo, NetApiBufferFree), advapi32 (ConvertSidToStringSidW) and
 * kernel32 (LocalFree), with lmaccess.h's structs declared as Windows declares them
 * (USER_INFO_0, USER_INFO_23, USER_INFO_1003) and binary SIDs as winnt.h lays them out, so the C
 * compiler decides every offset. It checks what it receives (levels, filter, UTF-16 names,
 * buffers it allocated, double frees) and answers with the real NET_API_STATUS codes. The last
 * password buffer it was given is remembered so a test can check it was wiped after the call.
 * Loaded into a whole agent (an end-to-end run over a Windows-shaped root), it starts with the
 * accounts Administrator (RID 500) and Guest (501), and appends "user=<name> password=<text>"
 * for each NetUserSetInfo to the file named by $FAKE_NETAPI32_LOG.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint32_t DWORD;
typedef uint16_t WCHAR;
typedef struct { WCHAR *usri0_name; } USER_INFO_0;
typedef struct { WCHAR *usri23_name; WCHAR *usri23_full_name; WCHAR *usri23_comment; DWORD usri23_flags; void *usri23_user_sid; } USER_INFO_23;
typedef struct { WCHAR *usri1003_password; } USER_INFO_1003;
typedef struct { uint8_t Revision; uint8_t SubAuthorityCount; uint8_t IdentifierAuthority[6]; DWORD SubAuthority[15]; } SID;

#define NERR_Success 0
#define ERROR_ACCESS_DENIED 5
#define ERROR_INVALID_PARAMETER 87
#define ERROR_INVALID_LEVEL 124
#define ERROR_MORE_DATA 234
#define NERR_UserNotFound 2221
#define NERR_PasswordTooShort 2245
#define MAX_ACCOUNTS 16
#define MAX_ALLOCS 256

static char names[MAX_ACCOUNTS][32];
static DWORD rids[MAX_ACCOUNTS];
static int accounts;
static int page_size = 2;
static void *allocs[MAX_ALLOCS];
static char violations[4096];
static char last_password[300];
static char last_password_user[64];
static WCHAR *last_password_buffer;
static size_t last_password_chars;
static int set_info_status;

static void violation(const char *what) {
    strncat(violations, what, sizeof violations - strlen(violations) - 3);
    strncat(violations, "; ", sizeof violations - strlen(violations) - 1);
}

static void *track(size_t n) {
    void *p = calloc(1, n);
    for (int i = 0; i < MAX_ALLOCS; i++) if (!allocs[i]) { allocs[i] = p; return p; }
    violation("too many buffers alive");
    return p;
}

static int untrack(void *p, const char *fn) {
    for (int i = 0; i < MAX_ALLOCS; i++) if (allocs[i] == p) { allocs[i] = NULL; free(p); return 1; }
    violation(fn);
    return 0;
}

static WCHAR *wide_copy(WCHAR *dst, const char *s) { size_t i = 0; for (; s[i]; i++) dst[i] = (WCHAR) s[i]; dst[i] = 0; return dst; }

static int narrow(const WCHAR *w, char *out, size_t max) {
    if (w == NULL) return -1;
    for (size_t i = 0; i < max; i++) { if (w[i] == 0) { out[i] = 0; return (int) i; } out[i] = w[i] < 0x80 ? (char) w[i] : '?'; }
    return -1;
}

static int find(const WCHAR *name) {
    char n[64];
    if (narrow(name, n, sizeof n) <= 0) { violation("account name is not a NUL-terminated UTF-16 string"); return -2; }
    for (int i = 0; i < accounts; i++) if (strcmp(names[i], n) == 0) return i;
    return -1;
}

DWORD NetUserEnum(const WCHAR *server, DWORD level, DWORD filter, uint8_t **buf, DWORD prefmax, DWORD *read, DWORD *total, DWORD *resume) {
    if (server != NULL) violation("NetUserEnum: expected the local computer (NULL server)");
    if (level != 0) return ERROR_INVALID_LEVEL;
    if (filter != 2) violation("NetUserEnum: expected FILTER_NORMAL_ACCOUNT");
    if (prefmax != 0xFFFFFFFFu) violation("NetUserEnum: expected MAX_PREFERRED_LENGTH");
    if (!buf || !read || !total || !resume) { violation("NetUserEnum: NULL out-parameter"); return ERROR_INVALID_PARAMETER; }
    DWORD start = *resume, n = 0;
    while (start + n < (DWORD) accounts && n < (DWORD) page_size) n++;
    /* one allocation: the USER_INFO_0 array, then the strings, as Windows does */
    USER_INFO_0 *arr = track(n * sizeof(USER_INFO_0) + n * 32 * sizeof(WCHAR));
    WCHAR *strings = (WCHAR *) (arr + n);
    for (DWORD i = 0; i < n; i++) arr[i].usri0_name = wide_copy(strings + i * 32, names[start + i]);
    *buf = (uint8_t *) arr;
    *read = n;
    *total = (DWORD) accounts;
    *resume = start + n;
    return start + n < (DWORD) accounts ? ERROR_MORE_DATA : NERR_Success;
}

DWORD NetUserGetInfo(const WCHAR *server, const WCHAR *name, DWORD level, uint8_t **buf) {
    if (server != NULL) violation("NetUserGetInfo: expected NULL server");
    if (level != 23) return ERROR_INVALID_LEVEL;
    int i = find(name);
    if (i == -2) return ERROR_INVALID_PARAMETER;
    if (i < 0) return NERR_UserNotFound;
    USER_INFO_23 *info = track(sizeof(USER_INFO_23) + sizeof(SID) + 32 * sizeof(WCHAR));
    SID *sid = (SID *) (info + 1);
    sid->Revision = 1;
    sid->SubAuthorityCount = 5;
    sid->IdentifierAuthority[5] = 5; /* SECURITY_NT_AUTHORITY */
    sid->SubAuthority[0] = 21; sid->SubAuthority[1] = 3623811015u; sid->SubAuthority[2] = 3361044348u;
    sid->SubAuthority[3] = 30300820u; sid->SubAuthority[4] = rids[i];
    info->usri23_name = wide_copy((WCHAR *) (sid + 1), names[i]);
    info->usri23_flags = 0x201;
    info->usri23_user_sid = sid;
    *buf = (uint8_t *) info;
    return NERR_Success;
}

__attribute__((constructor)) static void default_accounts(void) {
    snprintf(names[0], 32, "Administrator"); rids[0] = 500;
    snprintf(names[1], 32, "Guest"); rids[1] = 501;
    accounts = 2;
}

static void log_password(const char *user, const char *password) {
    const char *path = getenv("FAKE_NETAPI32_LOG");
    FILE *f = path ? fopen(path, "a") : NULL;
    if (f) { fprintf(f, "user=%s password=%s\n", user, password); fclose(f); }
}

DWORD NetUserSetInfo(const WCHAR *server, const WCHAR *name, DWORD level, uint8_t *buf, DWORD *parm_err) {
    if (server != NULL) violation("NetUserSetInfo: expected NULL server");
    if (level != 1003) return ERROR_INVALID_LEVEL;
    if (buf == NULL) { if (parm_err) *parm_err = 1003; return ERROR_INVALID_PARAMETER; }
    int i = find(name);
    if (i == -2) return ERROR_INVALID_PARAMETER;
    if (i < 0) return NERR_UserNotFound;
    USER_INFO_1003 *info = (USER_INFO_1003 *) buf;
    int len = narrow(info->usri1003_password, last_password, sizeof last_password);
    if (len < 0) { violation("USER_INFO_1003: password is not a NUL-terminated UTF-16 string"); return ERROR_INVALID_PARAMETER; }
    snprintf(last_password_user, sizeof last_password_user, "%s", names[i]);
    last_password_buffer = info->usri1003_password;
    last_password_chars = (size_t) len + 1;
    if (set_info_status) return (DWORD) set_info_status;
    if (len < 8) return NERR_PasswordTooShort;
    log_password(names[i], last_password);
    return NERR_Success;
}

DWORD NetApiBufferFree(void *buf) { return untrack(buf, "NetApiBufferFree: not a buffer from NetUserEnum/NetUserGetInfo (or freed twice)") ? NERR_Success : ERROR_INVALID_PARAMETER; }

int32_t ConvertSidToStringSidW(const SID *sid, WCHAR **out) {
    char text[200];
    if (sid == NULL || sid->Revision != 1 || sid->SubAuthorityCount > 15) { errno = ERROR_INVALID_PARAMETER; violation("ConvertSidToStringSidW: not a SID"); return 0; }
    if (out == NULL) { errno = ERROR_INVALID_PARAMETER; return 0; }
    int n = snprintf(text, sizeof text, "S-%u-%u", sid->Revision, sid->IdentifierAuthority[5]);
    for (int i = 0; i < sid->SubAuthorityCount; i++) n += snprintf(text + n, sizeof text - (size_t) n, "-%u", sid->SubAuthority[i]);
    *out = wide_copy(track((size_t) (n + 1) * sizeof(WCHAR)), text);
    return 1;
}

void *LocalFree(void *p) { return untrack(p, "LocalFree: not a buffer from ConvertSidToStringSidW (or freed twice)") ? NULL : p; }

/* ---- test hooks ---- */
void fake_net_reset(void) {
    accounts = 0; page_size = 2; violations[0] = 0; last_password[0] = 0; last_password_user[0] = 0;
    last_password_buffer = NULL; set_info_status = 0;
}
void fake_net_add_account(const char *name, DWORD rid) { snprintf(names[accounts], 32, "%s", name); rids[accounts++] = rid; }
void fake_net_set_page_size(int n) { page_size = n; }
void fake_net_fail_set_info(int status) { set_info_status = status; }
int fake_net_live_buffers(void) { int n = 0; for (int i = 0; i < MAX_ALLOCS; i++) n += allocs[i] != NULL; return n; }
const char *fake_net_violations(void) { return violations; }
const char *fake_net_last_password(void) { return last_password; }
const char *fake_net_last_password_user(void) { return last_password_user; }
/* 1 when every UTF-16 unit of the last password buffer (still owned by the caller) is zero */
int fake_net_password_buffer_wiped(void) {
    if (last_password_buffer == NULL) return 0;
    for (size_t i = 0; i < last_password_chars; i++) if (last_password_buffer[i] != 0) return 0;
    return 1;
}
