-- Vendor evaluation rounds (RFP matrix, kpis.md "Vendor evaluation") and pilots (product.md §3).

-- one round: its criteria, candidates with their bids, evaluators and their ratings; the ranking is
-- stored as computed (exact decimals as JSON text) once every evaluator submitted
create table evaluation_round (
    id                   varchar(36)   not null primary key,
    name                 varchar(200)  not null,
    status               varchar(16)   not null,
    due_at               timestamp with time zone,
    created_at           timestamp with time zone not null,
    created_by           varchar(64)   not null,
    process_instance_id  varchar(64),
    bids_closed_at       timestamp with time zone,
    bids_closed_by       varchar(64),
    ranked_at            timestamp with time zone,
    ranking              varchar(200000)
);

create table evaluation_criterion (
    round_id       varchar(36)  not null references evaluation_round (id),
    criterion_key  varchar(40)  not null,
    name           varchar(100) not null,
    weight         integer      not null,
    position       integer      not null,
    primary key (round_id, criterion_key)
);

create table evaluation_candidate (
    round_id       varchar(36)    not null references evaluation_round (id),
    vendor_id      varchar(36)    not null references vendor (id),
    position       integer        not null,
    monthly_price  numeric(14, 2),
    bid_at         timestamp with time zone,
    bid_by         varchar(64),
    selected       boolean,
    primary key (round_id, vendor_id)
);

create table evaluation_evaluator (
    round_id      varchar(36) not null references evaluation_round (id),
    username      varchar(64) not null,
    position      integer     not null,
    submitted_at  timestamp with time zone,
    primary key (round_id, username)
);

-- rating null = the evaluator skipped that criterion for that candidate
create table evaluation_rating (
    round_id       varchar(36) not null references evaluation_round (id),
    username       varchar(64) not null,
    vendor_id      varchar(36) not null,
    criterion_key  varchar(40) not null,
    rating         smallint,
    primary key (round_id, username, vendor_id, criterion_key)
);

-- the executive's selection: who, when, why, and the ranking they saw
create table evaluation_selection (
    round_id            varchar(36)   not null primary key references evaluation_round (id),
    selected_by         varchar(64)   not null,
    selected_at         timestamp with time zone not null,
    reason              varchar(4000) not null,
    ranking_shown       varchar(200000) not null
);

-- a pilot of one vendor (one process instance); the plan, then the scorecard(s), then the go/no-go
create table pilot (
    id                         varchar(36)   not null primary key,
    vendor_id                  varchar(36)   not null references vendor (id),
    process_instance_id        varchar(64)   not null,
    status                     varchar(16)   not null,
    created_at                 timestamp with time zone not null,
    scope                      varchar(4000),
    live_volume_share_percent  integer,
    start_date                 date,
    duration_days              integer,
    incumbent_vendor_id        varchar(36) references vendor (id),
    planned_by                 varchar(64),
    planned_at                 timestamp with time zone,
    scored_at                  timestamp with time zone,
    comparison                 varchar(20000),
    decision                   varchar(8),
    decision_reason            varchar(4000),
    decided_by                 varchar(64),
    decided_at                 timestamp with time zone,
    comparison_shown           varchar(20000),
    constraint uk_pilot_process_instance unique (process_instance_id)
);

create index ix_pilot_vendor on pilot (vendor_id, created_at);

-- the KPI totals of a pilot window, per subject (the piloted vendor, and the incumbent in a challenger
-- pilot): the exact counts the scorecard is computed from
create table pilot_scorecard (
    pilot_id                  varchar(36) not null references pilot (id),
    subject                   varchar(10) not null,
    vendor_id                 varchar(36) not null references vendor (id),
    window_start              date        not null,
    window_end                date        not null,
    contacts                  bigint not null,
    handled                   bigint not null,
    handled_resolved          bigint not null,
    handled_seconds           bigint not null,
    csat_count                bigint not null,
    csat_satisfied            bigint not null,
    nps_count                 bigint not null,
    nps_promoters             bigint not null,
    nps_detractors            bigint not null,
    ces_count                 bigint not null,
    ces_sum                   bigint not null,
    queued                    bigint not null,
    queued_abandoned          bigint not null,
    queued_answered_in_time   bigint not null,
    primary key (pilot_id, subject)
);

-- the scorecard definition both subjects were scored with (the piloted vendor's, at scoring time)
create table pilot_scorecard_kpi (
    pilot_id    varchar(36)    not null references pilot (id),
    kpi         varchar(16)    not null,
    target      numeric(14, 4) not null,
    zero_point  numeric(14, 4) not null,
    weight      integer        not null,
    primary key (pilot_id, kpi)
);
