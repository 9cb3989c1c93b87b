package dev.steward.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application with its demo world on an in-memory H2 database, served over real HTTP to a
 * real browser ({@link Browser}). Every class with this annotation shares one Spring context. The
 * demo users sign in with {@code DemoWorld.DEMO_PASSWORD}. Tests change the demo world only in ways
 * other browser tests do not depend on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:steward-browser;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "steward.demo.enabled=true",
      TestProperties.NO_JOB_EXECUTOR,
      TestProperties.ADMIN_PASSWORD,
      TestProperties.COOKIES_OVER_HTTP
    })
public @interface BrowserIntegrationTest {}
