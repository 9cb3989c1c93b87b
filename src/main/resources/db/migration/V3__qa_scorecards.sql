-- A vendor's QA scorecard (kpis.md "QA audits"): no row means the default scorecard.
create table qa_scorecard (
    vendor_id   varchar(36)  not null primary key references vendor (id),
    pass_mark   numeric(5,2) not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(64)  not null
);

create table qa_scorecard_category (
    vendor_id   varchar(36)  not null references qa_scorecard (vendor_id),
    position    integer      not null,
    category    varchar(40)  not null,
    name        varchar(100) not null,
    weight      integer      not null,
    min_rating  integer      not null,
    max_rating  integer      not null,
    critical    boolean      not null,
    primary key (vendor_id, category)
);
