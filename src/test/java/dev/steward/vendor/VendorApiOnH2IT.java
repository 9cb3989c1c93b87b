package dev.steward.vendor;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class VendorApiOnH2IT extends VendorApiIT {}
