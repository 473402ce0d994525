package org.circc.intake.config;

import org.circc.intake.web.IncidentReportValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
public class IntakeConfiguration {

    @Bean
    IncidentReportValidator incidentReportValidator(Clock clock) {
        return new IncidentReportValidator(clock);
    }
}
