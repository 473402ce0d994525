package org.circc.intake.config;

import org.circc.intake.web.IncidentReportValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
public class IntakeConfiguration {

    /** Injected into command handlers and validation, so tests can fix the time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IncidentReportValidator incidentReportValidator(Clock clock) {
        return new IncidentReportValidator(clock);
    }
}
