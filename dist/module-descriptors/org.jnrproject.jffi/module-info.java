// SPDX-License-Identifier: Apache-2.0 — nova-agent
// Explicit descriptor for an automatic module (dist/modularize.sh; from jdeps --generate-module-info).
module org.jnrproject.jffi {
    requires java.logging;
    // its native stub (jni/<arch>-<os>/libjffi-*.so) is a resource of the native jar: in the boot layer with it
    requires org.jnrproject.jffi.nativelibs;
    requires transitive jdk.unsupported;
    exports com.kenai.jffi;
    exports com.kenai.jffi.internal;
}
