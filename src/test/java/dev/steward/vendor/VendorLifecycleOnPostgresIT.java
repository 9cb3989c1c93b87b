package dev.steward.vendor;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class VendorLifecycleOnPostgresIT extends VendorLifecycleIT {}
