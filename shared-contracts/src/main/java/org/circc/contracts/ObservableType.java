package org.circc.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kind of a typed indicator ({@link Observable}). JSON: the lower-case slug, e.g. {@code "sha256"}. */
public enum ObservableType {
    IPV4("ipv4 address"),
    IPV6("ipv6 address"),
    DOMAIN("domain name"),
    URL("url"),
    EMAIL("email address"),
    SHA256("sha256 hash"),
    SHA1("sha1 hash"),
    MD5("md5 hash"),
    ASN("autonomous system number");

    private static final List<String> SLUGS = Arrays.stream(values()).map(ObservableType::slug).toList();

    private final String slug;
    private final String description;

    ObservableType(String description) {
        this.slug = name().toLowerCase(Locale.ROOT);
        this.description = description;
    }

    /** The lower-case name, e.g. {@code ipv4}; also the JSON form. */
    @JsonValue
    public String slug() {
        return slug;
    }

    /** What a value of this type is called in messages, e.g. "ipv4 address". */
    public String description() {
        return description;
    }

    /** {@code true} for the file hash types. */
    public boolean isHash() {
        return this == SHA256 || this == SHA1 || this == MD5;
    }

    public static List<String> slugs() {
        return SLUGS;
    }

    /**
     * @throws InvalidValueException for an unknown slug
     */
    @JsonCreator
    public static ObservableType fromSlug(String slug) {
        if (slug == null || slug.isBlank()) {
            throw new InvalidValueException("observable type is required; expected one of " + Texts.list(SLUGS));
        }
        String s = Texts.asciiLower(Texts.strip(slug));
        for (ObservableType type : values()) {
            if (type.slug.equals(s)) {
                return type;
            }
        }
        throw new InvalidValueException("unknown observable type " + Texts.quote(slug) + "; expected one of "
                + Texts.list(SLUGS));
    }
}
