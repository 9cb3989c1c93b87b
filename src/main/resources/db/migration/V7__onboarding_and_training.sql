-- Vendor onboarding (processes/vendor-onboarding.bpmn): one row per onboarding process instance.
create table vendor_onboarding (
    id                         varchar(64)   not null primary key,  -- the process instance id
    vendor_id                  varchar(36)   not null references vendor (id),
    involvement                varchar(16)   not null,
    -- the responsibility split (DMN ResponsibilitySplit): BRAND or VENDOR
    recruiting_owner           varchar(8)    not null,
    onboarding_sessions_owner  varchar(8)    not null,
    training_owner             varchar(8)    not null,
    coaching_owner             varchar(8)    not null,
    qa_owner                   varchar(8)    not null,
    started_at                 timestamp with time zone not null,
    contract_applied_at        timestamp with time zone,
    contract_applied_by        varchar(64),
    default_kpi_targets        boolean,
    relationship_manager       varchar(64),
    rm_assigned_by             varchar(64),
    rm_assigned_at             timestamp with time zone,
    sync_cadence               varchar(16),
    reporting_cadence          varchar(16),
    escalation_path            varchar(2000),
    ground_rules_set_by        varchar(64),
    ground_rules_set_at        timestamp with time zone,
    completed_at               timestamp with time zone
);

create index ix_vendor_onboarding_vendor on vendor_onboarding (vendor_id, started_at);

-- one vetting interview per proposed agent
create table onboarding_candidate (
    onboarding_id  varchar(64)   not null references vendor_onboarding (id),
    agent_id       varchar(64)   not null,
    decision       varchar(16)   not null,
    note           varchar(2000) not null,
    decided_by     varchar(64),
    decided_at     timestamp with time zone not null,
    primary key (onboarding_id, agent_id)
);

-- Agent training (processes/agent-training.bpmn): a cohort, or a refresher (a cohort of one).
create table training_cohort (
    id                          varchar(200) not null primary key,  -- the business key
    vendor_id                   varchar(36)  not null references vendor (id),
    kind                        varchar(16)  not null,               -- COHORT or REFRESHER
    process_instance_id         varchar(64),
    qa_cycle_id                 varchar(64),                         -- a refresher's QA cycle
    started_at                  timestamp with time zone not null,
    started_on                  date         not null,               -- in the vendor's time zone
    nesting_period              varchar(32),                         -- a cohort's; none for a refresher
    proficient_agents           integer,
    median_days_to_proficiency  double precision,
    mean_days_to_proficiency    double precision,
    completed_at                timestamp with time zone
);

create index ix_training_cohort_vendor on training_cohort (vendor_id, started_at);

create table training_agent (
    cohort_id            varchar(200) not null references training_cohort (id),
    agent_id             varchar(64)  not null,
    status               varchar(16)  not null,
    proficiency_date     date,
    days_to_proficiency  integer,
    proficiency_checked_by varchar(64),
    primary key (cohort_id, agent_id)
);

create table training_certification_attempt (
    cohort_id    varchar(200)     not null,
    agent_id     varchar(64)      not null,
    attempt      integer          not null,
    score        double precision not null,
    passed       boolean          not null,
    recorded_by  varchar(64),
    recorded_at  timestamp with time zone not null,
    primary key (cohort_id, agent_id, attempt),
    foreign key (cohort_id, agent_id) references training_agent (cohort_id, agent_id)
);
