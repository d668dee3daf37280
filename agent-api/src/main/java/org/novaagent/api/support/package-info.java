/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Small helpers for plugin authors, kept out of the core contract package (like JUnit's
 * {@code engine.support}). Depends on {@code java.base} only.
 */
package org.novaagent.api.support;
