package dev.steward.training;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class TrainingOnPostgresIT extends TrainingIT {}
