package dev.steward.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One packaged Steward node (a child JVM) on its own restartable embedded PostgreSQL, with a
 * relationship manager and a vendor created through the API: the fixture of the reliability tests
 * that break one node or its database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneNodeReliabilityTest {

  private final String name;

  ReliabilityPostgres postgres;
  StewardNode node;
  Client client;
  String rm;
  String vendorId;

  /**
   * @param name names the database directory, the node ("name-node") and the test world's users
   */
  OneNodeReliabilityTest(String name) {
    this.name = name;
  }

  @BeforeAll
  void start() {
    postgres = new ReliabilityPostgres(name);
    node = new StewardNode(name + "-node", postgres).start();
    client = new Client(node);
    String[] world = client.world(name);
    rm = world[0];
    vendorId = world[1];
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }
}
