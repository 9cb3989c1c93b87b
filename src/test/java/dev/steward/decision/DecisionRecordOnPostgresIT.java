package dev.steward.decision;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class DecisionRecordOnPostgresIT extends DecisionRecordIT {}
