package dev.steward.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application over real HTTP on an in-memory H2 database. Every class with this
 * annotation shares one Spring context (keep the configuration identical), so tests create their
 * own uniquely named data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:steward-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      TestProperties.NO_DEMO,
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD,
      TestProperties.COOKIES_OVER_HTTP
    })
public @interface H2IntegrationTest {}
