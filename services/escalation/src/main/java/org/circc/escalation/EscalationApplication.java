package org.circc.escalation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Escalation: who must act on a campaign, by when, and who is next when nobody does. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EscalationApplication {

    public static void main(String[] args) {
        SpringApplication.run(EscalationApplication.class, args);
    }
}
