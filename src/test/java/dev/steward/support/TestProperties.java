package dev.steward.support;

/** Settings every integration test context shares. */
public final class TestProperties {

  public static final String NO_DEMO = "steward.demo.enabled=false";

  /** Timers and async jobs are executed explicitly by the tests. */
  public static final String NO_JOB_EXECUTOR = "camunda.bpm.job-execution.enabled=false";

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD_VALUE = "Kestrel-root-9x!";
  public static final String ADMIN_PASSWORD = "steward.admin.password=" + ADMIN_PASSWORD_VALUE;
  public static final String COOKIES_OVER_HTTP = "server.servlet.session.cookie.secure=false";

  /** Meets the password policy; used for every user the tests create. */
  public static final String PASSWORD = "Kestrel-user-7q!";

  /** The demo users' password (README), in contexts with the demo world. */
  public static final String DEMO_PASSWORD = "Steward-demo-1";

  private TestProperties() {}
}
