package org.circc.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The sector an incident hits: one of Japan's critical-infrastructure (CI) sectors as designated in
 * NISC's Cybersecurity Policy for Critical Infrastructure Protection, or one of the Games functions the
 * coordination center watched over for Tokyo 2020. JSON: the slug, e.g. {@code "electric-power"}.
 *
 * <p>{@link #criticalityWeight()} (0..1) is the default sector-criticality factor of triage: how far harm
 * in the sector spreads to life, health and other sectors, and how hard it is to work around. The
 * reason for each weight is given next to it.
 */
public enum Sector {
    // Everything else depends on networks and telecommunications; outages cascade widely.
    INFORMATION_COMMUNICATION("information-communication", 0.90, Ministry.MIC),
    // Payment and settlement systems: large, fast-spreading economic harm, but with strong fallbacks.
    FINANCE("finance", 0.80, Ministry.FSA),
    // Flight operations: safety of life, but strict manual procedures limit the cyber path to harm.
    AVIATION("aviation", 0.80, Ministry.MLIT),
    // Airport operations: disruption of arrivals of athletes and visitors, fewer direct safety effects.
    AIRPORTS("airports", 0.70, Ministry.MLIT),
    // Train control and operation: safety of life and the main way spectators travel in Japan.
    RAILWAYS("railways", 0.85, Ministry.MLIT),
    // Every other sector, hospitals and venues included, stops without power: the highest weight.
    ELECTRIC_POWER("electric-power", 1.00, Ministry.METI),
    // Gas supply: safety (explosion, heating) and slow, manual restoration after shut-offs.
    GAS("gas", 0.80, Ministry.METI),
    // Government and administrative services: public trust and the response itself depend on them.
    GOVERNMENT("government", 0.75, Ministry.MIC),
    // Hospitals and clinical systems: direct harm to life and health.
    MEDICAL("medical", 0.95, Ministry.MHLW),
    // Drinking water: direct harm to health, few alternatives at scale. (Water-supply administration moved
    // from the Ministry of Health, Labour and Welfare to MLIT in April 2024.)
    WATER("water", 0.95, Ministry.MLIT),
    // Distribution of goods: harm builds up over days rather than minutes.
    LOGISTICS("logistics", 0.60, Ministry.MLIT),
    // Chemical plants: safety incidents are possible but rare; production losses are local.
    CHEMICAL("chemical", 0.60, Ministry.METI),
    // Card payments: economic and privacy harm, with cash and other means as fallback.
    CREDIT_CARD("credit-card", 0.55, Ministry.METI),
    // Oil refining and supply: national reserves buffer short disruptions.
    PETROLEUM("petroleum", 0.60, Ministry.METI),
    // Port operations (a CI sector since 2024): supply-chain delays, buffered by stock.
    PORTS("ports", 0.60, Ministry.MLIT),
    // Venue operations (access control, power and building systems, public safety at venues): crowds.
    GAMES_VENUE_OPERATIONS("games-venue-operations", 0.85, Ministry.TOCOG),
    // Games management systems (timing, scoring, results, accreditation): the Games cannot run without them.
    GAMES_MANAGEMENT_SYSTEMS("games-management-systems", 0.95, Ministry.TOCOG),
    // Broadcasting: worldwide visibility, reputational harm, but no safety impact.
    GAMES_BROADCASTING("games-broadcasting", 0.75, Ministry.TOCOG),
    // Ticketing: a favourite target for DDoS; harm to visitors and revenue, with manual fallbacks at gates.
    GAMES_TICKETING("games-ticketing", 0.70, Ministry.TOCOG),
    // Transport of athletes and officials between venues and villages: schedules depend on it.
    GAMES_TRANSPORT("games-transport", 0.75, Ministry.TOCOG);

    private static final List<String> SLUGS = Arrays.stream(values()).map(Sector::slug).toList();

    private final String slug;
    private final double criticalityWeight;
    private final String responsibleMinistry;

    Sector(String slug, double criticalityWeight, String responsibleMinistry) {
        this.slug = slug;
        this.criticalityWeight = criticalityWeight;
        this.responsibleMinistry = responsibleMinistry;
    }

    /** The slug, e.g. {@code games-ticketing}; also the JSON form. */
    @JsonValue
    public String slug() {
        return slug;
    }

    /** Default triage weight of the sector's criticality, 0 (none) to 1 (highest). */
    public double criticalityWeight() {
        return criticalityWeight;
    }

    /**
     * The body responsible for the sector: for CI sectors the Japanese ministry or agency in charge of it
     * (in English); for Games functions the Tokyo Organising Committee.
     */
    public String responsibleMinistry() {
        return responsibleMinistry;
    }

    public boolean isGamesFunction() {
        return slug.startsWith("games-");
    }

    /** All slugs, in declaration order (CI sectors, then Games functions). */
    public static List<String> slugs() {
        return SLUGS;
    }

    /**
     * @throws InvalidValueException for an unknown slug
     */
    @JsonCreator
    public static Sector fromSlug(String slug) {
        if (slug == null || slug.isBlank()) {
            throw new InvalidValueException("sector is required; expected one of " + Texts.list(SLUGS));
        }
        String s = Texts.asciiLower(Texts.strip(slug));
        for (Sector sector : values()) {
            if (sector.slug.equals(s)) {
                return sector;
            }
        }
        throw new InvalidValueException("unknown sector " + Texts.quote(slug) + "; expected one of "
                + Texts.list(SLUGS));
    }

    /**
     * Whether this sector is selected by a subscription pattern: an exact slug ({@code railways}), a prefix
     * ending in {@code *} ({@code games-*}), or {@code *} for all. Case-insensitive; a null or malformed
     * pattern matches nothing (use {@link #matching(String)} to validate patterns).
     */
    public boolean matchesPattern(String pattern) {
        if (pattern == null) {
            return false;
        }
        String p = Texts.asciiLower(Texts.strip(pattern));
        int star = p.indexOf('*');
        if (star < 0) {
            return slug.equals(p);
        }
        if (star != p.length() - 1) {
            return false;
        }
        return slug.startsWith(p.substring(0, star));
    }

    /**
     * The sectors a subscription pattern selects.
     *
     * @throws InvalidValueException if the pattern is malformed or selects no sector, so a typo in a
     *         subscription is reported instead of silently matching nothing
     */
    public static Set<Sector> matching(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidValueException("sector pattern is required; expected a sector slug or a prefix "
                    + "ending in '*' such as 'games-*'");
        }
        String p = Texts.strip(pattern);
        int star = p.indexOf('*');
        if (star >= 0 && star != p.length() - 1) {
            throw new InvalidValueException(Texts.quote(pattern) + " is not a valid sector pattern: '*' may "
                    + "only end a prefix, as in 'games-*'");
        }
        EnumSet<Sector> result = EnumSet.noneOf(Sector.class);
        for (Sector sector : values()) {
            if (sector.matchesPattern(p)) {
                result.add(sector);
            }
        }
        if (result.isEmpty()) {
            throw new InvalidValueException(star < 0
                    ? "unknown sector " + Texts.quote(pattern) + "; expected one of " + Texts.list(SLUGS)
                    : "sector pattern " + Texts.quote(pattern) + " matches no sector; expected a prefix of one of "
                            + Texts.list(SLUGS));
        }
        return Collections.unmodifiableSet(result);
    }

    /** Names of the responsible bodies, shared between constants. */
    private static final class Ministry {
        static final String MIC = "Ministry of Internal Affairs and Communications";
        static final String FSA = "Financial Services Agency";
        static final String MLIT = "Ministry of Land, Infrastructure, Transport and Tourism";
        static final String METI = "Ministry of Economy, Trade and Industry";
        static final String MHLW = "Ministry of Health, Labour and Welfare";
        static final String TOCOG = "Tokyo Organising Committee";

        private Ministry() {
        }
    }
}
