package dev.steward.task;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class TaskApiOnPostgresIT extends TaskApiIT {}
