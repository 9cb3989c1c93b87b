package dev.steward.identity;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class UserApiOnPostgresIT extends UserApiIT {}
