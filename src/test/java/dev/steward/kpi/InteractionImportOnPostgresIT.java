package dev.steward.kpi;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class InteractionImportOnPostgresIT extends InteractionImportIT {}
