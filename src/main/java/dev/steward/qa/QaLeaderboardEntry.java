package dev.steward.qa;

/** An agent's place on their vendor's leaderboard (equal points share a rank). */
record QaLeaderboardEntry(int rank, String agentId, long points) {}
