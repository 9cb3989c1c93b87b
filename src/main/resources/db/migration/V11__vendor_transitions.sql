-- Vendor transitions (product.md §9): the proposal, two executives' approvals, the parallel run
-- comparing both vendors' scorecards over the same days with the outgoing vendor's definition, and
-- the cut-over. Decisions are also in decision_record (V9).
create table vendor_transition (
    id                   varchar(36)    not null primary key,
    vendor_id            varchar(36)    not null references vendor (id),
    successor_vendor_id  varchar(36)    references vendor (id),
    new_evaluation       boolean        not null,
    reason               varchar(4000)  not null,
    source               varchar(16)    not null,
    review_id            varchar(64),
    status               varchar(24)    not null,
    proposed_by          varchar(64)    not null,
    proposed_at          timestamp with time zone not null,
    parallel_run_days    integer        not null,
    process_instance_id  varchar(64),
    first_approved_by    varchar(64),
    first_approved_at    timestamp with time zone,
    second_approved_by   varchar(64),
    second_approved_at   timestamp with time zone,
    rejected_by          varchar(64),
    rejected_at          timestamp with time zone,
    rejection_reason     varchar(4000),
    run_start            date,
    run_end              date,
    outgoing_score       numeric(12, 6),
    successor_score      numeric(12, 6),
    comparison           varchar(16000),
    compared_at          timestamp with time zone,
    cut_over_by          varchar(64),
    cut_over_at          timestamp with time zone,
    lead_accounts        varchar(4000),
    constraint uk_vendor_transition_review unique (review_id)
);

create index ix_vendor_transition_vendor on vendor_transition (vendor_id, proposed_at);
