package dev.steward.pilot;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class PilotOnPostgresIT extends PilotIT {}
