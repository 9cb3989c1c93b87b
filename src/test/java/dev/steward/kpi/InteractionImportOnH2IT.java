package dev.steward.kpi;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class InteractionImportOnH2IT extends InteractionImportIT {}
