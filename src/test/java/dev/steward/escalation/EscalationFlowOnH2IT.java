package dev.steward.escalation;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class EscalationFlowOnH2IT extends EscalationFlowIT {}
