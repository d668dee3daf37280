/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * The command-handler SPI: {@link org.novaagent.api.CommandHandler} and the immutable values
 * passed to and from it. The runtime owns the wire format, routing and reserved return codes;
 * handlers only compute domain results.
 */
package org.novaagent.api;
