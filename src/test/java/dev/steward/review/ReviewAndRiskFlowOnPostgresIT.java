package dev.steward.review;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ReviewAndRiskFlowOnPostgresIT extends ReviewAndRiskFlowIT {}
