package org.circc.contracts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoryTest {

    @Test
    void knowsTheRsitClassesInTaxonomyOrder() {
        assertThat(Category.classes()).containsExactly("abusive-content", "malicious-code", "information-gathering",
                "intrusion-attempts", "intrusions", "availability", "information-content-security", "fraud",
                "vulnerable", "other", "test");
    }

    @Test
    void knowsTheRsitTypes() {
        assertThat(Category.typesOf("availability"))
                .containsExactly("dos", "ddos", "misconfiguration", "sabotage", "outage");
        assertThat(Category.typesOf("malicious-code")).containsExactly("infected-system", "c2-server",
                "malware-distribution", "malware-configuration", "ransomware");
        assertThat(Category.typesOf("intrusions")).containsExactly("privileged-account-compromise",
                "unprivileged-account-compromise", "application-compromise", "system-compromise", "burglary");
        assertThat(Category.typesOf("abusive-content")).containsExactly("spam", "harmful-speech", "violence");
        assertThat(Category.typesOf("information-gathering")).containsExactly("scanner", "sniffing", "social-engineering");
        assertThat(Category.typesOf("intrusion-attempts")).containsExactly("ids-alert", "brute-force", "exploit");
        assertThat(Category.typesOf("information-content-security")).containsExactly(
                "unauthorised-information-access", "unauthorised-information-modification", "data-loss", "data-leak");
        assertThat(Category.typesOf("fraud"))
                .containsExactly("unauthorised-use-of-resources", "copyright", "masquerade", "phishing");
        assertThat(Category.typesOf("vulnerable")).containsExactly("weak-crypto", "ddos-amplifier",
                "potentially-unwanted-accessible", "information-disclosure", "vulnerable-system");
        assertThat(Category.typesOf("other")).containsExactly("other", "undetermined");
        assertThat(Category.typesOf("test")).containsExactly("test");
    }

    @ParameterizedTest
    @CsvSource({
            "availability:ddos, availability, ddos",
            "malicious-code:ransomware, malicious-code, ransomware",
            "intrusions:system-compromise, intrusions, system-compromise",
            "' Fraud:Phishing ', fraud, phishing",
            "information-content-security:unauthorized-information-access, information-content-security, unauthorised-information-access",
            "test:test, test, test"})
    void parsesClassAndType(String slug, String rsitClass, String type) {
        Category category = Category.parse(slug);
        assertThat(category.rsitClass()).isEqualTo(rsitClass);
        assertThat(category.type()).isEqualTo(type);
        assertThat(category.slug()).isEqualTo(rsitClass + ":" + type);
        assertThat(category.isClassOnly()).isFalse();
        assertThat(category.classOnly()).isEqualTo(Category.ofClass(rsitClass));
    }

    @Test
    void parsesAClassAlone() {
        Category category = Category.parse("availability");
        assertThat(category).isEqualTo(new Category("availability", null)).isEqualTo(Category.ofClass("availability"));
        assertThat(category.type()).isNull();
        assertThat(category.isClassOnly()).isTrue();
        assertThat(category.slug()).isEqualTo("availability");
        assertThat(category).hasToString("availability");
    }

    @Test
    void rejectsUnknownClassesListingTheValidOnes() {
        assertThatThrownBy(() -> Category.parse("ddos"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("unknown category class 'ddos'; expected one of abusive-content, malicious-code, "
                        + "information-gathering, intrusion-attempts, intrusions, availability, "
                        + "information-content-security, fraud, vulnerable, other, test");
    }

    @Test
    void rejectsTypesOfAnotherClassListingTheValidOnes() {
        assertThatThrownBy(() -> Category.parse("availability:phishing"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("unknown type 'phishing' in category class 'availability'; "
                        + "expected one of dos, ddos, misconfiguration, sabotage, outage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"availability:", "availability:ddos:extra", ":ddos", "", "  "})
    void rejectsMalformedSlugs(String slug) {
        assertThatThrownBy(() -> Category.parse(slug)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void canonicalConstructorTakesCanonicalSlugsOnly() {
        assertThatThrownBy(() -> new Category("Availability", "ddos"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("unknown category class 'Availability'");
        assertThatThrownBy(() -> new Category(null, "ddos")).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("category class is required");
        assertThatThrownBy(() -> Category.typesOf("nope")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aClassOnlyFilterMatchesAllItsTypes() {
        Category ddos = Category.parse("availability:ddos");
        Category availability = Category.parse("availability");
        assertThat(ddos.matches(availability)).isTrue();
        assertThat(availability.matches(availability)).isTrue();
        assertThat(ddos.matches(ddos)).isTrue();
        assertThat(ddos.matches(Category.parse("availability:dos"))).isFalse();
        assertThat(availability.matches(ddos)).isFalse();
        assertThat(ddos.matches(Category.parse("fraud"))).isFalse();
        assertThat(Category.parse("other:other").matches(Category.parse("other"))).isTrue();
    }

    @Test
    void everyKnownSlugParsesBackToItself() {
        for (String rsitClass : Category.classes()) {
            assertThat(Category.parse(rsitClass).slug()).isEqualTo(rsitClass);
            for (String type : Category.typesOf(rsitClass)) {
                Category category = Category.parse(rsitClass + ":" + type);
                assertThat(category.slug()).isEqualTo(rsitClass + ":" + type);
                assertThat(category.matches(Category.ofClass(rsitClass))).isTrue();
            }
        }
    }

    @Test
    void travelsInJsonAsTheSlug() throws Exception {
        Category category = Category.parse("availability:ddos");
        assertThat(Json.write(category)).isEqualTo("\"availability:ddos\"");
        assertThat(Json.read("\"availability:ddos\"", Category.class)).isEqualTo(category);
        assertThat(Json.roundTrip(Category.parse("fraud"), Category.class)).isEqualTo(Category.parse("fraud"));
        List<Category> list = List.of(category, Category.parse("test"));
        String json = Json.write(list);
        assertThat(json).isEqualTo("[\"availability:ddos\",\"test\"]");
        assertThat(Json.read(json, new TypeReference<List<Category>>() { })).isEqualTo(list);
    }

    @Test
    void invalidJsonCategoryFailsWithTheValidationMessage() {
        assertThatThrownBy(() -> Json.read("\"availability:flood\"", Category.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseInstanceOf(InvalidValueException.class)
                .hasMessageContaining("unknown type 'flood' in category class 'availability'");
    }
}
