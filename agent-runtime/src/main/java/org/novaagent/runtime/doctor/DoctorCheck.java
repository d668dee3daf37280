/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import java.util.List;

/** One of {@code agent doctor}'s checks. */
@FunctionalInterface
public interface DoctorCheck {

    /**
     * @param ctx what to look at
     * @return one finding per thing checked, never empty
     * @throws Exception anything unexpected; {@link Doctor} turns it into a failure naming the check
     */
    List<Finding> run(DoctorContext ctx) throws Exception;
}
