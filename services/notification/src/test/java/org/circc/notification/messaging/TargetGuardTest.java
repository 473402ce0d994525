package org.circc.notification.messaging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TargetGuardTest {

    private final TargetGuard guard = new TargetGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/hook", "https://10.1.2.3/hook",
            "https://172.16.0.1/hook", "https://192.168.1.10/hook", "http://169.254.169.254/latest", "http://[::1]/hook",
            "http://[fd00::1]/hook", "http://100.64.0.1/hook", "http://0.0.0.0/hook"})
    void loopbackPrivateAndLinkLocalTargetsAreRefused(String url) {
        assertThat(guard.refusal(url)).hasValueSatisfying(reason -> assertThat(reason).contains("loopback or private"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://203.0.113.7/hook", "http://198.51.100.1:8443/x", "https://[2001:db8::1]/hook"})
    void publicAddressesAreAccepted(String url) {
        assertThat(guard.refusal(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://203.0.113.7/hook", "/relative/hook", "not a url", "https:///nohost"})
    void onlyAbsoluteHttpUrlsAreTargets(String url) {
        assertThat(guard.refusal(url)).isPresent();
        assertThat(new TargetGuard(true).refusal(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/hook"})
    void theEmbeddedDefaultAllowsThisMachine(String url) {
        assertThat(new TargetGuard(true).refusal(url)).isEmpty();
    }
}
