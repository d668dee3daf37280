/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/*
 * A Linux stand-in for SetNamedSecurityInfoW of advapi32.dll (aclapi.h). It reads what it is given
 * as Windows would: the object name as NUL-terminated UTF-16LE, the DACL as winnt.h lays it out (ACL
 * header: BYTE AclRevision, BYTE Sbz1, WORD AclSize, WORD AceCount, WORD Sbz2; then per ACE an
 * ACE_HEADER {BYTE AceType, BYTE AceFlags, WORD AceSize}, a DWORD ACCESS_MASK and the SID at offset
 * 8: Revision, SubAuthorityCount, 6-byte big-endian IdentifierAuthority, little-endian DWORDs). It
 * records what a real call would apply (fake_sec_last) and every inconsistency (fake_sec_violations):
 * sizes that do not add up, unknown revisions or ACE types, a SID running past its ACE. It returns
 * the Win32 error itself, 0 on success, or what fake_sec_fail asked for (e.g. 5, ACCESS_DENIED).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint32_t DWORD;
typedef uint16_t WCHAR;

#define SE_FILE_OBJECT 1
#define ERROR_INVALID_PARAMETER 87

static char last[4096];
static char violations[2048];
static int calls;
static DWORD fail_with;

static void violation(const char *what) {
    strncat(violations, what, sizeof violations - strlen(violations) - 3);
    strncat(violations, "; ", sizeof violations - strlen(violations) - 1);
}

static void append(const char *s) {
    strncat(last, s, sizeof last - strlen(last) - 1);
}

static uint16_t word(const unsigned char *p) { return (uint16_t) (p[0] | p[1] << 8); }
static DWORD dword(const unsigned char *p) { return (DWORD) p[0] | (DWORD) p[1] << 8 | (DWORD) p[2] << 16 | (DWORD) p[3] << 24; }

/* UTF-16LE (surrogate pairs included) to UTF-8, at most 1000 characters. */
static void utf8(const WCHAR *w, char *out, size_t size) {
    size_t n = 0;
    for (int i = 0; w[i] != 0 && i < 1000 && n + 5 < size; i++) {
        uint32_t c = w[i];
        if (c >= 0xD800 && c < 0xDC00 && w[i + 1] >= 0xDC00 && w[i + 1] < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (w[i + 1] - 0xDC00);
            i++;
        }
        if (c < 0x80) {
            out[n++] = (char) c;
        } else if (c < 0x800) {
            out[n++] = (char) (0xC0 | c >> 6);
            out[n++] = (char) (0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[n++] = (char) (0xE0 | c >> 12);
            out[n++] = (char) (0x80 | (c >> 6 & 0x3F));
            out[n++] = (char) (0x80 | (c & 0x3F));
        } else {
            out[n++] = (char) (0xF0 | c >> 18);
            out[n++] = (char) (0x80 | (c >> 12 & 0x3F));
            out[n++] = (char) (0x80 | (c >> 6 & 0x3F));
            out[n++] = (char) (0x80 | (c & 0x3F));
        }
    }
    out[n] = 0;
}

/* The SID at p (at most room bytes) as S-1-..., or 0 when it does not fit or is malformed. */
static int sid_string(const unsigned char *p, size_t room, char *out, size_t size) {
    if (room < 8 || p[0] != 1 || p[1] > 15 || room < (size_t) 8 + 4 * p[1]) {
        return 0;
    }
    uint64_t authority = 0;
    for (int i = 2; i < 8; i++) {
        authority = authority << 8 | p[i];
    }
    int n = snprintf(out, size, "S-1-%llu", (unsigned long long) authority);
    for (int i = 0; i < p[1]; i++) {
        n += snprintf(out + n, size - n, "-%u", dword(p + 8 + 4 * i));
    }
    return 8 + 4 * p[1];
}

DWORD SetNamedSecurityInfoW(const WCHAR *name, int type, DWORD info, const void *owner, const void *group,
        const unsigned char *dacl, const void *sacl) {
    calls++;
    last[0] = 0;
    if (name == NULL || dacl == NULL) {
        violation("NULL object name or DACL");
        return ERROR_INVALID_PARAMETER;
    }
    char path[4096];
    char line[256];
    utf8(name, path, sizeof path);
    snprintf(line, sizeof line, "type=%d info=0x%08x owner=%s group=%s sacl=%s", type, info, owner ? "set" : "null",
            group ? "set" : "null", sacl ? "set" : "null");
    append("path=");
    append(path);
    append(" ");
    append(line);
    if (type != SE_FILE_OBJECT) {
        violation("not SE_FILE_OBJECT");
    }
    uint16_t size = word(dacl + 2);
    uint16_t count = word(dacl + 4);
    if (dacl[0] != 2 || dacl[1] != 0 || word(dacl + 6) != 0) {
        violation("ACL header: revision not ACL_REVISION or Sbz not zero");
    }
    snprintf(line, sizeof line, " acl=%u/%u", size, count);
    append(line);
    size_t at = 8;
    for (int i = 0; i < count; i++) {
        if (at + 8 > size) {
            violation("ACE past AclSize");
            return ERROR_INVALID_PARAMETER;
        }
        const unsigned char *ace = dacl + at;
        uint16_t ace_size = word(ace + 2);
        char sid[200];
        int sid_len = sid_string(ace + 8, ace_size > 8 ? ace_size - 8 : 0, sid, sizeof sid);
        if (sid_len == 0 || 8 + sid_len != ace_size || ace_size % 4 != 0) {
            violation("ACE size does not match its SID");
            return ERROR_INVALID_PARAMETER;
        }
        if (ace[0] != 0) {
            violation("not ACCESS_ALLOWED_ACE_TYPE");
        }
        snprintf(line, sizeof line, " allow %s flags=0x%x mask=0x%x", sid, ace[1], dword(ace + 4));
        append(line);
        at += ace_size;
    }
    if (at != size) {
        violation("AclSize is not the sum of the ACEs");
    }
    return fail_with;
}

const char *fake_sec_last(void) { return last; }
const char *fake_sec_violations(void) { return violations; }
int fake_sec_calls(void) { return calls; }
void fake_sec_fail(DWORD code) { fail_with = code; }
void fake_sec_reset(void) { last[0] = 0; violations[0] = 0; calls = 0; fail_with = 0; }
