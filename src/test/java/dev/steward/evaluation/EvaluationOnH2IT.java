package dev.steward.evaluation;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class EvaluationOnH2IT extends EvaluationIT {}
