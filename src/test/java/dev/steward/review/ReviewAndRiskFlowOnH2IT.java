package dev.steward.review;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class ReviewAndRiskFlowOnH2IT extends ReviewAndRiskFlowIT {}
