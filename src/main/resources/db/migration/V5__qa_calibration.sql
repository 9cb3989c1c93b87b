-- QA calibration sessions (kpis.md "Calibration"): several analysts audit the same interactions of one
-- vendor; the spread of their category scores and each analyst's alignment with the median are reported.

create table qa_calibration (
    id                   varchar(36)  not null primary key,
    vendor_id            varchar(36)  not null references vendor (id),
    status               varchar(16)  not null,
    -- the vendor's QA scorecard when the session started (with qa_calibration_category): a later change
    -- of the vendor's scorecard does not change how this session is scored
    pass_mark            double precision not null,
    requested_by         varchar(64)  not null,
    requested_at         timestamp with time zone not null,
    process_instance_id  varchar(64),
    completed_at         timestamp with time zone
);

create index ix_qa_calibration_vendor on qa_calibration (vendor_id, requested_at);

-- the scorecard's categories as the session scores them, and the report's spread per category
create table qa_calibration_category (
    calibration_id      varchar(36)  not null references qa_calibration (id),
    position            integer      not null,
    category            varchar(40)  not null,
    name                varchar(100) not null,
    weight              integer      not null,
    min_rating          integer      not null,
    max_rating          integer      not null,
    critical            boolean      not null,
    -- report: pooled population standard deviation of the analysts' category scores (null: nobody rated it)
    standard_deviation  double precision,
    rated_count         integer,
    primary key (calibration_id, category)
);

-- the interactions audited, and the report's median audit score of each
create table qa_calibration_interaction (
    calibration_id  varchar(36) not null references qa_calibration (id),
    position        integer     not null,
    interaction_id  varchar(64) not null,
    median_score    double precision,
    scored_audits   integer,
    primary key (calibration_id, interaction_id)
);

-- the analysts, and the report's alignment of each
create table qa_calibration_analyst (
    calibration_id         varchar(36) not null references qa_calibration (id),
    position               integer     not null,
    analyst                varchar(64) not null,
    alignment              double precision,
    compared_interactions  integer,
    primary key (calibration_id, analyst)
);

-- one audit per analyst and interaction
create table qa_calibration_audit (
    id              varchar(36)   not null primary key,
    calibration_id  varchar(36)   not null references qa_calibration (id),
    position        integer       not null,
    interaction_id  varchar(64)   not null,
    analyst         varchar(64)   not null,
    status          varchar(16)   not null,
    score           double precision,
    auto_failed     boolean,
    passed          boolean,
    remarks         varchar(4000),
    submitted_by    varchar(64),
    submitted_at    timestamp with time zone,
    constraint uk_qa_calibration_audit unique (calibration_id, interaction_id, analyst)
);

-- a submitted audit's rating of each category: rating null means N/A
create table qa_calibration_rating (
    audit_id        varchar(36) not null references qa_calibration_audit (id),
    position        integer     not null,
    category        varchar(40) not null,
    rating          integer,
    category_score  double precision,
    primary key (audit_id, category)
);
