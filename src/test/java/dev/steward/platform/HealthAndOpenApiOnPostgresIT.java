package dev.steward.platform;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class HealthAndOpenApiOnPostgresIT extends HealthAndOpenApiIT {}
