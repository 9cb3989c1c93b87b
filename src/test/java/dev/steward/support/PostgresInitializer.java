package dev.steward.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at a fresh database on the embedded PostgreSQL and activates the postgres
 * profile.
 */
public class PostgresInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().addActiveProfile("postgres");
    TestPropertyValues.of(
            "spring.datasource.url=" + EmbeddedPostgresServer.newDatabase(),
            "spring.datasource.username=postgres",
            "spring.datasource.password=postgres",
            // the embedded server may stop before the context at JVM exit: fail fast instead of
            // waiting 30 s
            "spring.datasource.hikari.connection-timeout=2000")
        .applyTo(context);
  }
}
