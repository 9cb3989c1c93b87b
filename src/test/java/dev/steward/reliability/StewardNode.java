package dev.steward.reliability;

import dev.steward.support.TestProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/steward-*.jar}) as a child process on a real PostgreSQL,
 * with its own log in {@code target/reliability/<name>.log}. Job executor on, with a short lock
 * time, so jobs of a killed node are taken over quickly.
 */
final class StewardNode implements AutoCloseable {

  static final Path REPORT_DIR = Paths.get("target", "reliability");

  /** How long a job stays locked by the node that acquired it. */
  static final int LOCK_TIME_MILLIS = 10_000;

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);

  private final String name;
  private final int port;
  private final String jdbcUrl;
  private final List<String> extraArgs;
  private final Path log;
  private Process process;
  private final Thread shutdownHook;

  StewardNode(String name, ReliabilityPostgres postgres, String... extraArgs) {
    this.name = name;
    this.port = freePort();
    this.jdbcUrl = postgres.jdbcUrl(name);
    this.extraArgs = List.of(extraArgs);
    this.log = REPORT_DIR.resolve(name + ".log");
    this.shutdownHook = new Thread(this::kill);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  /** Starts the jar and waits until it answers ready; fails with the log's tail otherwise. */
  StewardNode start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.security.egd=file:/dev/urandom");
    command.add("-jar");
    command.add(jar().toString());
    command.add("--spring.profiles.active=postgres");
    command.add("--server.address=127.0.0.1");
    command.add("--camunda.bpm.job-execution.enabled=true");
    command.add("--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS);
    // pick up jobs made due from outside (another node, an operator) within a second
    command.add("--camunda.bpm.job-execution.wait-time-in-millis=500");
    command.add("--camunda.bpm.job-execution.max-wait=1000");
    // the job log and metrics name the node
    command.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
    command.add("--logging.level.org.camunda.bpm.engine.jobexecutor=WARN");
    command.addAll(extraArgs);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("STEWARD_DB_URL", jdbcUrl);
    env.put("STEWARD_DB_USERNAME", "postgres");
    env.put("STEWARD_DB_PASSWORD", "postgres");
    env.put("PORT", Integer.toString(port));
    env.put("STEWARD_DEMO_ENABLED", "false");
    env.put("STEWARD_ADMIN_PASSWORD", TestProperties.ADMIN_PASSWORD_VALUE);
    env.put("STEWARD_SECURE_COOKIES", "false");
    builder.redirectErrorStream(true);
    try {
      Files.createDirectories(REPORT_DIR);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Files.writeString(
          log,
          "\n===== start " + name + " on port " + port + " =====\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
    awaitReady();
    return this;
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " during startup:\n" + logTail());
      }
      if (ready()) {
        return;
      }
      sleep(250);
    }
    kill();
    throw new IllegalStateException(
        name + " was not ready within " + STARTUP_TIMEOUT + ":\n" + logTail());
  }

  /** Whether the readiness probe answers 200. */
  boolean ready() {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")
                  .toURL()
                  .openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(5000);
      try {
        return c.getResponseCode() == 200;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** {@code kill -9}: no shutdown hook, no graceful close of anything. */
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A graceful stop (SIGTERM), as an operator would do. */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** The packaged jar, built by {@code package} before the integration tests run. */
  static Path jar() {
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(Paths.get("target"), "steward-*.jar")) {
      for (Path jar : jars) {
        if (!jar.getFileName().toString().endsWith("-plain.jar")) {
          return jar.toAbsolutePath();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("No target/steward-*.jar: run ./mvnw verify (package first)");
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
