package org.circc.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObservableTypeTest {

    @Test
    void slugsAreTheLowerCaseNames() {
        assertThat(ObservableType.slugs())
                .containsExactly("ipv4", "ipv6", "domain", "url", "email", "sha256", "sha1", "md5", "asn");
        assertThat(List.of(ObservableType.values())).filteredOn(ObservableType::isHash)
                .containsExactly(ObservableType.SHA256, ObservableType.SHA1, ObservableType.MD5);
    }

    @ParameterizedTest
    @EnumSource(ObservableType.class)
    void fromSlugIsTheInverseOfSlugAndJsonIsTheSlug(ObservableType type) throws Exception {
        assertThat(ObservableType.fromSlug(type.slug())).isSameAs(type);
        assertThat(ObservableType.fromSlug(type.name())).isSameAs(type);
        assertThat(Json.write(type)).isEqualTo("\"" + type.slug() + "\"");
        assertThat(Json.read("\"" + type.slug() + "\"", ObservableType.class)).isSameAs(type);
    }

    @Test
    void rejectsUnknownTypesListingTheValidOnes() {
        assertThatThrownBy(() -> ObservableType.fromSlug("hostname"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("unknown observable type 'hostname'; expected one of "
                        + "ipv4, ipv6, domain, url, email, sha256, sha1, md5, asn");
        assertThatThrownBy(() -> ObservableType.fromSlug(null)).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("observable type is required");
    }
}
