package dev.steward.training;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class TrainingOnH2IT extends TrainingIT {}
