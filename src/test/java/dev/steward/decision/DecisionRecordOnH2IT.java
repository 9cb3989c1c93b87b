package dev.steward.decision;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class DecisionRecordOnH2IT extends DecisionRecordIT {}
