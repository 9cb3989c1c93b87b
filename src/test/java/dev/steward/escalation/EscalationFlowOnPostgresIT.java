package dev.steward.escalation;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class EscalationFlowOnPostgresIT extends EscalationFlowIT {}
