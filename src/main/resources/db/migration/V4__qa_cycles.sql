-- QA cycles (product.md 6, kpis.md "QA audits" and "QA sample size"): a statistically sized random
-- sample of a vendor's handled interactions of one month, audited against the vendor's QA scorecard
-- (copied into the cycle, so every audit of a cycle is scored the same way), with coaching, repeat
-- failure flags, disputes and recognition points.

create table qa_cycle (
    id                       varchar(36)  not null primary key,
    vendor_id                varchar(36)  not null references vendor (id),
    period_label             varchar(7)   not null,
    period_start             timestamp with time zone not null,
    period_end               timestamp with time zone not null,
    confidence               integer      not null,
    margin                   double precision not null,
    min_per_agent            integer      not null,
    seed                     bigint       not null,
    pass_mark                double precision not null,
    population               bigint,
    required_sample_size     integer,
    sample_size              integer,
    status                   varchar(20)  not null,
    process_instance_id      varchar(64),
    created_at               timestamp with time zone not null,
    created_by               varchar(64)  not null,
    results_published_at     timestamp with time zone,
    dispute_window_ends_at   timestamp with time zone,
    dispute_window_closed_at timestamp with time zone,
    closed_at                timestamp with time zone,
    constraint uk_qa_cycle_process_instance unique (process_instance_id)
);

create index ix_qa_cycle_vendor on qa_cycle (vendor_id, period_start);

-- the vendor's QA scorecard as it was when the cycle opened
create table qa_cycle_category (
    cycle_id    varchar(36)  not null references qa_cycle (id),
    position    integer      not null,
    category    varchar(40)  not null,
    name        varchar(100) not null,
    weight      integer      not null,
    min_rating  integer      not null,
    max_rating  integer      not null,
    critical    boolean      not null,
    primary key (cycle_id, category)
);

-- one audit per sampled interaction; score/passed/feedback are those of the current revision
create table qa_audit (
    id                      varchar(36)  not null primary key,
    cycle_id                varchar(36)  not null references qa_cycle (id),
    vendor_id               varchar(36)  not null references vendor (id),
    interaction_id          varchar(64)  not null,
    agent_id                varchar(64)  not null,
    channel                 varchar(8)   not null,
    interaction_started_at  timestamp with time zone not null,
    drawn_by                varchar(16)  not null,
    status                  varchar(16)  not null,
    revision                integer      not null,
    score                   double precision,
    passed                  boolean,
    auto_failed             boolean,
    feedback                varchar(4000),
    analyst                 varchar(64),
    audited_at              timestamp with time zone,
    constraint uk_qa_audit_interaction unique (cycle_id, interaction_id)
);

create index ix_qa_audit_agent on qa_audit (vendor_id, agent_id);

-- every revision of an audit: the analyst's (1) and each upheld dispute's (2, 3, ...); nothing is overwritten
create table qa_audit_revision (
    audit_id      varchar(36)  not null references qa_audit (id),
    revision      integer      not null,
    reason        varchar(20)  not null,
    dispute_id    varchar(36),
    score         double precision,
    passed        boolean,
    auto_failed   boolean      not null,
    feedback      varchar(4000),
    recorded_by   varchar(64)  not null,
    recorded_at   timestamp with time zone not null,
    primary key (audit_id, revision)
);

-- the ratings of each revision; a null rating is N/A
create table qa_audit_rating (
    audit_id        varchar(36) not null references qa_audit (id),
    revision        integer     not null,
    category        varchar(40) not null,
    rating          integer,
    category_score  double precision,
    primary key (audit_id, revision, category)
);

-- open_audit_id is the audit id while the dispute is open and null once decided: at most one open
-- dispute per audit, enforced by the database
create table qa_dispute (
    id             varchar(36)   not null primary key,
    audit_id       varchar(36)   not null references qa_audit (id),
    cycle_id       varchar(36)   not null references qa_cycle (id),
    vendor_id      varchar(36)   not null references vendor (id),
    reason         varchar(2000) not null,
    status         varchar(16)   not null,
    open_audit_id  varchar(36),
    filed_by       varchar(64)   not null,
    filed_at       timestamp with time zone not null,
    decided_by     varchar(64),
    decided_at     timestamp with time zone,
    decision_note  varchar(2000),
    constraint uk_qa_dispute_open unique (open_audit_id)
);

create index ix_qa_dispute_audit on qa_dispute (audit_id);

create table qa_coaching (
    id            varchar(36)   not null primary key,
    cycle_id      varchar(36)   not null references qa_cycle (id),
    vendor_id     varchar(36)   not null references vendor (id),
    agent_id      varchar(64)   not null,
    qa_score      double precision not null,
    focus         varchar(500)  not null,
    status        varchar(16)   not null,
    note          varchar(4000),
    coached_by    varchar(64),
    created_at    timestamp with time zone not null,
    completed_at  timestamp with time zone,
    constraint uk_qa_coaching_agent unique (cycle_id, agent_id)
);

-- an agent below the pass mark in two consecutive cycles of their vendor, sent to refresher training
create table qa_agent_flag (
    cycle_id           varchar(36) not null references qa_cycle (id),
    agent_id           varchar(64) not null,
    vendor_id          varchar(36) not null references vendor (id),
    previous_cycle_id  varchar(36) not null references qa_cycle (id),
    flagged_at         timestamp with time zone not null,
    primary key (cycle_id, agent_id)
);

-- recognition points; entry_key makes every award and correction happen once
create table qa_points (
    id          bigint generated by default as identity primary key,
    vendor_id   varchar(36)  not null references vendor (id),
    agent_id    varchar(64)  not null,
    audit_id    varchar(36)  not null references qa_audit (id),
    cycle_id    varchar(36)  not null references qa_cycle (id),
    entry_key   varchar(120) not null,
    reason      varchar(32)  not null,
    points      integer      not null,
    awarded_at  timestamp with time zone not null,
    constraint uk_qa_points_entry unique (entry_key)
);

create index ix_qa_points_agent on qa_points (vendor_id, agent_id);
