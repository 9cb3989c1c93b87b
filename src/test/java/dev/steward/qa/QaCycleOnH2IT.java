package dev.steward.qa;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class QaCycleOnH2IT extends QaCycleIT {}
