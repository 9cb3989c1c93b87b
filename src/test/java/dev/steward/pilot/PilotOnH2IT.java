package dev.steward.pilot;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class PilotOnH2IT extends PilotIT {}
