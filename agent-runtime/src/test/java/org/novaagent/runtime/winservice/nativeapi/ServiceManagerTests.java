/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice.nativeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service installation through the real jnr-ffi binding ({@link ScmApi}) against the C stand-in
 * of the service database, whose structs (SERVICE_DESCRIPTIONW, SERVICE_FAILURE_ACTIONSW with its
 * pointer alignment, SC_ACTION, SERVICE_FAILURE_ACTIONS_FLAG) are laid out by the C compiler.
 */
class ServiceManagerTests {

    private static final String CMD = "\"C:\\Program Files\\Java\\jdk-17\\bin\\java.exe\" -m x service run";
    private final FakeScmDatabase db = FakeScmDatabase.load();
    private final ServiceManager scm = ServiceManager.load(FakeScmDatabase.library().toString());

    @BeforeEach
    void reset() {
        db.fake_scm_reset();
    }

    @AfterEach
    void noMisuseAndNoLeakedHandle() {
        assertEquals("", db.fake_scm_violations());
        assertEquals(0, db.fake_scm_open_handles());
    }

    @Test
    void installDependsOnThePvToolsPresentAndRestartsOnFailure() throws Exception {
        db.fake_scm_add_existing("xenbus");
        db.fake_scm_add_existing("xeniface");
        List<String> deps = scm.install("nova-agent", "nova-agent (OpenStack guest agent)", "Answers the cloud.", CMD,
                List.of("xenbus", "xeniface", "xenagent", "xensvc"));
        assertEquals(List.of("xenbus", "xeniface"), deps);
        assertEquals("display=nova-agent (OpenStack guest agent)|bin=" + CMD + "|deps=xenbus,xeniface"
                + "|desc=Answers the cloud.|reset=86400|actions=1/5000,1/10000,1/60000|nonCrashFailures=1",
                db.fake_scm_record("nova-agent"));
    }

    @Test
    void noPvToolsMeansAnEmptyDependencyList() throws Exception {
        assertEquals(List.of(), scm.install("nova-agent", "d", "x", CMD, List.of("xenbus")));
        assertEquals(true, db.fake_scm_record("nova-agent").contains("|deps=|desc=x|"));
    }

    @Test
    void installTwiceStartStopUninstallWithNamedErrors() throws Exception {
        scm.install("nova-agent", "d", "x", CMD, List.of());
        assertEquals("CreateServiceW failed: the service is already installed (1073)",
                assertThrows(ServiceException.class, () -> scm.install("nova-agent", "d", "x", CMD, List.of())).getMessage());
        assertEquals("ControlService(STOP) failed: the service is not running (1062)",
                assertThrows(ServiceException.class, () -> scm.stop("nova-agent")).getMessage());
        scm.start("nova-agent");
        assertEquals(1, db.fake_scm_running("nova-agent"));
        assertEquals("StartServiceW failed: the service is already running (1056)",
                assertThrows(ServiceException.class, () -> scm.start("nova-agent")).getMessage());
        scm.stop("nova-agent");
        assertEquals(0, db.fake_scm_running("nova-agent"));
        scm.start("nova-agent");
        scm.uninstall("nova-agent"); // stops it first
        assertEquals(-1, db.fake_scm_running("nova-agent"));
        assertEquals("OpenServiceW(nova-agent) failed: the service is not installed (1060)",
                assertThrows(ServiceException.class, () -> scm.uninstall("nova-agent")).getMessage());
    }

    @Test
    void failureActionsStructSizeFollowsThePointerSize() {
        assertEquals(40, ServiceManager.failureActionsSize(8));
        assertEquals(20, ServiceManager.failureActionsSize(4));
    }
}
