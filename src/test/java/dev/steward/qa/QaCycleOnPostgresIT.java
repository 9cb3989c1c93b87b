package dev.steward.qa;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class QaCycleOnPostgresIT extends QaCycleIT {}
