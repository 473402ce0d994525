package org.circc.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incident category in the ENISA Reference Security Incident Taxonomy (RSIT, as maintained by the
 * TF-CSIRT task force and published as the MISP {@code rsit} taxonomy): an RSIT class and, optionally, one
 * of its types, written as the slug {@code class} or {@code class:type} (e.g. {@code availability:ddos}).
 *
 * <p>The canonical constructor takes canonical slugs only; {@link #parse(String)} is lenient about case
 * and surrounding whitespace and also reads the US spelling {@code unauthorized-*} of the types RSIT
 * spells {@code unauthorised-*}. JSON: the slug string.
 */
public record Category(String rsitClass, String type) {

    /** RSIT classes in taxonomy order, each with its types. */
    private static final Map<String, List<String>> TAXONOMY;

    static {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("abusive-content", List.of("spam", "harmful-speech", "violence"));
        // RSIT's malicious-code types, plus "ransomware", which the platform's own examples use.
        t.put("malicious-code", List.of("infected-system", "c2-server", "malware-distribution",
                "malware-configuration", "ransomware"));
        t.put("information-gathering", List.of("scanner", "sniffing", "social-engineering"));
        t.put("intrusion-attempts", List.of("ids-alert", "brute-force", "exploit"));
        t.put("intrusions", List.of("privileged-account-compromise", "unprivileged-account-compromise",
                "application-compromise", "system-compromise", "burglary"));
        t.put("availability", List.of("dos", "ddos", "misconfiguration", "sabotage", "outage"));
        t.put("information-content-security", List.of("unauthorised-information-access",
                "unauthorised-information-modification", "data-loss", "data-leak"));
        t.put("fraud", List.of("unauthorised-use-of-resources", "copyright", "masquerade", "phishing"));
        t.put("vulnerable", List.of("weak-crypto", "ddos-amplifier", "potentially-unwanted-accessible",
                "information-disclosure", "vulnerable-system"));
        t.put("other", List.of("other", "undetermined"));
        t.put("test", List.of("test"));
        TAXONOMY = Collections.unmodifiableMap(t);
    }

    public Category {
        if (rsitClass == null || rsitClass.isEmpty()) {
            throw new InvalidValueException("category class is required; expected one of "
                    + Texts.list(TAXONOMY.keySet()));
        }
        List<String> types = TAXONOMY.get(rsitClass);
        if (types == null) {
            throw new InvalidValueException("unknown category class " + Texts.quote(rsitClass)
                    + "; expected one of " + Texts.list(TAXONOMY.keySet()));
        }
        if (type != null && !types.contains(type)) {
            throw new InvalidValueException("unknown type " + Texts.quote(type) + " in category class '"
                    + rsitClass + "'; expected one of " + Texts.list(types));
        }
    }

    /** The class-only category, matching every type of the class. */
    public static Category ofClass(String rsitClass) {
        return new Category(rsitClass, null);
    }

    /**
     * Parses {@code class} or {@code class:type}.
     *
     * @throws InvalidValueException for an unknown class, or a type the class does not have
     */
    @JsonCreator
    public static Category parse(String slug) {
        if (slug == null || slug.isBlank()) {
            throw new InvalidValueException("category is required; expected an RSIT class such as 'availability' "
                    + "or 'class:type' such as 'availability:ddos'");
        }
        String s = Texts.asciiLower(Texts.strip(slug));
        int colon = s.indexOf(':');
        if (colon < 0) {
            return new Category(s, null);
        }
        if (s.indexOf(':', colon + 1) >= 0) {
            throw new InvalidValueException(Texts.quote(slug) + " is not a valid category; expected 'class' or "
                    + "'class:type' with a single ':'");
        }
        String rsitClass = s.substring(0, colon).strip();
        String type = s.substring(colon + 1).strip();
        if (type.isEmpty()) {
            throw new InvalidValueException(Texts.quote(slug) + " is not a valid category: the type after ':' is "
                    + "empty; omit the ':' for the class alone");
        }
        if (type.startsWith("unauthorized-")) {
            type = "unauthorised-" + type.substring("unauthorized-".length());
        }
        return new Category(rsitClass, type);
    }

    /** {@code class} or {@code class:type}; also the JSON form. */
    @JsonValue
    public String slug() {
        return type == null ? rsitClass : rsitClass + ":" + type;
    }

    public boolean isClassOnly() {
        return type == null;
    }

    /** This category's class, without the type. */
    public Category classOnly() {
        return type == null ? this : new Category(rsitClass, null);
    }

    /**
     * Whether this category is selected by {@code filter}: a class-only filter matches its class and
     * every type of it; a {@code class:type} filter matches exactly that type.
     */
    public boolean matches(Category filter) {
        if (filter == null) {
            throw new InvalidValueException("category filter is required");
        }
        return rsitClass.equals(filter.rsitClass) && (filter.type == null || filter.type.equals(type));
    }

    /** The RSIT classes, in taxonomy order. */
    public static Set<String> classes() {
        return TAXONOMY.keySet();
    }

    /** The types of an RSIT class, in taxonomy order. */
    public static List<String> typesOf(String rsitClass) {
        List<String> types = TAXONOMY.get(rsitClass);
        if (types == null) {
            throw new InvalidValueException("unknown category class " + Texts.quote(rsitClass)
                    + "; expected one of " + Texts.list(TAXONOMY.keySet()));
        }
        return types;
    }

    @Override
    public String toString() {
        return slug();
    }
}
