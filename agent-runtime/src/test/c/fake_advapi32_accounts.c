/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/*
 * A Linux stand-in for LookupAccountSidW of advapi32.dll (winbase.h), with the well-known accounts
 * of an English and of a German Windows Server (the names Windows shows, localised, and the empty
 * domain of Everyone). The SID is read as winnt.h lays it out (Revision, SubAuthorityCount, a 6-byte
 * big-endian IdentifierAuthority, then little-endian DWORD SubAuthority[]) and turned into its
 * S-1-... string here, so a wrong layout on the Java side finds no account. The buffer protocol is
 * the documented one: too small (or NULL with size 0) → FALSE, ERROR_INSUFFICIENT_BUFFER (122) and
 * both sizes set to what is needed including the NUL; success → both strings NUL-terminated, sizes
 * set to their lengths, *peUse the account type. Unknown SID → ERROR_NONE_MAPPED (1332). Failures
 * set errno (GetLastError through jnr-ffi's @SaveError); misuse is recorded (fake_acct_violations).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <uchar.h>

typedef uint32_t DWORD;
typedef int32_t BOOL;
typedef uint16_t WCHAR;

/* SID_NAME_USE */
enum { SidTypeUser = 1, SidTypeAlias = 4, SidTypeWellKnownGroup = 5 };

typedef struct {
    const char *sid;
    const char16_t *domain[2]; /* [0] English, [1] German */
    const char16_t *name[2];
    int use;
} account_t;

static const account_t ACCOUNTS[] = {
    {"S-1-5-18", {u"NT AUTHORITY", u"NT-AUTORIT\u00c4T"}, {u"SYSTEM", u"SYSTEM"}, SidTypeWellKnownGroup},
    {"S-1-5-32-544", {u"BUILTIN", u"VORDEFINIERT"}, {u"Administrators", u"Administratoren"}, SidTypeAlias},
    {"S-1-5-32-545", {u"BUILTIN", u"VORDEFINIERT"}, {u"Users", u"Benutzer"}, SidTypeAlias},
    {"S-1-5-32-546", {u"BUILTIN", u"VORDEFINIERT"}, {u"Guests", u"G\u00e4ste"}, SidTypeAlias},
    {"S-1-1-0", {u"", u""}, {u"Everyone", u"Jeder"}, SidTypeWellKnownGroup},
    {"S-1-5-11", {u"NT AUTHORITY", u"NT-AUTORIT\u00c4T"}, {u"Authenticated Users", u"Authentifizierte Benutzer"},
        SidTypeWellKnownGroup},
    {"S-1-5-4", {u"NT AUTHORITY", u"NT-AUTORIT\u00c4T"}, {u"INTERACTIVE", u"INTERAKTIV"}, SidTypeWellKnownGroup},
    {"S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464", {u"NT SERVICE", u"NT SERVICE"},
        {u"TrustedInstaller", u"TrustedInstaller"}, SidTypeWellKnownGroup},
    {"S-1-5-21-1004336348-1177238915-682003330-500", {u"WIN-GUEST", u"WIN-GUEST"},
        {u"Administrator", u"Administrator"}, SidTypeUser},
};

static int german;
static int calls;
static char violations[2048];
static char last_sid[256];

static void violation(const char *what) {
    strncat(violations, what, sizeof violations - strlen(violations) - 3);
    strncat(violations, "; ", sizeof violations - strlen(violations) - 1);
}

static DWORD length16(const char16_t *s) {
    DWORD n = 0;
    while (s[n] != 0) n++;
    return n;
}

/* The S-1-... form of a binary SID, or -1 when it is malformed. */
static int sid_string(const uint8_t *sid, char *out, size_t max) {
    if (sid[0] != 1 || sid[1] > 15) return -1;
    uint64_t authority = 0;
    for (int i = 2; i < 8; i++) authority = (authority << 8) | sid[i];
    int n = snprintf(out, max, "S-1-%llu", (unsigned long long) authority);
    for (int i = 0; i < sid[1]; i++) {
        const uint8_t *p = sid + 8 + 4 * i;
        DWORD sub = (DWORD) p[0] | (DWORD) p[1] << 8 | (DWORD) p[2] << 16 | (DWORD) p[3] << 24;
        n += snprintf(out + n, max - (size_t) n, "-%u", sub);
    }
    return n;
}

BOOL LookupAccountSidW(const WCHAR *lpSystemName, const void *Sid, WCHAR *Name, DWORD *cchName,
                       WCHAR *ReferencedDomainName, DWORD *cchReferencedDomainName, int *peUse) {
    calls++;
    if (lpSystemName != NULL) violation("LookupAccountSidW: lpSystemName is not NULL (the local system)");
    if (Sid == NULL || cchName == NULL || cchReferencedDomainName == NULL || peUse == NULL) {
        violation("LookupAccountSidW: NULL argument");
        errno = 87; /* ERROR_INVALID_PARAMETER */
        return 0;
    }
    if ((Name == NULL && *cchName != 0) || (ReferencedDomainName == NULL && *cchReferencedDomainName != 0)) {
        violation("LookupAccountSidW: a NULL buffer with a non-zero size");
    }
    if (sid_string(Sid, last_sid, sizeof last_sid) < 0) {
        violation("LookupAccountSidW: malformed SID");
        errno = 1337; /* ERROR_INVALID_SID */
        return 0;
    }
    for (size_t i = 0; i < sizeof ACCOUNTS / sizeof ACCOUNTS[0]; i++) {
        const account_t *a = &ACCOUNTS[i];
        if (strcmp(a->sid, last_sid) != 0) continue;
        DWORD needName = length16(a->name[german]) + 1;
        DWORD needDomain = length16(a->domain[german]) + 1;
        if (*cchName < needName || *cchReferencedDomainName < needDomain || Name == NULL || ReferencedDomainName == NULL) {
            *cchName = needName;
            *cchReferencedDomainName = needDomain;
            errno = 122; /* ERROR_INSUFFICIENT_BUFFER */
            return 0;
        }
        memcpy(Name, a->name[german], needName * sizeof(WCHAR));
        memcpy(ReferencedDomainName, a->domain[german], needDomain * sizeof(WCHAR));
        *cchName = needName - 1;
        *cchReferencedDomainName = needDomain - 1;
        *peUse = a->use;
        return 1;
    }
    errno = 1332; /* ERROR_NONE_MAPPED */
    return 0;
}

/* Test hooks. */
void fake_acct_german(int on) { german = on != 0; }
int fake_acct_calls(void) { return calls; }
const char *fake_acct_violations(void) { return violations; }
const char *fake_acct_last_sid(void) { return last_sid; }
void fake_acct_reset(void) { german = 0; calls = 0; violations[0] = 0; last_sid[0] = 0; }
