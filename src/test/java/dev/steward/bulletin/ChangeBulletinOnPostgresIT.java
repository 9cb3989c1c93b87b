package dev.steward.bulletin;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ChangeBulletinOnPostgresIT extends ChangeBulletinIT {}
