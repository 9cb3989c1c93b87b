package dev.steward.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Points Camunda's static engine registry at the engine of the test's own Spring context.
 *
 * <p>The engine REST API and the webapps look the engine up by name in {@link ProcessEngines}, a
 * JVM-wide map. The H2 and the PostgreSQL test contexts both run an engine named {@code default},
 * and the one started last wins: without this, a request to {@code /engine-rest} or {@code
 * /camunda} of the H2 application would be served by the PostgreSQL engine (other users, other
 * data). One engine per JVM in production, so only tests need this. Registered for every test class
 * in {@code META-INF/spring.factories}.
 */
public class CurrentProcessEngine extends AbstractTestExecutionListener {

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    register(testContext);
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    register(testContext);
  }

  private static void register(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext
          .getApplicationContext()
          .getBeanProvider(ProcessEngine.class)
          .ifAvailable(ProcessEngines::registerProcessEngine);
    }
  }
}
