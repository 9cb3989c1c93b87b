package dev.steward.bulletin;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class ChangeBulletinOnH2IT extends ChangeBulletinIT {}
