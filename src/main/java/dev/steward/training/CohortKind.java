package dev.steward.training;

/** A cohort of new agents, or a refresher for one agent QA flagged. */
enum CohortKind {
  COHORT,
  REFRESHER
}
