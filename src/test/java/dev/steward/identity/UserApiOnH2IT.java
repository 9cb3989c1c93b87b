package dev.steward.identity;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class UserApiOnH2IT extends UserApiIT {}
