package org.circc.bench;

import org.circc.contracts.identity.IdentityAssertion;

import java.time.Instant;

/**
 * Calls a service directly as the gateway would: identity headers signed with the platform's
 * {@code CIRCC_IDENTITY_SIGNING_SECRET} (start {@code ./run-local} with it set; docs/benchmarks.md).
 */
final class SignedIdentity {

    private static final IdentityAssertion SIGNER = new IdentityAssertion(requiredSecret());

    private SignedIdentity() {
    }

    static String signature(String principal, String organisation, String roles, String method, String path) {
        return SIGNER.sign(principal, organisation, roles, method, path, Instant.now());
    }

    private static String requiredSecret() {
        String secret = System.getProperty("signingSecret", System.getenv("CIRCC_IDENTITY_SIGNING_SECRET"));
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("set CIRCC_IDENTITY_SIGNING_SECRET (the platform's) or -DsigningSecret");
        }
        return secret;
    }
}
