/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore;

/**
 * A XENSTORE watch event: the path that changed and the token given to {@code watch}.
 *
 * @param path  the absolute path that fired
 * @param token the watch token
 */
public record WatchEvent(String path, String token) {
}
