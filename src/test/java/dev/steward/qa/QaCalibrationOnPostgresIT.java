package dev.steward.qa;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class QaCalibrationOnPostgresIT extends QaCalibrationIT {}
