package dev.steward.vendor;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class VendorLifecycleOnH2IT extends VendorLifecycleIT {}
