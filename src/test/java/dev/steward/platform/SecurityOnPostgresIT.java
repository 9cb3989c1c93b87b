package dev.steward.platform;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class SecurityOnPostgresIT extends SecurityIT {}
