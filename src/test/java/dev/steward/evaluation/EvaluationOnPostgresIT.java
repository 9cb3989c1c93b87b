package dev.steward.evaluation;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class EvaluationOnPostgresIT extends EvaluationIT {}
