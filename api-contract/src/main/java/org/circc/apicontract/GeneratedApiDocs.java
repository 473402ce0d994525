package org.circc.apicontract;

import org.circc.platform.web.Caller;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springdoc.webflux.core.configuration.SpringDocWebFluxConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Import into a {@code @WebFluxTest} to have springdoc generate the service's document at
 * {@link #PATH} (off everywhere else: {@code springdoc.api-docs.enabled} is false in the platform defaults, so
 * set it true in the test). The caller's identity is resolved from the gateway's headers, not a parameter of the
 * public API, so it is left out.
 */
@TestConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebFluxConfiguration.class})
public class GeneratedApiDocs {

    public static final String PATH = "/v3/api-docs";
    public static final String ENABLED = "springdoc.api-docs.enabled=true";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
