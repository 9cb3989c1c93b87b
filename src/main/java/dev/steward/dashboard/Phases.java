package dev.steward.dashboard;

import dev.steward.vendor.LifecyclePhase;

/** Lifecycle phases as the dashboard names and colours them. */
final class Phases {

  private Phases() {}

  static String label(LifecyclePhase phase) {
    return switch (phase) {
      case EVALUATION -> "Evaluation";
      case PILOT -> "Pilot";
      case ONBOARDING -> "Onboarding";
      case TRAINING -> "Training";
      case OPERATING -> "Operating";
      case TRANSITION -> "Transition";
      case OFFBOARDED -> "Offboarded";
      case REJECTED -> "Rejected";
    };
  }

  static String badge(LifecyclePhase phase) {
    return switch (phase) {
      case OPERATING -> "good";
      case TRANSITION, OFFBOARDED, REJECTED -> "bad";
      case PILOT, ONBOARDING, TRAINING -> "warn";
      case EVALUATION -> "neutral";
    };
  }
}
