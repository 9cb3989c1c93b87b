package dev.steward.transition;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class TransitionOnPostgresIT extends TransitionIT {}
