package dev.steward.transition;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class TransitionOnH2IT extends TransitionIT {}
