// SPDX-License-Identifier: Apache-2.0 — nova-agent
// Explicit descriptor for an automatic module (dist/modularize.sh; from jdeps --generate-module-info).
module jnr.a64asm {
    exports jnr.a64asm;
}
