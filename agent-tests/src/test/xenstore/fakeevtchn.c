/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/* LD_PRELOAD shim: oxenstored binds VIRQ_DOM_EXC at start-up; without Xen that ioctl fails.
 * Pretend it worked (port 1). Build: gcc -shared -fPIC -O2 -o fakeevtchn.so fakeevtchn.c */
int xenevtchn_bind_virq(void *xce, unsigned int virq) { (void)xce; (void)virq; return 1; }
