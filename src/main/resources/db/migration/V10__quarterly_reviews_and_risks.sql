-- Risk and issue log (product.md §12): one item per risk or issue of a vendor, from a manual entry,
-- an escalation's root cause or a QBR action item.
create table risk_item (
    id                varchar(36)   not null primary key,
    vendor_id         varchar(36)   not null references vendor (id),
    title             varchar(200)  not null,
    description       varchar(4000),
    owner             varchar(64)   not null,
    severity          varchar(16)   not null,
    due_date          date,
    status            varchar(16)   not null,
    source            varchar(32)   not null,
    source_ref        varchar(80),
    reminder_sent_at  timestamp with time zone,
    created_by        varchar(64)   not null,
    created_at        timestamp with time zone not null,
    updated_by        varchar(64)   not null,
    updated_at        timestamp with time zone not null,
    version           bigint        not null,
    -- an escalation's root cause or a QBR action becomes one item, however often it is recorded
    constraint uk_risk_item_source unique (source, source_ref)
);

create index ix_risk_item_vendor on risk_item (vendor_id, status, due_date);
create index ix_risk_item_due on risk_item (status, due_date);

-- Quarterly business reviews (product.md §8), follow-up reviews and improvement plans: the facts the
-- RM saw, the outcome, the RM's notes.
create table quarterly_review (
    id                    varchar(36)   not null primary key,
    vendor_id             varchar(36)   not null references vendor (id),
    review_kind           varchar(16)   not null,
    period_label          varchar(32)   not null,
    period_start          date          not null,
    period_end            date          not null,
    status                varchar(16)   not null,
    total                 double precision,
    previous_total        double precision,
    outcome               varchar(32),
    facts                 varchar(8000),
    facts_summary         varchar(2000),
    notes                 varchar(4000),
    held_by               varchar(64),
    held_at               timestamp with time zone,
    improvement_plan      varchar(4000),
    improvement_targets   varchar(2000),
    follow_up_due_at      timestamp with time zone,
    follows_review_id     varchar(36),
    follow_up_review_id   varchar(36),
    reason                varchar(2000),
    requested_by          varchar(64)   not null,
    requested_at          timestamp with time zone not null,
    process_instance_id   varchar(64)
);

create index ix_quarterly_review_vendor on quarterly_review (vendor_id, period_start);

-- What a vendor's team sees from the brand: e.g. recognition after an excellent quarter.
create table vendor_notice (
    id            varchar(36)   not null primary key,
    vendor_id     varchar(36)   not null references vendor (id),
    notice_kind   varchar(32)   not null,
    title         varchar(200)  not null,
    message       varchar(4000) not null,
    published_by  varchar(64)   not null,
    published_at  timestamp with time zone not null,
    review_id     varchar(36),
    constraint uk_vendor_notice_review unique (review_id, notice_kind)
);

create index ix_vendor_notice_vendor on vendor_notice (vendor_id, published_at);
