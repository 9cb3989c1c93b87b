package dev.steward.onboarding;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class OnboardingOnH2IT extends OnboardingIT {}
