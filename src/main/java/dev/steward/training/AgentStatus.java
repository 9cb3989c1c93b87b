package dev.steward.training;

/** Where an agent of a cohort stands. */
enum AgentStatus {
  /** In training, or failed the first certification attempt and waiting for the retake. */
  IN_TRAINING,
  CERTIFIED,
  /** Failed the certification twice. */
  NOT_CERTIFIED,
  PROFICIENT,
  /** Certified, but not proficient at the proficiency check. */
  NOT_PROFICIENT
}
