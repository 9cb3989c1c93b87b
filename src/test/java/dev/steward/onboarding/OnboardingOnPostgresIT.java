package dev.steward.onboarding;

import dev.steward.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class OnboardingOnPostgresIT extends OnboardingIT {}
