package dev.steward.platform;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class SecurityOnH2IT extends SecurityIT {}
