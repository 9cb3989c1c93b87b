package dev.steward.task;

import dev.steward.support.H2IntegrationTest;

@H2IntegrationTest
class TaskApiOnH2IT extends TaskApiIT {}
