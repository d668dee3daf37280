/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.rhel.registration.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.JsonValue;

/**
 * The validated {@code kmsactivate} value:
 * {@code {"activation_key": ..., "profile": ..., "domains": "<host>" | [...], "org": ...}}.
 * Exists so that every field is checked once, before any file is written or process started,
 * and so that the activation key can never be printed by accident ({@link #toString} masks it).
 *
 * @param activationKey the secret activation key (printable ASCII, no spaces)
 * @param profile       the system profile name
 * @param domains       RHN/Satellite hosts ({@code host} or {@code host:port}), at least one
 * @param org           the organisation, needed by subscription-manager
 */
record KmsRequest(String activationKey, String profile, List<String> domains, Optional<String> org) {

    private static final int MAX_FIELD = 256;
    private static final int MAX_DOMAINS = 16;
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:" + LABEL + "(?:\\." + LABEL + ")*\\.?|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");
    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{1," + MAX_FIELD + "}");
    private static final String EXPECTED =
            "expected a JSON object {\"activation_key\": ..., \"profile\": ..., \"domains\": ..., \"org\": ...}";

    /**
     * @param request the request from the host
     * @return the validated value
     * @throws CommandException {@code "500"} naming the problem (never quoting the key)
     */
    static KmsRequest parse(CommandRequest request) throws CommandException {
        Map<String, Object> json = request.jsonObject().orElseThrow(() -> invalid(EXPECTED
                + (request.valueIsJson() ? ", got another JSON value" : ", got a string")));
        try {
            String key = JsonValue.string(json, "activation_key").orElseThrow(() -> invalid("activation_key is required"));
            String profile = JsonValue.string(json, "profile").orElseThrow(() -> invalid("profile is required"));
            List<String> domains = JsonValue.strings(json, "domains");
            Optional<String> org = JsonValue.string(json, "org");
            if (!SECRET.matcher(key).matches()) {
                throw invalid("activation_key must be 1-" + MAX_FIELD + " printable ASCII characters without spaces");
            }
            checkName("profile", profile);
            if (org.isPresent()) {
                checkName("org", org.get());
            }
            if (domains.isEmpty() || domains.size() > MAX_DOMAINS) {
                throw invalid("domains must name 1-" + MAX_DOMAINS + " hosts");
            }
            for (String d : domains) {
                if (d.length() > 253 + 6 || !DOMAIN.matcher(d).matches()) {
                    throw invalid("domains must be host names or addresses, optionally with :port");
                }
            }
            return new KmsRequest(key, profile, domains, org);
        } catch (JsonValue.TypeException e) {
            throw invalid(e.getMessage() + " (" + EXPECTED + ")");
        }
    }

    private static void checkName(String field, String value) throws CommandException {
        if (value.isEmpty() || value.length() > MAX_FIELD || value.startsWith("-")
                || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid(field + " must be 1-" + MAX_FIELD + " characters, no control characters, not starting with '-'");
        }
    }

    private static CommandException invalid(String why) {
        return new CommandException("500", "Invalid kmsactivate data: " + why);
    }

    /** Masks the activation key. */
    @Override
    public String toString() {
        return "KmsRequest[activationKey=<removed>, profile=" + profile + ", domains=" + domains + ", org=" + org + "]";
    }
}
