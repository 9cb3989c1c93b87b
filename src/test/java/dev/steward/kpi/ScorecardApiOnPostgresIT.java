package dev.steward.kpi;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ScorecardApiOnPostgresIT extends ScorecardApiIT {}
