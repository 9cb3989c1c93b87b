package dev.steward;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Steward: a brand's outsourced customer-service vendors, run as BPMN processes on embedded Camunda
 * 7.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StewardApplication {

  public static void main(String[] args) {
    SpringApplication.run(StewardApplication.class, args);
  }
}
