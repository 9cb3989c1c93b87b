package dev.steward.kpi;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class ScorecardApiOnH2IT extends ScorecardApiIT {}
