-- Interaction data, per-day rollups, and each vendor's scorecard and contract terms (kpis.md).

alter table vendor add column service_level_threshold_seconds integer default 20 not null;
alter table vendor add column monthly_fee numeric(14, 2) default 0 not null;
alter table vendor add column at_risk_percent numeric(5, 2) default 0 not null;

-- a vendor's own balanced scorecard; no rows means the default scorecard of kpis.md
create table vendor_scorecard_kpi (
    vendor_id   varchar(36)    not null references vendor (id),
    kpi         varchar(16)    not null,
    target      numeric(14, 4) not null,
    zero_point  numeric(14, 4) not null,
    weight      integer        not null,
    primary key (vendor_id, kpi)
);

-- service credits: share of the at-risk amount per credited KPI
create table vendor_credit_allocation (
    vendor_id   varchar(36)   not null references vendor (id),
    kpi         varchar(16)   not null,
    percent     numeric(5, 2) not null,
    primary key (vendor_id, kpi)
);

-- one row per contact; started_day is the UTC date of started_at (periods are whole UTC days)
create table interaction (
    vendor_id              varchar(36) not null references vendor (id),
    interaction_id         varchar(64) not null,
    agent_id               varchar(64) not null,
    channel                varchar(8)  not null,
    started_at             timestamp with time zone not null,
    started_day            date        not null,
    handle_seconds         integer     not null,
    first_contact_resolved boolean     not null,
    wait_seconds           integer,
    abandoned              boolean     not null,
    csat                   smallint,
    nps                    smallint,
    ces                    smallint,
    primary key (vendor_id, interaction_id)
);

create index ix_interaction_vendor_day on interaction (vendor_id, started_day);

-- the counts every KPI is computed from, per vendor, agent and UTC day; maintained by the import in its
-- transaction, so scorecards never scan raw interactions
create table interaction_daily_rollup (
    vendor_id               varchar(36) not null,
    started_day             date        not null,
    agent_id                varchar(64) not null,
    contacts                bigint not null,
    handled                 bigint not null,
    handled_resolved        bigint not null,
    handled_seconds         bigint not null,
    csat_count              bigint not null,
    csat_satisfied          bigint not null,
    nps_count               bigint not null,
    nps_promoters           bigint not null,
    nps_detractors          bigint not null,
    ces_count               bigint not null,
    ces_sum                 bigint not null,
    queued                  bigint not null,
    queued_abandoned        bigint not null,
    queued_answered_in_time bigint not null,
    primary key (vendor_id, started_day, agent_id)
);
