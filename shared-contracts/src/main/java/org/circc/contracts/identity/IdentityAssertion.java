package org.circc.contracts.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How the gateway tells a service who the caller is, so that the service can check it came from the gateway: the
 * identity headers plus {@code X-CIRCC-Identity-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>} over the
 * timestamp, the identity, the method and the path, keyed with a secret only the gateway and the services share.
 * A request without a valid, fresh signature did not come through the gateway.
 */
public final class IdentityAssertion {

    public static final String PRINCIPAL = "X-CIRCC-Principal";
    public static final String ORGANISATION = "X-CIRCC-Organisation";
    public static final String ROLES = "X-CIRCC-Roles";
    public static final String SIGNATURE = "X-CIRCC-Identity-Signature";
    /** How old (or how far ahead, for clock skew) a signature may be. */
    public static final Duration TOLERANCE = Duration.ofSeconds(60);

    private final byte[] secret;

    public IdentityAssertion(String secret) {
        if (Objects.requireNonNull(secret, "secret").length() < 32) {
            throw new IllegalArgumentException("the identity signing secret needs at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The value of {@link #SIGNATURE} for this identity on this request at {@code now}. */
    public String sign(String principal, String organisation, String roles, String method, String path, Instant now) {
        long timestamp = now.getEpochSecond();
        return "t=" + timestamp + ",v1=" + hmac(timestamp, principal, organisation, roles, method, path);
    }

    /** Whether {@code signature} was made with this secret for exactly this identity and request, recently enough. */
    public boolean verify(String signature, String principal, String organisation, String roles, String method,
                          String path, Instant now) {
        if (signature == null || principal == null || organisation == null || roles == null) {
            return false;
        }
        String[] parts = signature.split(",", 2);
        if (parts.length != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("v1=")) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(parts[0].substring(2));
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(timestamp, principal, organisation, roles, method, path).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts[1].substring(3).getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(long timestamp, String principal, String organisation, String roles, String method, String path) {
        String signed = String.join("\n", Long.toString(timestamp), principal, organisation, roles, method, path);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
