/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/*
 * A stand-in for kernel32's SetComputerNameExW, built with gcc in the test build and loaded through
 * the plugin's real jnr-ffi binding (ComputerNames): it checks the call as Windows would receive it
 * (the COMPUTER_NAME_FORMAT value, a NUL-terminated UTF-16LE string), refuses what Windows refuses
 * (ERROR_INVALID_PARAMETER 87 for a wrong type or NULL, ERROR_INVALID_COMPUTERNAME 1210 for an empty,
 * too long or non-ASCII-printable name) through errno, which jnr-ffi reports as the last error, and
 * keeps the last accepted name for the test (fake_names_*), or appends it to $FAKE_KERNEL32_LOG when set
 * (for a child agent process).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef uint16_t WCHAR;
typedef int BOOL;

#define ComputerNamePhysicalDnsHostname 5
#define ERROR_INVALID_PARAMETER 87
#define ERROR_INVALID_COMPUTERNAME 1210
#define MAX_DNS_LABEL 63

static char last_name[MAX_DNS_LABEL + 1];
static int last_type = -1;
static int calls;

void fake_names_reset(void) { last_name[0] = '\0'; last_type = -1; calls = 0; }
const char *fake_names_last(void) { return last_name; }
int fake_names_last_type(void) { return last_type; }
int fake_names_calls(void) { return calls; }

BOOL SetComputerNameExW(int nameType, const WCHAR *name) {
    char ascii[MAX_DNS_LABEL + 1];
    size_t n = 0;
    calls++;
    if (nameType != ComputerNamePhysicalDnsHostname || name == NULL) {
        errno = ERROR_INVALID_PARAMETER;
        return 0;
    }
    for (; name[n] != 0; n++) {
        if (n >= MAX_DNS_LABEL || name[n] <= 0x20 || name[n] >= 0x7f) {
            errno = ERROR_INVALID_COMPUTERNAME;
            return 0;
        }
        ascii[n] = (char) name[n];
    }
    if (n == 0) {
        errno = ERROR_INVALID_COMPUTERNAME;
        return 0;
    }
    ascii[n] = '\0';
    for (size_t i = 0; i <= n; i++) {
        last_name[i] = ascii[i];
    }
    last_type = nameType;
    const char *log = getenv("FAKE_KERNEL32_LOG");
    if (log != NULL) {
        FILE *f = fopen(log, "a");
        if (f == NULL) {
            errno = ERROR_INVALID_PARAMETER;
            return 0;
        }
        fprintf(f, "SetComputerNameExW type=%d name=%s length=%zu\n", nameType, ascii, n);
        fclose(f);
    }
    return 1;
}
