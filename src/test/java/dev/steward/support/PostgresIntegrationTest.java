package dev.steward.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application over real HTTP on a real PostgreSQL (embedded binaries, an empty database
 * migrated by Flyway and the engine). All classes with this annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestProperties.NO_DEMO,
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD,
      TestProperties.COOKIES_OVER_HTTP
    })
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface PostgresIntegrationTest {}
